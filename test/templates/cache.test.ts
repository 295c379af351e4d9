import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { source } from '../../src/diagnostics/source.js';
import { cachedTree, cachePath, loadTree, storeTree } from '../../src/template/tree-cache.js';
import { readYaml } from '../../src/template/yaml-tree.js';
import { ROOT, tempDir } from '../helpers.js';

describe('the build-time template cache', () => {
  it.each(['twitter', 'url-shortener', 'crawler', 'autocomplete', 'video-cdn', 'cloud-drive'])('%s: a stored tree loads back to the same tree', (name) => {
    const file = source(`templates/${name}.yaml`, readFileSync(`${ROOT}/templates/${name}.yaml`, 'utf8'));
    const tree = readYaml(file).root!;
    const stored = JSON.parse(JSON.stringify(storeTree(tree)));
    expect(storeTree(loadTree(stored, file))).toEqual(stored);
    const again = loadTree(stored, file);
    expect(again.kind).toBe('map');
  });
  it('is used for the exact text it was made from, and missed once the template is edited', () => {
    const root = tempDir('estimate-cache-');
    const folder = join(root, 'templates');
    mkdirSync(join(root, 'dist', 'template-cache'), { recursive: true });
    const text = 'name: t\nvalue: 1\n';
    const file = source('t.yaml', text);
    writeFileSync(cachePath('t', folder), JSON.stringify({ text, tree: storeTree(readYaml(file).root!) }));
    const hit = cachedTree('t', file, folder);
    expect(hit && storeTree(hit)).toEqual(storeTree(readYaml(file).root!));
    expect(cachedTree('t', source('t.yaml', 'name: t\nvalue: 2\n'), folder)).toBeUndefined();
    expect(cachedTree('missing', file, folder)).toBeUndefined();
  });
});
