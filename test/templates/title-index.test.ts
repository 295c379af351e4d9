/**
 * `estimate list` takes the built-in templates' titles from a build-time index
 * (dist/template-titles.json) instead of parsing each template: only for the exact text the
 * index was made from, so a built-in edited in place shows its new title.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { source } from '../../src/diagnostics/source.js';
import { parseTemplate } from '../../src/template/load.js';
import { cachedTitle, titlesPath } from '../../src/template/tree-cache.js';
import { ROOT, tempDir } from '../helpers.js';

describe('the title index of estimate list', () => {
  it('answers for the exact text it was made from, and not for an edited, unknown or inherited name', () => {
    const root = tempDir('estimate-titles-');
    const folder = join(root, 'templates');
    mkdirSync(join(root, 'dist'), { recursive: true });
    const text = 'title: Old title\n';
    writeFileSync(titlesPath(folder), JSON.stringify({ t: { text, title: 'Old title' } }));
    expect(cachedTitle('t', source('t.yaml', text), folder)).toBe('Old title');
    expect(cachedTitle('t', source('t.yaml', 'title: New title\n'), folder)).toBeUndefined();
    expect(cachedTitle('missing', source('t.yaml', text), folder)).toBeUndefined();
    expect(cachedTitle('__proto__', source('t.yaml', text), folder)).toBeUndefined();
    expect(cachedTitle('toString', source('t.yaml', text), folder)).toBeUndefined();
  });

  it('the built bundle lists every built-in with the title its template parses to', () => {
    const r = spawnSync(process.execPath, [`${ROOT}bin/estimate.js`, 'list'], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', HOME: '/nonexistent' } });
    expect(r.status).toBe(0);
    const index = JSON.parse(readFileSync(`${ROOT}dist/template-titles.json`, 'utf8')) as Record<string, { title: string }>;
    const names = Object.keys(index);
    expect(names.length).toBeGreaterThanOrEqual(22);
    for (const name of names) {
      const title = parseTemplate(source(`templates/${name}.yaml`, readFileSync(`${ROOT}templates/${name}.yaml`, 'utf8'))).title;
      expect(r.stdout).toContain(`${name.padEnd(Math.max(...names.map((n) => n.length)))}  ${title}  [built-in]`);
    }
  });
});
