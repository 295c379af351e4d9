import { describe, expect, it } from 'vitest';
import { EstimateError } from '../../src/diagnostics/error.js';
import { calculate } from '../../src/eval/calculate.js';
import { UnitRegistry } from '../../src/units/registry.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

function fails(text: string): EstimateError {
  try {
    calculate(text);
  } catch (e) {
    if (e instanceof EstimateError) return e;
    throw e;
  }
  throw new Error(`expected ${text} to fail`);
}

describe('acceptance figures of the engine', () => {
  it('150M * 2 / day is exactly 300,000,000 / 86,400 per second, shown per day as written', () => {
    const r = calculate('150M * 2 / day');
    expect(r.si).toBe(300_000_000 / 86_400);
    expect(r.text).toBe('300M /day');
    expect(r.dimension).toBe('1 / Time');
  });
  it('a value just under a thousand keeps its four digits, so it reads back the same (999.45bn was 1,000bn, read back as 1T)', () => {
    expect(calculate('999.5').text).toBe('999.5');
    expect(calculate('999450000000').text).toBe('999.5bn');
    expect(calculate(calculate('999450000000').text).text).toBe('999.5bn');
  });
  it('the Twitter media storage is 54.75 PB', () => {
    const r = calculate('300M * 50% * 2 * 10% * 1 MB / day * 5 year -> PB');
    expect(rel(r.value, 54.75)).toBeLessThan(1e-12);
    expect(r.text).toBe('54.75 PB');
  });
  it('1 GiB -> MB is 1073.741824 MB', () => {
    expect(calculate('1 GiB -> MB').value).toBe(1073.741824);
  });
  it('1 Gbps * 1 hour -> GB is 450 GB', () => {
    expect(calculate('1 Gbps * 1 hour -> GB').text).toBe('450 GB');
  });
  it('1 TB -> TiB is 0.9095 TiB', () => {
    expect(calculate('1 TB -> TiB').text).toBe('0.9095 TiB');
  });
  it('the CDN cost is 150,000 USD, shown with 4 significant digits', () => {
    const r = calculate('5M * 5 * 0.3 GB * 0.02 USD/GB');
    expect(rel(r.si, 150_000)).toBeLessThan(1e-12);
    expect(r.text).toBe('150K USD');
  });
  it('100M / day * 10 year * 100 B -> TB is 36.5 TB', () => {
    expect(calculate('100M / day * 10 year * 100 B -> TB').text).toBe('36.5 TB');
  });
  it('100M / day * 365 * 100 B is a data rate, and converting it to TB names both dimensions', () => {
    expect(calculate('100M / day * 365 * 100 B').dimension).toBe('Data / Time');
    const e = fails('100M / day * 365 * 100 B -> TB');
    expect(e.code).toBe('E0502');
    expect(e.message).toContain('Data / Time');
    expect(e.message).toMatch(/to Data$/);
  });
  it('1 MB + 1 s names both dimensions with the caret under the operator', () => {
    const e = fails('1 MB + 1 s');
    expect(e.code).toBe('E0501');
    expect(e.message).toBe('cannot add Data and Time');
    expect([e.span?.start, e.span?.end]).toEqual([5, 6]);
  });
});

