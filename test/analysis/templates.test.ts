/** Every analysis runs on every built-in template, in every format, without an error. */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const TEMPLATES = ['autocomplete', 'cloud-drive', 'crawler', 'twitter', 'url-shortener', 'video-cdn'];

async function firstInput(t: string): Promise<{ name: string; value: number; unit: string }> {
  const r = await cli([t, '--format', 'json']);
  const doc = JSON.parse(r.stdout) as { inputs: Record<string, { value: number; unit: string }> };
  const [name, v] = Object.entries(doc.inputs)[0]!;
  return { name, value: v.value, unit: v.unit };
}

describe.each(TEMPLATES)('%s', (t) => {
  it('sensitivity, sweep, growth, goal seek, compare and diff run in every format', async () => {
    const { name, value } = await firstInput(t);
    const runs = [
      ['--sensitivity'],
      ['--sweep', `${name}=${value}..${value * 4}:4`],
      ['--sweep', `${name}=${value}..${value * 100}*10`],
      ['--grow', `${name}=20%/year`, '--years', '3'],
      ['--compare', `${name}=${value * 2}`],
      ['--ranges', '--samples', '300', '--hist'],
    ];
    for (const args of runs) {
      for (const f of ['table', 'md', 'json', 'csv', 'html']) {
        const r = await cli([t, ...args, '--format', f]);
        expect(r.stderr, `${t} ${args.join(' ')} -f ${f}`).toBe('');
        expect(r.code).toBe(0);
      }
    }
    const d = await cli(['diff', t, t, '--format', 'json']);
    expect(d.code).toBe(0);
    expect(JSON.parse(d.stdout).analyses[0].tables[0].rows).toEqual([]);
  });
  it('templates mark their rates of new data accumulate: true, and a projection sums them', async () => {
    const r = await cli([t, '--grow', `${(await firstInput(t)).name}=10%/year`, '--years', '2', '--format', 'json']);
    const cols = (JSON.parse(r.stdout) as { analyses: { tables: { columns: { key: string }[] }[] }[] }).analyses[0]!.tables[0]!.columns.map((c) => c.key);
    if (t === 'url-shortener') expect(cols.some((c) => c.endsWith('_total'))).toBe(false);
    else expect(cols.some((c) => c.endsWith('_total'))).toBe(true);
  });
});
