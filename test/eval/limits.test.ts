/**
 * Engine limits as behaviour (input -> value or error code and caret), independent of how eval/
 * is built: non-finite results are errors at their operator or literal, exponents are exact.
 */
import { describe, expect, it } from 'vitest';
import { EstimateError } from '../../src/diagnostics/error.js';
import { calculate } from '../../src/eval/calculate.js';
import { formatNumber, formatQuantity } from '../../src/units/format.js';
import { Dimension } from '../../src/units/dimension.js';

/** The error's code and the text under its primary caret. */
function failure(text: string, to?: string): [string, string] {
  try {
    calculate(text, to === undefined ? {} : { to });
  } catch (e) {
    if (!(e instanceof EstimateError)) throw e;
    const s = e.span;
    return [e.code, s ? s.source.text.slice(s.start, s.end) : ''];
  }
  throw new Error(`expected ${text} to fail`);
}

describe('a non-finite result is an error at its operator or literal', () => {
  it.each([
    ['1e300 EB', 'E0602', '1e300 EB'],
    ['-(1e308 B) -> bit', 'E0602', 'bit'],
    ['1e308 B -> bit', 'E0602', 'bit'],
    ['1e300 s -> ns', 'E0602', 'ns'],
    ['1 EB^20', 'E0602', '1 EB^20'],
    ['2 EB * 1e300', 'E0602', '*'],
    ['1e200 * 1e200', 'E0602', '*'],
    ['1e308 + 1e308', 'E0602', '+'],
    ['-1e308 - 1e308', 'E0602', '-'],
    ['(1e300 EB) / (1e300 EB)', 'E0602', '1e300 EB'],
    ['1e307 -> %', 'E0602', '%'],
    ['2 ^ 1024', 'E0602', '^'],
    ['1e400', 'E0602', '1e400'],
    ['1 GB / 0 s', 'E0601', '/'],
    ['(-8) ^ (1/3)', 'E0603', '^'],
    ['exp(1000)', 'E0602', 'exp(1000)'],
  ])('%s is %s at `%s`', (text, code, under) => {
    expect(failure(text)).toEqual([code, under]);
  });
  it('a value finite in bytes but not in the unit asked for with --to is an error, not a null', () => {
    expect(failure('1e308 B', 'bit')[0]).toBe('E0602');
  });
  it('values near the limit still work', () => {
    expect(calculate('1e290 PB -> PB').text).toBe('1e290 PB');
    expect(calculate('1e308 / 10').text).toBe('1e307');
  });
  it('the formatter never prints Infinity or NaN: it reports a bug instead', () => {
    for (const v of [Infinity, -Infinity, NaN]) {
      expect(() => formatNumber(v)).toThrow(EstimateError);
      expect(() => formatQuantity(v, Dimension.base('Data'))).toThrow(/non-finite/);
    }
  });
});

describe('unit exponents are whole numbers or simple fractions, checked exactly', () => {
  it.each([
    ['(4 s^2)^0.5', '2 s'],
    ['(8 s^3)^(1/3)', '2 s'],
    ['(4 s)^0.5 * (4 s)^0.5', '4 s'],
    ['sqrt(4 s^2)', '2 s'],
    ['s^1024 / s^1023', '1 s'],
    // A fractional unit power prints as the parser reads it, and reads back.
    ['(1 s)^0.5', '1 s^(1/2)'],
    ['1 s^(1/2) * 1 s^(1/2)', '1 s'],
    ['4 m^(-1/2)', '4 m^(-1/2)'],
    ['1 s^(2)', '1 s^2'],
  ])('%s = %s', (text, shown) => {
    expect(calculate(text).text).toBe(shown);
  });
  it.each([
    ['s^9007199254740993 / s^9007199254740992', '9007199254740993'],
    ['(2 s) ^ sqrt(2)', 'sqrt(2)'],
    ['(2 s) ^ 0.333', '0.333'],
    ['1 s^99999', '99999'],
    ['s^1000 * s^1000', '*'],
    ['(1 s)^(1/100)', '1/100'],
    ['1 s^(1/0)', '0'],
    ['1 s^(1/65)', '65'],
    ['1 s^(1/2', ''],
  ])('%s is E0504 at `%s`', (text, under) => {
    expect(failure(text)).toEqual(['E0504', under]);
  });
});

describe('unit expressions are bounded like expressions', () => {
  const chain = 'B' + '*B/B'.repeat(10_000);
  it('a 20,000-factor unit chain is E0504 at the factor past the bound, not a stack overflow', () => {
    expect(failure(`1 B -> ${chain}`)[0]).toBe('E0504');
    expect(failure('1 B', chain)[0]).toBe('E0504');
    expect(failure('1 B -> B^1000 * B^1000')).toEqual(['E0504', '1000']);
  });
  it('powers up to 1024 in all are fine', () => {
    expect(calculate('1 B^1000 -> B^1000').text).toBe('1 B^1000');
    expect(calculate('1 B^600 + 1 B^600').text).toBe('2 B^600');
  });
});

