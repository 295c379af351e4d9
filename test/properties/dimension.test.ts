/** Dimension algebra with exact rational exponents: group laws, exactness, bounds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EstimateError } from '../../src/diagnostics/error.js';
import { Dimension, exponentOf, MAX_EXPONENT } from '../../src/units/dimension.js';
import { RUNS } from './arbitraries.js';

const BASES = ['Time', 'Data', 'Money', 'user', 'tweet'] as const;
/** Whole numbers and the simple fractions square and cube roots make. */
const fraction = fc.tuple(fc.integer({ min: -12, max: 12 }), fc.constantFrom(1, 2, 3, 4, 6)).map(([n, d]) => n / d);
const dimension = fc.array(fc.tuple(fc.constantFrom(...BASES), fraction), { maxLength: 5 }).map((parts) => Dimension.of(parts));

describe('dimension algebra with fractional exponents', () => {
  it('is an abelian group under mul/div with NONE as identity', () => {
    fc.assert(
      fc.property(dimension, dimension, dimension, (a, b, c) => {
        expect(a.mul(b)).toBe(b.mul(a));
        expect(a.mul(b).mul(c)).toBe(a.mul(b.mul(c)));
        expect(a.mul(Dimension.NONE)).toBe(a);
        expect(a.div(a)).toBe(Dimension.NONE);
        expect(a.div(b).mul(b)).toBe(a);
      }),
      { numRuns: RUNS },
    );
  });
  it('powers distribute over products and compose exactly', () => {
    fc.assert(
      fc.property(dimension, dimension, fc.constantFrom(-3, -2, -1, 0, 1, 2, 3, 0.5, -0.5, 1 / 3, 2 / 3, 1.5), (a, b, k) => {
        expect(a.mul(b).pow(k)).toBe(a.pow(k).mul(b.pow(k)));
        expect(a.pow(k).pow(-1)).toBe(a.pow(-k));
        if (k !== 0) expect(a.pow(k).pow(1 / k === Math.round(1 / k) ? 1 / k : 1).key).toBe(1 / k === Math.round(1 / k) ? a.key : a.pow(k).key);
      }),
      { numRuns: RUNS },
    );
  });
  it('a cube root taken three times over gives back the whole exponent', () => {
    const t = Dimension.base('Time');
    const third = t.pow(1 / 3);
    expect(third.toString()).toBe('Time^(1/3)');
    expect(third.mul(third).mul(third)).toBe(t);
    expect(t.pow(0.5).mul(t.pow(0.5))).toBe(t);
  });
  it('exponents past the bound are refused instead of rounding: s^(2^53+1) / s^(2^53) keeps no false dimension', () => {
    const t = Dimension.base('Time');
    expect(() => t.pow(9007199254740993)).toThrow(EstimateError);
    expect(() => t.pow(MAX_EXPONENT + 1)).toThrow(EstimateError);
    expect(t.pow(MAX_EXPONENT).exponent('Time')).toBe(MAX_EXPONENT);
    expect(() => t.pow(MAX_EXPONENT).mul(t)).toThrow(EstimateError);
  });
  it('only whole numbers and simple fractions are exponents', () => {
    expect(exponentOf(0.5)).toEqual({ n: 1, d: 2 });
    expect(exponentOf(-1.5)).toEqual({ n: -3, d: 2 });
    expect(exponentOf(1 / 3)).toEqual({ n: 1, d: 3 });
    for (const bad of [Math.SQRT2, 0.333, Math.PI, Infinity, NaN, 1e16]) expect(() => exponentOf(bad), String(bad)).toThrow(EstimateError);
  });
});
