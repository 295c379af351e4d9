import { describe, expect, it } from 'vitest';
import { cli, golden } from '../helpers.js';

const TEMPLATES = ['twitter', 'url-shortener', 'crawler', 'autocomplete', 'video-cdn', 'cloud-drive'];
describe('table output at 80 columns', () => {
  it.each(TEMPLATES)('%s', async (t) => {
    const r = await cli([t]);
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    golden(`${t}.table.txt`, r.stdout);
  });
});
