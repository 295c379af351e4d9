/** Issue 14's hand-computed acceptance cases on twitter, through the CLI's JSON output. */
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

interface JCell {
  text: string;
  value?: number;
  unit?: string;
  si?: number;
}
interface JTable {
  title: string;
  columns: { key: string; label: string }[];
  rows: Record<string, JCell>[];
}
interface JAnalysis {
  kind: string;
  notes: string[];
  tables: JTable[];
  charts: unknown[];
}

async function analyses(args: string[], env: Record<string, string> = {}): Promise<JAnalysis[]> {
  const r = await cli(['twitter', ...args, '--format', 'json'], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { analyses: JAnalysis[] }).analyses;
}

const close = (a: number, b: number, rel = 1e-12) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b));
// Twitter's defaults: 300M MAU, 50% daily, 2 tweets a day: 300M tweets a day.
const TWEET_QPS = (300e6 * 0.5 * 2) / 86400;
const YEAR = 365 * 86400;

describe('sensitivity', () => {
  it('ranks media_size, media_ratio and the DAU inputs for media_storage, and leaves text_size out', async () => {
    const [s] = await analyses(['--sensitivity', 'media_storage']);
    const t = s!.tables[0]!;
    const order = t.rows.map((r) => r['input']!.text);
    for (const name of ['media_size', 'media_ratio', 'mau', 'daily_active_ratio']) expect(order).toContain(name);
    expect(order).not.toContain('text_size');
    expect(s!.notes.join(' ')).toMatch(/media_storage does not depend on .*text_size/);
    const swings = t.rows.map((r) => r['swing']!.si!);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    // retention, a point input, moves ÷2 to ×2: 54.75 PB becomes 27.375 PB and 109.5 PB.
    const ret = t.rows.find((r) => r['input']!.text === 'retention')!;
    close(ret['low']!.si!, 27.375e15, 1e-9);
    close(ret['high']!.si!, 109.5e15, 1e-9);
  });
  it('--swing 1.5 moves a point input from ÷1.5 to ×1.5', async () => {
    const [s] = await analyses(['--sensitivity', 'media_storage', '--swing', '1.5']);
    const ret = s!.tables[0]!.rows.find((r) => r['input']!.text === 'retention')!;
    close(ret['low']!.si!, 54.75e15 / 1.5, 1e-9);
    close(ret['high']!.si!, 54.75e15 * 1.5, 1e-9);
  });
  it('gives rank correlations when the run is sampled', async () => {
    const [s] = await analyses(['--sensitivity', 'media_storage', '--ranges', '--samples', '2000']);
    const rows = s!.tables[0]!.rows;
    const rho = (n: string) => rows.find((r) => r['input']!.text === n)!['rank_correlation']!.value!;
    expect(rho('media_size')).toBeGreaterThan(0.3);
    expect(rho('media_size')).toBeLessThanOrEqual(1);
  });
});

describe('sweep', () => {
  it('a geometric sweep of mau over 3 decades gives tweet_qps exactly proportional', async () => {
    const [s] = await analyses(['--sweep', 'mau=1M..1bn*10', '--show', 'tweet_qps']);
    const rows = s!.tables[0]!.rows;
    expect(rows.map((r) => r['mau']!.si)).toEqual([1e6, 1e7, 1e8, 1e9]);
    for (const r of rows) close(r['tweet_qps']!.si! / r['mau']!.si!, TWEET_QPS / 300e6);
  });
  it('a linear sweep has N points, ends included', async () => {
    const [s] = await analyses(['--sweep', 'mau=100M..1bn:10', '--show', 'dau']);
    const xs = s!.tables[0]!.rows.map((r) => r['mau']!.si!);
    expect(xs).toHaveLength(10);
    expect(xs[0]).toBe(100e6);
    expect(xs[9]).toBe(1e9);
  });
  it('two sweeps make a grid, one table per output', async () => {
    const [g] = await analyses(['--sweep', 'mau=100M..300M:3', '--sweep', 'media_size=1MB..2MB:2', '--show', 'media_per_day']);
    expect(g!.kind).toBe('grid');
    const t = g!.tables[0]!;
    expect(t.rows).toHaveLength(3);
    // 300M users at 2 MB per media tweet: 60 TB/day.
    close(t.rows[2]!['c1']!.si!, 60e12 / 86400, 1e-12);
  });
});