describe('language rules', () => {
  const values: [string, number][] = [
    ['100 * (1 + 20%)', 120],
    ['100 - 20%', 80],
    // A negated percentage is a percentage: the same as `100 - 20%`, not 100 - 0.2.
    ['100 + -20%', 80],
    ['100 - -20%', 120],
    // Two percentages add as shares.
    ['20% + 30%', 0.5],
    ['50% - 20%', 0.3],
    ['100 * 20%', 20],
    ['100 / 50%', 200],
    ['ceil(100 * (1 + 10%))', 110],
    ['floor(7 / 0.07)', 100],
    ['round(2.5)', 3],
    ['min(3 MB, 2 MB) -> MB', 2],
    ['max(3 MB, 2 MB) -> MB', 3],
    ['abs(-3 s) -> s', 3],
    ['sqrt(16)', 4],
    ['sqrt(4 s^2) -> s', 2],
    ['log(1)', 0],
    ['log2(1024)', 10],
    ['log10(1000)', 3],
    ['log(3844, 62)', 2],
    ['exp(0)', 1],
    ['2 ^ 10', 1024],
    ['2 ^ -1', 0.5],
    ['(1 s)^2 / 1 s -> s', 1],
    ['$0.02', 0.02],
    ['1_000_000', 1e6],
    ['3,472', 3472],
  ] as [string, number][];
  it.each(values)('%s = %d', (text, want) => {
    // Relative to the wanted value, absolute near 0 (log(1) = 0); a NaN never passes.
    expect(Math.abs(calculate(text).value - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
  });

  it('0.1 GB + 0.2 GB prints 0.3 GB, without float residue', () => {
    expect(calculate('0.1 GB + 0.2 GB -> GB').text).toBe('0.3 GB');
  });
  it('count units are their own dimension and cancel', () => {
    const registry = UnitRegistry.BUILTIN.withCounts(['user', 'tweet']);
    expect(calculate('300M user * 2 tweet/user/day', { registry }).dimension).toBe('tweet / Time');
    expect(() => calculate('1 user + 1 tweet', { registry })).toThrow(/cannot add user and tweet/);
    expect(calculate('3 users', { registry }).text).toBe('3 users');
  });

  const errors: [string, string][] = [
    ['20% + 1000', 'E0505'],
    ['-20% + 1000', 'E0505'],
    ['1 GB / 0 s', 'E0601'],
    ['0 GB / 0 GB', 'E0601'],
    ['0 ^ -1', 'E0601'],
    ['2 ^ 1024', 'E0602'],
    ['1e400', 'E0602'],
    ['(-8) ^ (1/3)', 'E0603'],
    ['sqrt(-1)', 'E0603'],
    ['log(0)', 'E0603'],
    ['ceil(1.5 GB)', 'E0503'],
    ['log(2 MB)', 'E0503'],
    ['sqrt(2 s)', 'E0503'],
    ['2 ^ (1 s)', 'E0504'],
    ['(2 s) ^ 0.333', 'E0504'],
    ['(2 s) ^ sqrt(2)', 'E0504'],
    ['s^9007199254740993 / s^9007199254740992', 'E0504'],
    ['min(1 MB, 1 s)', 'E0501'],
    ['max(1)', 'E0305'],
    ['ceil(1, 2, 3)', 'E0305'],
    ['foo(1)', 'E0304'],
    ['1 GiBs', 'E0301'],
    ['constructor', 'E0301'],
    ['__proto__', 'E0102'],
    ['toString()', 'E0304'],
    ['eval(1)', 'E0304'],
    ['process', 'E0301'],
    ['prototype', 'E0301'],
    ['300m user', 'E0310'],
    ['2B', 'E0303'],
    ['10:0', 'E0221'],
    ['10:', 'E0220'],
    ['1:2:3', 'E0220'],
    ['2 mb', 'E0302'],
    ['2 gb', 'E0302'],
    ['2 kb', 'E0302'],
    ['M', 'E0301'],
    ['1.5B users', 'E0303'],
    ['1 MB -> s', 'E0502'],
    ['1 MB -> TBs', 'E0301'],
  ];
  it.each(errors)('%s is refused with %s', (text, code) => {
    expect(fails(text).code).toBe(code);
  });

  it('did-you-mean for units', () => {
    expect(fails('1 GiBs').details.help).toContain('did you mean `GiB`?');
    expect(fails('2 mb').details.help?.[0]).toContain('`MB` (megabyte)');
  });
  it('a number glued to B is refused as ambiguous, offering bytes and billions', () => {
    const e = fails('1.5B * 2 + 3');
    expect(e.code).toBe('E0303');
    expect(e.details.help).toEqual(['for bytes write `1.5 B` (with a space)', 'for billions write `1.5bn`']);
  });
});
