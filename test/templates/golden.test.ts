import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';

const TEMPLATES = ['twitter', 'url-shortener', 'crawler', 'autocomplete', 'video-cdn', 'cloud-drive'];
const update = process.env['UPDATE_GOLDEN'] === '1';

/** Compares with test/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead. */
export function golden(name: string, actual: string): void {
  const path = `${ROOT}/test/golden/${name}`;
  if (update) writeFileSync(path, actual);
  expect(existsSync(path), `${path} is missing: run UPDATE_GOLDEN=1 npm test and review it`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('table output at 80 columns', () => {
  it.each(TEMPLATES)('%s', async (t) => {
    const r = await cli([t]);
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    golden(`${t}.table.txt`, r.stdout);
  });
});
