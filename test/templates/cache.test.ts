import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { source } from '../../src/diagnostics/source.js';
import { loadTree, storeTree, textHash } from '../../src/template/tree-cache.js';
import { readYaml } from '../../src/template/yaml-tree.js';
import { ROOT } from '../helpers.js';

describe('the build-time template cache', () => {
  it.each(['twitter', 'url-shortener', 'crawler', 'autocomplete', 'video-cdn', 'cloud-drive'])('%s: a stored tree loads back to the same tree', (name) => {
    const file = source(`templates/${name}.yaml`, readFileSync(`${ROOT}/templates/${name}.yaml`, 'utf8'));
    const tree = readYaml(file).root!;
    const stored = JSON.parse(JSON.stringify(storeTree(tree)));
    expect(storeTree(loadTree(stored, file))).toEqual(stored);
    const again = loadTree(stored, file);
    expect(again.kind).toBe('map');
  });
  it('a changed text has another hash, so an edited template misses the cache', () => {
    expect(textHash('a: 1\n')).not.toBe(textHash('a: 2\n'));
    expect(textHash('a: 1\n')).toBe(textHash('a: 1\n'));
  });
});