describe('growth', () => {
  it('5 years at 40%/year: row 0 is today, year 5 tweet QPS is 3,472 × 1.4^5, media totals are the hand-summed series', async () => {
    const [g] = await analyses(['--grow', 'mau=40%/year', '--years', '5', '--show', 'tweet_qps']);
    const rows = g!.tables[0]!.rows;
    expect(rows).toHaveLength(6);
    close(rows[0]!['tweet_qps']!.si!, TWEET_QPS);
    close(rows[0]!['mau']!.si!, 300e6);
    close(rows[5]!['tweet_qps']!.si!, TWEET_QPS * 1.4 ** 5);
    let total = 0;
    rows.forEach((r, k) => {
      if (k > 0) total += (30e12 / 86400) * 1.4 ** k * YEAR;
      close(r['media_per_day_total']!.si! + 1, total + 1, 1e-12);
    });
  });
  it('--months compounds 40%/year monthly', async () => {
    const [g] = await analyses(['--grow', 'mau=40%/year', '--months', '12', '--show', 'tweet_qps']);
    close(g!.tables[0]!.rows[12]!['tweet_qps']!.si!, TWEET_QPS * 1.4, 1e-12);
  });
  it('--until names the first year over the threshold and the interpolated date', async () => {
    const [g] = await analyses(['--grow', 'mau=40%/year', '--until', 'write_servers > 100', '--show', 'write_servers'], { ESTIMATE_TODAY: '2026-01-01' });
    const rows = g!.tables[0]!.rows;
    // 6,944 peak tweets/s × 1.4^k over 1,000 per server: 74 servers in year 7, 103 in year 8.
    expect(rows).toHaveLength(9);
    expect(rows[7]!['write_servers']!.si).toBe(74);
    expect(rows[8]!['write_servers']!.si).toBe(103);
    const at = 7 + (100 - 74) / (103 - 74);
    expect(g!.notes.join(' ')).toContain(`first in year 8, at about year ${at.toFixed(2)}, around 2033-`);
  });
  it('--accumulate sums a named rate', async () => {
    const [g] = await analyses(['--grow', 'mau=10%/year', '--years', '1', '--accumulate', 'tweet_qps', '--show', 'tweet_qps']);
    close(g!.tables[0]!.rows[1]!['tweet_qps_total']!.si!, TWEET_QPS * 1.1 * YEAR);
  });
});

describe('goal seek', () => {
  it('the largest MAU with write_servers <= 20 is the closed form 20 × 1,000 × 86,400 / (0.5 × 2 × 2)', async () => {
    const [s] = await analyses(['--solve', 'mau', '--for', 'write_servers <= 20']);
    const row = s!.tables[0]!.rows[1]!;
    expect(row['case']!.text).toBe('largest');
    close(row['mau']!.si!, (20 * 1000 * 86400) / (0.5 * 2 * 2), 1e-9);
    expect(row['write_servers']!.si).toBe(20);
  });
  it('>= finds the smallest value, = an exact one', async () => {
    const [s] = await analyses(['--solve', 'mau', '--for', 'tweet_qps = 10000']);
    close(s!.tables[0]!.rows[1]!['mau']!.si!, (10000 * 86400) / (0.5 * 2), 1e-9);
    const [t] = await analyses(['--solve', 'server_capacity', '--for', 'write_servers <= 5']);
    // A decreasing output: the smallest capacity that keeps 5 servers, 6,944.4/5 tweet/s each.
    expect(t!.tables[0]!.rows[1]!['case']!.text).toBe('smallest');
    close(t!.tables[0]!.rows[1]!['server_capacity']!.si!, (TWEET_QPS * 2) / 5, 1e-9);
  });
});

describe('goal seek, far out', () => {
  it('a probe that overflows the model is left out, not the search', async () => {
    const r = await cli(['test/fixtures/analysis/overflow-far-out.yaml', '--solve', 'n', '--for', 'y = 1000000', '--format', 'json']);
    expect(r.stderr).toBe('');
    const row = (JSON.parse(r.stdout) as { analyses: JAnalysis[] }).analyses[0]!.tables[0]!.rows[1]!;
    close(row['n']!.si!, Math.log(1e6), 1e-9);
  });
});

describe('diff', () => {
  it('--compare shows exactly the changed inputs', async () => {
    const [d] = await analyses(['--compare', 'mau=600M', '--compare', 'media_size=2MB']);
    expect(d!.tables[0]!.rows.map((r) => r['input']!.text)).toEqual(['mau', 'media_size']);
    const out = d!.tables[1]!.rows.find((r) => r['output']!.text === 'media_per_day')!;
    expect(out['relative']!.text).toBe('+300.0%');
  });
  it('estimate diff A B compares two templates', async () => {
    const dir = tempDir('estimate-diff-');
    const file = join(dir, 'twitter-custom.yaml');
    writeFileSync(file, readFileSync(join(ROOT, 'templates/twitter.yaml'), 'utf8').replace('default: 300M user', 'default: 450M user').replace('default: 204 B/tweet', 'default: 300 B/tweet'));
    const r = await cli(['diff', 'twitter', file, '--format', 'json']);
    expect(r.stderr).toBe('');
    const [d] = (JSON.parse(r.stdout) as { analyses: JAnalysis[] }).analyses;
    expect(d!.tables[0]!.rows.map((x) => x['input']!.text)).toEqual(['mau', 'text_size']);
    const dau = d!.tables[1]!.rows.find((x) => x['output']!.text === 'dau')!;
    expect(dau['relative']!.text).toBe('+50.0%');
  });
});
