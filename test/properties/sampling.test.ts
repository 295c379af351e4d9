// Properties of the generator, the samplers and the engine: the same seed gives the same bits,
// samplers stay in their support, and the sampled engine at N = 1 is the exact engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EstimateError } from '../../src/diagnostics/error.js';
import { compile, type Scope } from '../../src/eval/compile.js';
import { DISTRIBUTIONS, sampleRange } from '../../src/eval/distributions.js';
import { Random } from '../../src/eval/random.js';
import { Dimension } from '../../src/units/dimension.js';
import { UnitRegistry } from '../../src/units/registry.js';
import { exprTree, exprTreeWithRanges } from './arbitraries.js';
import { source } from '../../src/diagnostics/source.js';
import { parse } from '../../src/lang/parser.js';
import { print, sexpr } from '../../src/lang/printer.js';

const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });

describe('the generator', () => {
  it('the same seed and stream give the same bits', () => {
    fc.assert(
      fc.property(seed, fc.nat(100), (s, stream) => {
        const a = new Random(s, stream).fillNormal(new Float64Array(64), 0, 1);
        const b = new Random(s, stream).fillNormal(new Float64Array(64), 0, 1);
        expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
      }),
    );
  });
  it('floats lie in [0, 1)', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const r = new Random(s);
        for (let i = 0; i < 1000; i++) {
          const x = r.float();
          expect(x >= 0 && x < 1).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
  it('the integer stream is fixed: xoshiro128** from splitmix32, the same on every engine', () => {
    const r = new Random(1);
    expect([r.nextU32(), r.nextU32(), r.nextU32()]).toEqual(KNOWN_FIRST_THREE);
  });
});

// Recorded once from this implementation; a change here changes every published sample.
const KNOWN_FIRST_THREE = [2466671647, 704075991, 1425070668];

describe('samplers', () => {
  it('uniform stays within its ends', () => {
    fc.assert(
      fc.property(seed, finite, finite, (s, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const xs = DISTRIBUTIONS.get('uniform')!.sample([lo, hi], 257, new Random(s));
        for (const x of xs) expect(x >= lo && x <= hi).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('triangular stays within its ends', () => {
    fc.assert(
      fc.property(seed, fc.tuple(finite, finite, finite), (s, t) => {
        const [lo, mode, hi] = [...t].sort((x, y) => x - y) as [number, number, number];
        const xs = DISTRIBUTIONS.get('triangular')!.sample([lo, mode, hi], 257, new Random(s));
        for (const x of xs) expect(x >= lo && x <= hi).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('a lognormal range is positive', () => {
    fc.assert(
      fc.property(seed, fc.double({ min: 1e-6, max: 1e12, noNaN: true }), fc.double({ min: 1, max: 1000, noNaN: true }), (s, a, k) => {
        const xs = sampleRange(a, a * k, 257, new Random(s));
        for (const x of xs) expect(x > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('normal is symmetric: the sample mean of normal(m, sd) is within 5 standard errors of m', () => {
    // The mean of n draws has standard error sd / sqrt(n).
    const n = 20_000;
    fc.assert(
      fc.property(seed, fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0.001, max: 1e3, noNaN: true }), (s, m, sd) => {
        const xs = DISTRIBUTIONS.get('normal')!.sample([m, sd], n, new Random(s));
        let sum = 0;
        let above = 0;
        for (const x of xs) {
          sum += x;
          if (x > m) above++;
        }
        expect(Math.abs(sum / n - m)).toBeLessThan((5 * sd) / Math.sqrt(n));
        // As many above the mean as below: a binomial(n, 1/2) count, sd sqrt(n) / 2.
        expect(Math.abs(above - n / 2)).toBeLessThan((5 * Math.sqrt(n)) / 2);
      }),
      { numRuns: 50 },
    );
  });
});

describe('the engine at N = 1 is the exact engine', () => {
  const scope: Scope = {
    registry: UnitRegistry.BUILTIN,
    lookup: (n) => (n === 'x' ? { slot: 0, dimension: Dimension.NONE } : undefined),
    names: () => ['x'],
  };
  type Outcome = { value: number } | { code: string };
  const outcome = (f: () => number): Outcome => {
    try {
      return { value: f() };
    } catch (e) {
      if (!(e instanceof EstimateError)) throw e;
      return { code: e.code };
    }
  };
  it('a scalar slot and a one-sample slot give the same value, bit for bit, or the same error', () => {
    fc.assert(
      fc.property(exprTree, fc.double({ noNaN: true, noDefaultInfinity: true }), (tree, x) => {
        let c;
        try {
          c = compile(tree, scope);
        } catch (e) {
          if (e instanceof EstimateError) return;
          throw e;
        }
        const rng = new Random(1);
        const exact = outcome(() => c.run([x]));
        const one = outcome(() => {
          const m = c.sample([Float64Array.of(x)], { n: 1, rng });
          return typeof m === 'number' ? m : m[0]!;
        });
        expect(one).toEqual(exact);
        if ('value' in one && 'value' in exact) expect(Object.is(one.value, exact.value)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('summaries', () => {
  it('selection gives the percentiles of a full sort, exactly', async () => {
    const { summarize, quantile } = await import('../../src/eval/summary.js');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 300 }), (xs) => {
        const samples = Float64Array.from(xs);
        const sorted = samples.slice().sort();
        const s = summarize(samples);
        // `+ 0` makes -0 and 0 alike: a sort orders them, a selection need not.
        const plain = (xs: number[]) => xs.map((x) => x + 0);
        expect(plain([s.p5, s.p50, s.p95])).toEqual(plain([quantile(sorted, 0.05), quantile(sorted, 0.5), quantile(sorted, 0.95)]));
        expect(samples).toEqual(Float64Array.from(xs)); // the input is untouched
      }),
      { numRuns: 2000 },
    );
  });
  it('the one-pass summary of large sets equals the full sort too: random, tied, sorted and reversed', async () => {
    const { summarize, quantile } = await import('../../src/eval/summary.js');
    const large = fc.tuple(fc.integer({ min: 4096, max: 30_000 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom('random', 'few values', 'sorted', 'reversed', 'constant')).map(([n, s, shape]) => {
      const r = new Random(s);
      const xs = Float64Array.from({ length: n }, () => (shape === 'few values' ? Math.floor(r.float() * 7) : shape === 'constant' ? 3 : Math.exp(4 * r.float())));
      if (shape === 'sorted') xs.sort();
      if (shape === 'reversed') xs.sort().reverse();
      return xs;
    });
    fc.assert(
      fc.property(large, (samples) => {
        const copy = samples.slice();
        const sorted = samples.slice().sort();
        const s = summarize(samples);
        expect([s.p5, s.p50, s.p95]).toEqual([quantile(sorted, 0.05), quantile(sorted, 0.5), quantile(sorted, 0.95)]);
        expect(samples).toEqual(copy);
        let sum = 0;
        for (const x of samples) sum += x;
        expect(s.mean).toBe(sum / samples.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('trees with ranges', () => {
  const scope: Scope = {
    registry: UnitRegistry.BUILTIN,
    lookup: (n) => (['x', 'y', 'mau', 'dau', 'peak_factor'].includes(n) ? { slot: 0, dimension: Dimension.NONE } : undefined),
    names: () => ['x', 'y', 'mau', 'dau', 'peak_factor'],
  };
  it('parse(print(ast)) is ast', () => {
    fc.assert(
      fc.property(exprTreeWithRanges, (tree) => {
        expect(sexpr(parse(source('<p>', print(tree))))).toBe(sexpr(tree));
      }),
      { numRuns: 3000 },
    );
  });
  it('check, lower and sample give finite samples or the project error (never an internal one)', () => {
    fc.assert(
      fc.property(exprTreeWithRanges, seed, fc.oneof(finite, fc.constant(0)), (tree, s, x) => {
        try {
          const c = compile(tree, scope);
          const m = c.sample([Float64Array.from({ length: 64 }, (_, i) => x + i)], { n: 64, rng: new Random(s) });
          const xs = typeof m === 'number' ? [m] : [...m];
          for (const v of xs) expect(Number.isFinite(v)).toBe(true);
        } catch (e) {
          if (!(e instanceof EstimateError)) throw e;
          expect(e.code).not.toBe('E9999');
        }
      }),
      { numRuns: 3000 },
    );
  });
});
