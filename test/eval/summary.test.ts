// Summaries of derived arrays: an array computed from another by a rising function (`2 * x`,
// `x + c`, `x / c`, `ceil(x)`) reuses its source's order statistics, and must give exactly the
// numbers a summary of its own samples gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EstimateError } from '../../src/diagnostics/error.js';
import { source } from '../../src/diagnostics/source.js';
import { FUNCTIONS } from '../../src/eval/functions.js';
import { applyFunction, arith, negate, scale, type Op } from '../../src/eval/kernels.js';
import { derivationOf } from '../../src/eval/magnitude.js';
import { summarize, summarizer } from '../../src/eval/summary.js';

const at = { source: source('test', 'x'), start: 0, end: 1 };
const samples = (min: number) => fc.float64Array({ min, max: 1e9, noNaN: true, noDefaultInfinity: true, minLength: 1, maxLength: 300 });
const fresh = (xs: Float64Array) => summarize(Float64Array.from(xs));
const constant = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

describe('summaries of derived arrays', () => {
  it('match a summary of their own samples, bit for bit, for every arithmetic with a number', () => {
    const ops: Op[] = ['add', 'sub', 'mul', 'div'];
    fc.assert(
      fc.property(samples(-1e9), constant, fc.constantFrom(...ops), fc.boolean(), (xs, c, op, numberFirst) => {
        let out: Float64Array;
        try {
          out = (numberFirst ? arith(op, c, xs, at, at) : arith(op, xs, c, at, at)) as Float64Array;
        } catch (e) {
          // An overflow or a division by zero fails the whole operation: no array to summarise.
          expect(e).toBeInstanceOf(EstimateError);
          return;
        }
        const summary = summarizer();
        summary(xs);
        expect(summary(out)).toStrictEqual(fresh(out));
      }),
    );
  });
  it('follow a chain back to the first source (ceil(2 * x / c + 1))', () => {
    const ceil = FUNCTIONS.get('ceil')!;
    fc.assert(
      fc.property(samples(0), fc.double({ min: 1, max: 1e3, noNaN: true }), (xs, c) => {
        const y = applyFunction(ceil, 'ceil', [arith('add', arith('div', scale(xs, 2, at), c, at, at), 1, at, at)], at) as Float64Array;
        expect(derivationOf(y)?.source).toBe(xs);
        expect(summarizer()(y)).toStrictEqual(fresh(y));
      }),
    );
  });
  it('are not derived when the function reverses the order (-x, c - x, -2 * x)', () => {
    const xs = Float64Array.of(1, 2, 3, 4, 5);
    for (const y of [negate(xs), arith('sub', 10, xs, at, at), arith('mul', -2, xs, at, at), arith('div', 1, xs, at, at)] as Float64Array[]) {
      expect(derivationOf(y)).toBeUndefined();
      expect(summarizer()(y)).toStrictEqual(fresh(y));
    }
  });
  it('of a large array (the bracketed pass) match too', () => {
    const xs = new Float64Array(50_000).map((_, i) => Math.sin(i) * 1e4);
    const y = arith('mul', xs, 3.7, at, at) as Float64Array;
    const summary = summarizer();
    expect(summary(xs)).toStrictEqual(summarize(xs));
    expect(summary(y)).toStrictEqual(fresh(y));
  });
});
