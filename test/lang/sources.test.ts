/**
 * How sources write numbers (issue 13): magnitude words, percent, dollars, ratios, powers before
 * a unit, `2B` refused as ambiguous, `m` as the metre, lengths and areas, rounding with units.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EstimateError } from '../../src/diagnostics/error.js';
import { calculate } from '../../src/eval/calculate.js';
import { parse } from '../../src/lang/parser.js';
import { source } from '../../src/diagnostics/source.js';
import { UNITS } from '../../src/units/catalogue.js';
import { UnitRegistry } from '../../src/units/registry.js';

function fails(text: string): EstimateError {
  try {
    calculate(text);
  } catch (e) {
    if (e instanceof EstimateError) return e;
    throw e;
  }
  throw new Error(`expected ${text} to fail`);
}

const si = (text: string) => calculate(text).si;

describe('magnitude words', () => {
  it.each([
    ['100mil', 100e6],
    ['5 mn', 5e6],
    ['1bil', 1e9],
    ['1.5 bil', 1.5e9],
    ['2bn', 2e9],
    ['3 tn', 3e12],
    ['4k', 4e3],
    ['4K', 4e3],
    ['2 thousand', 2e3],
    ['7 trillion', 7e12],
  ])('%s is %d', (text, value) => {
    expect(si(text)).toBe(value);
  });
  it('a magnitude word joins a count: 100mil user', () => {
    expect(calculate('100mil user', { registry: UnitRegistry.BUILTIN.withCounts(['user']) }).si).toBe(1e8);
  });
  it('`5 percent` is 5%', () => {
    expect(si('5 percent')).toBe(si('5%'));
    expect(si('200 * 5 percent')).toBe(10);
  });
  it('`$0.02`, `0.02$` and `0.02 USD` are the same amount', () => {
    expect(si('0.02$')).toBe(si('$0.02'));
    expect(si('0.02 USD')).toBe(si('$0.02'));
    expect(calculate('0.02$').dimension).toBe('Money');
    expect(si('0.02$ / 1 GB * 1 TB')).toBeCloseTo(20, 12);
  });
});

describe('ratios', () => {
  it('`10:1` is 10 and `1:200` is 0.005', () => {
    expect(si('10:1')).toBe(10);
    expect(si('1:200')).toBe(0.005);
    expect(si('100:1 * 4')).toBe(400);
  });
  it('a ratio takes magnitudes on both sides', () => {
    expect(si('1M:1k')).toBe(1000);
  });
  it('a malformed ratio is refused with a caret', () => {
    expect(fails('10:').code).toBe('E0220');
    expect(fails('1:2:3').code).toBe('E0220');
    expect(fails('10:0').code).toBe('E0221');
    expect(fails(':1').code).toBe('E0201');
  });
  it('property: a:b is a / b for positive whole numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (a, b) => {
        expect(si(`${a}:${b}`)).toBe(a / b);
      }),
    );
  });
});

describe('a power before a unit binds tighter than the number and its unit', () => {
  it('`10^5 s` is 100,000 seconds and `2^41 ms` is 2^41 milliseconds', () => {
    expect(si('10^5 s')).toBe(1e5);
    expect(si('2^41 ms')).toBeCloseTo(2 ** 41 / 1000, 6);
    expect(si('10^-3 s')).toBeCloseTo(1e-3, 15);
  });
  it('elsewhere `^` stays the right-associative operator', () => {
    expect(si('2^3^2')).toBe(512);
    expect(si('2^10')).toBe(1024);
    expect(si('(1 s)^2 / 1 s')).toBe(1);
  });
  it('the tree records the power in the literal', () => {
    const e = parse(source('t', '10^5 s'));
    expect(e.kind).toBe('quantity');
  });
});

describe('`2B` is refused as ambiguous', () => {
  it.each(['2B', '2B users', '1.5B * 2 + 3', '300 * 2B'])('%s is E0303, offering bytes and billions', (text) => {
    const e = fails(text);
    expect(e.code).toBe('E0303');
    expect(e.details.help?.join('\n')).toMatch(/for bytes write `[\d.]+ B` \(with a space\)[\s\S]*for billions write `[\d.]+bn`/);
  });
  it('bytes with a space are bytes: 204 B', () => {
    expect(si('204 B')).toBe(204);
    expect(calculate('204 B/tweet', { registry: UnitRegistry.BUILTIN.withCounts(['tweet']) }).si).toBe(204);
  });
});

describe('length and area', () => {
  it('`m` is the metre; `km`, `mi`, `ft`', () => {
    expect(si('5 m')).toBe(5);
    expect(si('2 km')).toBe(2000);
    expect(si('1 mi')).toBe(1609.344);
    expect(si('1 ft')).toBe(0.3048);
    expect(calculate('3 mi -> km').value).toBeCloseTo(4.828032, 9);
  });
  it('squares: `km^2`, `mi^2`', () => {
    expect(si('1 km^2')).toBe(1e6);
    expect(calculate('200M mi^2 / 10 mi^2').si).toBeCloseTo(20e6, 6);
    expect(calculate('1 mi^2 -> km^2').value).toBeCloseTo(2.589988110336, 12);
  });
  it('`300m user` is refused: metres where million was meant', () => {
    const e = fails('300m user');
    expect(e.code).toBe('E0310');
    expect(e.details.help?.[0]).toBe('for 300 million write `300M` or `300mil`');
  });
  it('a length without a unit asked for is shown in metres, not as its dimension\'s name', () => {
    expect(calculate('5 km').text).toBe('5 km');
    expect(calculate('1 mi^2').text).toBe('1 mi^2');
  });
  it('a length does not add to a duration', () => {
    expect(fails('1 m + 1 min').code).toBe('E0501');
  });
});

describe('rounding as sources round', () => {
  it('round, ceil and floor to a step with units', () => {
    expect(calculate('round(457.56 GB, 10 GB) -> GB').value).toBe(460);
    expect(calculate('round(4 B + 3 B, 10 B)').si).toBe(10);
    expect(calculate('ceil(7.2 server, 1 server)', { registry: UnitRegistry.BUILTIN.withCounts(['server']) }).si).toBe(8);
    expect(calculate('floor(10 day + 5 h, 1 day) -> day').value).toBe(10);
    expect(si('round(0.34, 0.1)')).toBe(0.3);
  });
  it('the step has the value\'s dimension', () => {
    expect(fails('round(1 GB, 1 s)').code).toBe('E0530');
    expect(fails('ceil(5 MB)').code).toBe('E0503');
    expect(fails('ceil(5 MB)').details.help?.[0]).toContain('ceil(x, 1 GB)');
  });
  it.each(['round(5 GB, 0 GB)', 'ceil(5 s, -1 s)', 'floor(5, -2)'])('%s: a step of zero or less is refused as a step, not as "not a number"', (text) => {
    const e = fails(text);
    expect(e.code).toBe('E0530');
    expect(e.message).toMatch(/needs a step above zero/);
  });
  it('sig counts significant figures: of a plain number, or in a named unit', () => {
    expect(si('sig(10180, 1)')).toBe(10000);
    expect(si('sig(42735, 2)')).toBe(43000);
    expect(calculate('sig(364 GB/day, 2, GB/day) -> GB/day').value).toBeCloseTo(360, 9);
  });
  it('sig of a dimensioned value without a unit to count in is refused', () => {
    expect(fails('sig(364 GB/day, 2)').code).toBe('E0531');
    expect(fails('sig(1 GB, 2, s)').code).toBe('E0530');
    expect(fails('sig(1, 1 s)').code).toBe('E0531');
  });
  it.each(['sig(1234, 0)', 'sig(1234, 1.5)', 'sig(1234, 16)', 'sig(1234, -2)', 'sig(1 to 5, 0)'])('%s: a figure count outside 1 to 15 says so', (text) => {
    const e = fails(text);
    expect(e.code).toBe('E0531');
    expect(e.message).toMatch(/^sig counts 1 to 15 significant figures, not -?[\d.]+$/);
  });
  it('property: sig(x, n) has at most n significant digits and is within half a unit of the last', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e12, noNaN: true }), fc.integer({ min: 1, max: 6 }), (x, n) => {
        const r = si(`sig(${x}, ${n})`);
        expect(Number(r.toPrecision(n))).toBe(r);
        const ulp = 10 ** (Math.floor(Math.log10(x)) - n + 1);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(ulp / 2 + 1e-9 * x);
      }),
    );
  });
});

describe('units are data', () => {
  it('every catalogue entry names its plural, long name, prefix family and display', () => {
    for (const u of UNITS) {
      expect(u.plural.length, u.display).toBeGreaterThan(0);
      expect(u.long.length, u.display).toBeGreaterThan(0);
      expect(['metric', 'binary', 'none']).toContain(u.family);
      expect(u.names).toContain(u.display === 'µs' ? 'µs' : u.display === 'req/s' ? 'qps' : u.display);
    }
  });
  it('every name of an entry resolves to its size (a bare `b` is no unit: only `Mb`, `Gb`...)', () => {
    for (const u of UNITS) for (const n of u.prefixes === 'bit-short' ? [] : u.names) expect(UnitRegistry.BUILTIN.lookup(n)?.factor, n).toBe(u.factor);
  });
});
