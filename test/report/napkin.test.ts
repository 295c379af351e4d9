/** Issue 13, `--napkin`: the estimate worked as on a whiteboard, the error accumulating along the chain. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorText, oneFigure, powerText } from '../../src/report/napkin.js';
import { cli, ROOT } from '../helpers.js';

interface Nap {
  value: number;
  unit: string;
  text: string;
  step?: string;
  perDay?: string;
  exact: number;
  error: number;
}
async function napkin(args: string[]): Promise<{ inputs: Record<string, { napkin: Nap }>; outputs: Record<string, { napkin?: Nap }>; napkinShortcuts: string[] }> {
  const r = await cli([...args, '--napkin', '--format', 'json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as never;
}

describe('one figure and a power of ten', () => {
  it.each([
    [150e6, 2, 8, '2 × 10^8'],
    [86_400, 9, 4, '9 × 10^4'],
    [96_000, 1, 5, '10^5'],
    [62, 6, 1, '60'],
    [7, 7, 0, '7'],
    [0.0204, 2, -2, '2 × 10^-2'],
    [-3472, -3, 3, '-3 × 10^3'],
  ])('%d is %d × 10^%d (%s)', (v, figure, power, text) => {
    expect(oneFigure(v)).toMatchObject({ figure, power });
    expect(powerText(v)).toBe(text);
  });
  it('rounds to the nearest one-figure number: never more than a third off, and idempotent', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1e15, noNaN: true }), fc.boolean(), (a, neg) => {
        const v = neg ? -a : a;
        const r = oneFigure(v);
        expect(Math.abs(r.figure)).toBeGreaterThanOrEqual(1);
        expect(Math.abs(r.figure)).toBeLessThanOrEqual(9);
        expect(Math.abs(r.value - v) / Math.abs(v)).toBeLessThanOrEqual(1 / 3 + 1e-9);
        expect(oneFigure(r.value).value).toBe(r.value);
      }),
    );
  });
  it('says the error signed, with one decimal', () => {
    expect(errorText(0.152)).toBe('+15.2%');
    expect(errorText(-0.0354)).toBe('-3.5%');
    expect(errorText(0)).toBe('0%');
  });
});

describe('twitter on a whiteboard, checked by hand', () => {
  it('each step reads the rounded values before it, with day = 10^5 s and year = π × 10^7 s', async () => {
    const doc = await napkin(['twitter']);
    const o = (n: string) => doc.outputs[n]!.napkin!;
    // mau 3 × 10^8 stays; dau = 3 × 10^8 × 50% = 1.5 × 10^8, which rounds to 2 × 10^8 (+33.3% against 150M).
    expect(doc.inputs['mau']!.napkin).toMatchObject({ value: 3e8, error: 0 });
    expect(o('dau')).toMatchObject({ value: 2e8, step: '3 × 10^8 user × 50%' });
    expect(o('dau').error).toBeCloseTo(1 / 3, 12);
    // tweet_qps = 2 × 10^8 × 2 / 10^5 s = 4 × 10^3 tweet/s, against 3,472: +15.2%.
    expect(o('tweet_qps')).toMatchObject({ value: 4000, unit: 'tweet/s', text: '4 × 10^3 tweet/s', step: '2 × 10^8 user × 2 tweet/user/day', perDay: '4 × 10^8 tweet/day ÷ 10^5 s/day' });
    expect(o('tweet_qps').error).toBeCloseTo(4000 / 3472.2222222 - 1, 6);
    // media_per_day = 4 × 10^3 tweet/s × 10% × 1 MB = 4 × 10^8 B/s = 4 × 10^13 B per 10^5-second day: 40 TB/day, against 30.
    expect(o('media_per_day')).toMatchObject({ value: 40, unit: 'TB/day' });
    expect(o('media_per_day').error).toBeCloseTo(1 / 3, 12);
    // media_storage = 4 × 10^8 B/s × 5 × π × 10^7 s = 6.28 × 10^16 B, which rounds to 60 PB, against 54.75 PB.
    expect(o('media_storage')).toMatchObject({ value: 60, unit: 'PB', step: '40 TB/day × 5 year' });
    expect(o('media_storage').error).toBeCloseTo(60 / 54.75 - 1, 12);
    // read_servers = ceil(4 × 10^5 / 10^3) = 400, against 348.
    expect(o('read_servers')).toMatchObject({ value: 400, step: 'ceil(4 × 10^5 tweet/s / (10^3 tweet/s/server))' });
    expect(doc.napkinShortcuts).toContain('1 day = 86,400 s ≈ 10^5 s (+15.7%)');
  });
  it('the table shows each step, the exact value and the error; without --napkin there is none', async () => {
    const out = (await cli(['twitter', '--napkin'])).stdout;
    expect(out).toContain('1 day = 86,400 s ≈ 10^5 s (+15.7%)');
    expect(out).toMatch(/tweet_qps +=  ?2 × 10\^8 user × 2 tweet\/user\/day\n +≈ 4 × 10\^8 tweet\/day ÷ 10\^5 s\/day\n +≈ 4 × 10\^3 tweet\/s {3}\(exact 3,472 tweets\/s, \+15\.2%\)\n/);
    expect((await cli(['twitter'])).stdout).not.toContain('Napkin');
    expect((await cli(['twitter', '--format', 'json'])).stdout).not.toContain('napkin');
  });
  it('Markdown has a block per step with the napkin figure in bold', async () => {
    const md = (await cli(['twitter', '--napkin', '--format', 'md'])).stdout;
    expect(md).toContain('## Napkin');
    expect(md).toContain('- `tweet_qps` = 2 × 10^8 user × 2 tweet/user/day  \n  ≈ 4 × 10^8 tweet/day ÷ 10^5 s/day  \n  ≈ **4 × 10^3 tweet/s** (exact 3,472 tweets/s, +15.2%)\n');
  });
  it('a figure on the right of / is parenthesised, so the step reads as computed', async () => {
    const doc = await napkin(['url-shortener']);
    expect(doc.outputs['web_servers']!.napkin!.step).toBe('ceil((2 × 10^4 url/s + 2 × 10^3 url/s) / (5 × 10^3 url/s/server))');
  });
  it('CSV keeps the exact values only', async () => {
    const csv = (await cli(['twitter', '--napkin', '--format', 'csv'])).stdout;
    expect(csv).toBe((await cli(['twitter', '--format', 'csv'])).stdout);
  });
});

describe('a declared convention stays on the whiteboard', () => {
  it('day: 10^5 s is kept, and the other shortcuts are measured against the declared day', async () => {
    const doc = await napkin(['test/fixtures/published/sdi2-google-maps.yaml']);
    expect(doc.napkinShortcuts).toEqual(['1 day = 100,000 s, as declared (kept on the whiteboard)', '1 month = 3,000,000 s ≈ 2.5M s (-16.7%)', '1 year = 36,500,000 s ≈ π × 10^7 s (-13.9%)']);
    // 10^9 user × 40 min/user/week (35 rounded) is 5.7 × 10^9 min/day over 7 declared days: 6 × 10^9.
    expect(doc.outputs['minutes_per_day']!.napkin).toMatchObject({ value: 6e9, step: '10^9 user × 40 min/user/week' });
    // 6 × 10^9 min/day × 60 s / 10^5 s / 20 s = 1.8 × 10^5, which rounds to 2 × 10^5: the source's 200k.
    expect(doc.outputs['qps']!.napkin).toMatchObject({ value: 2e5, error: 0 });
  });
});

describe('every built-in template works on a whiteboard', () => {
  const names = readdirSync(join(ROOT, 'templates')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
  it.each(names)('%s: every value has a finite napkin figure and an error', async (t) => {
    const r = await cli([t, '--napkin', '--format', 'json']);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { inputs: Record<string, { napkin?: Nap }>; outputs: Record<string, { napkin?: Nap }> };
    for (const [name, o] of [...Object.entries(doc.inputs), ...Object.entries(doc.outputs)]) {
      expect(Number.isFinite(o.napkin!.value), name).toBe(true);
      expect(o.napkin!.error === null || Number.isFinite(o.napkin!.error), name).toBe(true);
    }
  });
});
