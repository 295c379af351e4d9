import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  // `estimate list` and `estimate NAME` take a built-in's tree from this cache (load.ts passes the
  // built-in key): a template the build left out, or one edited after it, would be parsed as YAML
  // at every start. The cache exists only after `npm run build`.
  const built = existsSync(join(ROOT, 'dist', 'template-cache'));
  it.skipIf(!built)('holds the current text of every built-in template, so no start parses their YAML', () => {
    const names = readdirSync(join(ROOT, 'templates')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
    expect(names.length).toBeGreaterThanOrEqual(22);
    const missed = names.filter((name) => {
      const file = source(join(ROOT, 'templates', `${name}.yaml`), readFileSync(join(ROOT, 'templates', `${name}.yaml`), 'utf8'));
      return cachedTree(name, file, join(ROOT, 'templates')) === undefined;
    });
    expect(missed, 'run npm run build: these templates miss the cache').toEqual([]);
  });
});
