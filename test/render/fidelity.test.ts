/** Issue 13, numbers people read: unit preferences, plurals, money, digits, CSV digits, error data. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvNumber } from '../../src/render/csv.js';
import { Dimension } from '../../src/units/dimension.js';
import { formatCount, formatNumber, formatQuantity, movePrefix } from '../../src/units/format.js';
import { cli, tempDir } from '../helpers.js';

const DATA = Dimension.base('Data');
const PB = { text: 'PB', dimension: DATA, factor: 1e15 };

interface Out {
  value: number;
  unit: string;
  text: string;
}
async function json(args: string[]): Promise<{ inputs: Record<string, Out>; outputs: Record<string, Out> }> {
  const r = await cli([...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { inputs: Record<string, Out>; outputs: Record<string, Out> };
}

describe('a template unit is a preference', () => {
  it('--set mau=50K on twitter shows 9.125 TB, not 0.009125 PB, and JSON keeps PB', async () => {
    const o = (await json(['twitter', '--set', 'mau=50K'])).outputs['media_storage']!;
    expect(o.text).toBe('9.125 TB');
    expect(o.unit).toBe('PB');
    expect(o.value).toBeCloseTo(0.009125, 12);
  });
  it('moves within the family: binary stays binary, bits stay bits, the rest of the unit stays', () => {
    const gib = { text: 'GiB/day', dimension: DATA.div(Dimension.base('Time')), factor: 2 ** 30 / 86400 };
    expect(movePrefix((2 ** 20 * 5) / 86400, gib).text).toBe('MiB/day');
    const gbps = { text: 'Gbps', dimension: DATA.div(Dimension.base('Time')), factor: 1e9 / 8 };
    expect(movePrefix(1e3 / 8, gbps).text).toBe('kbps');
    expect(movePrefix(5e15, PB)).toBe(PB);
  });
  it('a fixed unit (`unit: PB!`) and an explicit conversion never move', () => {
    expect(formatQuantity(9.125e12, DATA, { ...PB, fixed: true }).text).toBe('0.009125 PB');
    expect(formatQuantity(9.125e12, DATA, PB, true).text).toBe('0.009125 PB');
  });
  it('`unit: TB!` in a template keeps TB', async () => {
    const dir = tempDir('estimate-fixed-');
    const path = join(dir, 't.yaml');
    writeFileSync(path, 'name: t\ntitle: T\ninputs:\n  size: 5 GB\nquantities:\n  moved:\n    value: size\n    unit: TB\n  fixed:\n    value: size\n    unit: TB!\nsections:\n  S: [moved, fixed]\n');
    const o = (await json([path])).outputs;
    expect(o['moved']!.text).toBe('5 GB');
    expect(o['fixed']!.text).toBe('0.005 TB');
    expect(o['fixed']!.unit).toBe('TB');
  });
  it('the prefix of any value it moves lands between 1 and 9,999', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e20, noNaN: true }), (si) => {
        const v = Math.abs(si / movePrefix(si, PB).factor);
        expect(v >= 0.99995 || si < 1).toBe(true);
        expect(v).toBeLessThan(1e4);
      }),
    );
  });
});

describe('human output', () => {
  it('plural counts and years, $ for money, canonical units in JSON', async () => {
    const doc = await json(['twitter']);
    expect(doc.outputs['dau']!.text).toBe('150M users');
    expect(doc.outputs['read_servers']!.text).toBe('348 servers');
    expect(doc.inputs['retention']!.text).toBe('5 years');
    expect(doc.outputs['read_servers']!.unit).toBe('server');
    const cdn = (await json(['video-cdn'])).outputs['cdn_cost_per_year']!;
    expect(cdn.text).toBe('$54.75M');
    expect(cdn.unit).toBe('USD');
  });
  it('one is singular; words English does not pluralise with a plain s stay singular', async () => {
    const user = Dimension.base('user');
    expect(formatQuantity(1, user, undefined, false, { words: true }).text).toBe('1 user');
    const search = Dimension.base('search');
    expect(formatQuantity(5, search, undefined, false, { words: true }).text).toBe('5 search');
  });
  it('the same number of significant digits everywhere, --digits N', async () => {
    expect(formatNumber(3472.2)).toBe('3,472');
    expect(formatCount(173_611)).toBe('173.6K');
    expect(formatCount(173_611, 2)).toBe('170K');
    expect(formatNumber(0.123456, false, 6)).toBe('0.123456');
    const two = await json(['twitter', '--digits', '2']);
    expect(two.outputs['media_storage']!.text).toBe('55 PB');
  });
  it('refuses a bad --digits as usage (exit 2)', async () => {
    for (const bad of ['0', '16', 'two', '-1']) {
      const r = await cli(['twitter', `--digits=${bad}`]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain('E0955');
    }
  });
  it('CSV numbers carry at most 15 significant digits', () => {
    expect(csvNumber(29.999999999999996)).toBe('30');
    expect(csvNumber(0.09999999999999999)).toBe('0.1');
    expect(csvNumber(1e21)).toBe('1e+21');
  });
});

describe('errors that find the cause', () => {
  it('a count missing from an input points at the input and says what to write; JSON has the fields', async () => {
    const r = await cli(['test/fixtures/errors/E0540-count-missing.yaml', '--format', 'json']);
    expect(r.code).toBe(1);
    const e = JSON.parse(r.stderr.split('\n')[0]!) as Record<string, unknown>;
    expect(e).toMatchObject({ code: 'E0540', line: 5, cause: 'dau', fix: '500M user', suggestion: 'multiply by user', expected: 'message / Time', actual: 'message / Time / user', unit: 'message/s' });
    const human = await cli(['test/fixtures/errors/E0540-count-missing.yaml']);
    expect(human.stderr).toContain('write `dau: 500M user`');
    expect(human.stderr).not.toMatch(/remove `unit:`/);
  });
  it('a display unit of another dimension suggests the general fix, never removing unit:', async () => {
    const r = await cli(['test/fixtures/errors/E0709-display-unit.yaml', '--format', 'json']);
    const e = JSON.parse(r.stderr.split('\n')[0]!) as Record<string, unknown>;
    expect(e).toMatchObject({ code: 'E0709', suggestion: 'divide by a Time', actual: 'Data', expected: 'Data / Time', unit: 'TB/day' });
    expect(JSON.stringify(e)).not.toContain('remove');
  });
  it('calc errors carry the dimensions and the suggestion', async () => {
    const r = await cli(['calc', '--json', '1 GB + 1 s']);
    const e = JSON.parse(r.stderr.split('\n')[0]!) as Record<string, unknown>;
    expect(e).toMatchObject({ code: 'E0501', actual: 'Time', expected: 'Data' });
    expect(e['suggestion']).toBe('multiply by a Data and divide by a Time');
  });
});

describe('calc keeps the units the user wrote', () => {
  it.each([
    ['10 Mbps', '10 Mbps'],
    ['1000 USD / month', '1,000 USD/month'],
    ['2 / month', '2 /month'],
    ['1/2 day', '0.5 /day'],
    ['0.02 USD/GB', '0.02 USD/GB'],
    ['20000 Mbps', '20 Gbps'],
    ['150M * 2 / day -> /s', '3,472 /s'],
    ['100 GB / 10 s', '10 GB/s'],
    ['3 GB / 2 day', '1.5 GB/day'],
    // A quotient over a rate or a sub-second time is no unit a reader uses: the formatter picks.
    ['1 KB * 8 / 1 Gbps', '64 µs'],
    ['1 KB / 1 Gbps', '8 µs'],
    ['1 MB / 250 us', '4 GB/s'],
    ['5 MB / 2 ms', '2.5 GB/s'],
  ])('%s is %s', async (expr, text) => {
    const { calculate } = await import('../../src/eval/calculate.js');
    expect(calculate(expr).text).toBe(text);
  });
});

describe('calc prints money as people say it', () => {
  it.each([
    ['$0.02/GB * 100 GB', '$2'],
    ['1000 USD / month', '$1,000/month'],
    ['54.75M USD', '$54.75M'],
    ['-3 USD', '-$3'],
    ['0.02 USD/GB', '$0.02/GB'],
    ['5 year', '5 years'],
  ])('calc %s prints %s; --json keeps USD', async (expr, text) => {
    expect((await cli(['calc', expr])).stdout).toBe(text + '\n');
    const doc = JSON.parse((await cli(['calc', '--json', expr])).stdout) as { unit: string; text: string };
    expect(doc.text).not.toContain('$');
    expect(doc.unit).not.toContain('$');
  });
});

describe('money reads the same in every human output', () => {
  it('what-if tables, sweeps and --explain say $; the analysis CSV keeps USD and 15 digits', async () => {
    const sens = (await cli(['video-cdn', '--sensitivity', 'cdn_cost_per_year'])).stdout;
    expect(sens).toContain('cdn_cost_per_year (CDN cost per year) = $54.75M');
    expect(sens).toMatch(/cdn_price +\$0\.01\/GB \.\. \$0\.05\/GB/);
    expect(sens).not.toMatch(/\d USD/);
    const sweep = (await cli(['video-cdn', '--sweep', 'cdn_price=0.01..0.03:3', '--show', 'cdn_cost_per_year'])).stdout;
    expect(sweep).toMatch(/\$0\.02\/GB +\$54\.75M/);
    const csv = (await cli(['video-cdn', '--sweep', 'cdn_price=0.01..0.03:3', '--show', 'cdn_cost_per_year', '--format', 'csv'])).stdout;
    expect(csv).toContain('sweep,Sweep of cdn_price,0,cdn_cost_per_year,27375000,USD,27375000,$27.38M');
    const explain = (await cli(['video-cdn', '--explain'])).stdout;
    expect(explain).toContain('× $0.02/GB');
    expect(explain).not.toMatch(/\d USD/);
  });
});

describe('--explain', () => {
  it('writes out the ×8 when a step divides bytes by a bit rate (1 KB / 1 Gbps = 8 us)', async () => {
    const r = await cli(['test/fixtures/published/primer-latency.yaml', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/= 1 KB \/ 1 Gbps\n\s+= \(1 KB × 8 bit\/B\) \/ 1 Gbps\n\s+= 8 us/);
    const json = JSON.parse((await cli(['test/fixtures/published/primer-latency.yaml', '--format', 'json'])).stdout) as { steps: { name: string; inner?: string[] }[] };
    expect(json.steps.find((s) => s.name === 'send_1kb')?.inner).toEqual(['(1 KB × 8 bit/B) / 1 Gbps']);
  });
  it('a pass-through step shows its value once, bits per second show the ×8 from bytes', async () => {
    const url = (await cli(['url-shortener', '--explain'])).stdout;
    expect(url).toMatch(/write_qps += new_urls_per_day\n +=  ?100M urls\/day = 1,157 urls\/s\n/);
    expect(url).not.toMatch(/= 100M urls\/day\n +=  ?100M urls\/day/);
    const tw = (await cli(['twitter', '--explain'])).stdout;
    expect(tw).toContain('= 347.9 MB/s × 8 bit/B = 2.783 Gbps');
  });
  it('Markdown gives each step a block with the result in bold', async () => {
    const md = (await cli(['twitter', '--format', 'md'])).stdout;
    expect(md).toContain('- **Tweet QPS**  \n  `tweet_qps` = dau × tweets\\_per\\_user  \n  = 150M users × 2 tweets/user/day  \n  = **300M tweets/day = 3,472 tweets/s**\n');
  });
});

// --napkin, the whiteboard worked step by step: test/report/napkin.test.ts.
