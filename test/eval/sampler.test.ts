// The normal sampler (a 128-layer ziggurat over xoshiro128**) and the exponential of the
// lognormal draws, tested as distributions: fixed seeds, and every tolerance derived from the
// sample count (5 standard errors, or the 99.9% point of the Kolmogorov distribution), never
// picked to pass. A fixed seed either passes or not; these bounds fail by chance for about one
// seed in a thousand (KS) or in millions (5 standard errors).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exp, expTables, sampleExp as sampleExpWith } from '../../src/eval/exp.js';
import { Random } from '../../src/eval/random.js';

const sampleExp = (x: number): number => sampleExpWith(x, expTables());

/** The standard normal CDF through erfc (Numerical Recipes' Chebyshev fit, error below 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(poly);
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** The Kolmogorov–Smirnov statistic of samples against the standard normal. */
function ksStatistic(xs: Float64Array): number {
  const sorted = xs.slice().sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = normalCdf(sorted[i]!);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}

/** sqrt(n) D above this happens with probability 0.001 for a correct sampler (Kolmogorov). */
const KS_999 = 1.949;
/** The CDF's own error (1.2e-7) is far below the statistic's resolution at these n. */
const N = 200_000;
const SEEDS = [1, 20_261_201, 4_294_967_295];

describe('the ziggurat draws standard normals', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: Kolmogorov–Smirnov against the normal CDF at ${N.toLocaleString('en-US')} draws`, () => {
      const xs = new Random(seed).fillNormal(new Float64Array(N), 0, 1);
      expect(ksStatistic(xs) * Math.sqrt(N)).toBeLessThan(KS_999);
    });

    it(`seed ${seed}: mean, variance and kurtosis within 5 standard errors`, () => {
      const xs = new Random(seed).fillNormal(new Float64Array(N), 0, 1);
      let s1 = 0;
      let s2 = 0;
      let s4 = 0;
      for (const x of xs) {
        s1 += x;
        s2 += x * x;
        s4 += x ** 4;
      }
      // Standard errors of the sample moments of a normal: 1/√n, √(2/n), √(96/n).
      expect(Math.abs(s1 / N)).toBeLessThan(5 / Math.sqrt(N));
      expect(Math.abs(s2 / N - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
      expect(Math.abs(s4 / N - 3)).toBeLessThan(5 * Math.sqrt(96 / N));
    });

    it(`seed ${seed}: the tails (the 5% points, the ziggurat's base edge at 3.44, and 4) hold their share of draws`, () => {
      const n = 1_000_000;
      const xs = new Random(seed).fillNormal(new Float64Array(n), 0, 1);
      for (const z of [1.6448536269514722, 3.442619855899, 4]) {
        const p = 1 - normalCdf(z);
        let above = 0;
        let below = 0;
        for (const x of xs) {
          if (x > z) above++;
          if (x < -z) below++;
        }
        // Each count is binomial(n, p): standard deviation √(n p (1 - p)).
        const tolerance = 5 * Math.sqrt(n * p * (1 - p));
        expect(Math.abs(above - n * p)).toBeLessThan(tolerance);
        expect(Math.abs(below - n * p)).toBeLessThan(tolerance);
      }
    });
  }

  it('mean and sd shift and scale the standard draws, bit for bit as mean + sd · z', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e3, noNaN: true }), (seed, mean, sd) => {
        const z = new Random(seed).fillNormal(new Float64Array(300), 0, 1);
        const xs = new Random(seed).fillNormal(new Float64Array(300), mean, sd);
        for (let i = 0; i < xs.length; i++) expect(xs[i]).toBe(mean + sd * z[i]!);
      }),
      { numRuns: 60 },
    );
  });

  it('a lognormal draw is the exponential of the normal draw of the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (seed, mu, sigma) => {
        const x = new Random(seed).fillNormal(new Float64Array(300), mu, sigma);
        const y = new Random(seed).fillLognormal(new Float64Array(300), mu, sigma);
        for (let i = 0; i < y.length; i++) expect(y[i]).toBe(sampleExp(x[i]!));
      }),
      { numRuns: 60 },
    );
  });

  it('the stream is pinned: the first normals of seed 1 (a change here changes every published sample)', () => {
    const xs = new Random(1).fillNormal(new Float64Array(4), 0, 1);
    expect(Array.from(xs)).toEqual(PINNED_FIRST_FOUR);
  });
});

// Recorded once from this implementation (the ziggurat of docs/uncertainty.md).
const PINNED_FIRST_FOUR = [1.1736286271251177, -0.200283662975623, 0.45509443429664637, 0.2626850674867255];

/** The distance between x and the next double up. */
function ulp(x: number): number {
  const b = new Float64Array([Math.abs(x)]);
  const bits = new BigInt64Array(b.buffer);
  bits[0]! += 1n;
  return b[0]! - Math.abs(x);
}

describe('the exponentials of the lognormal sampler', () => {
  it("exp (fdlibm's) is within one unit in the last place of Math.exp", () => {
    fc.assert(
      fc.property(fc.double({ min: -745, max: 709.7, noNaN: true }), (x) => {
        const a = exp(x);
        const b = Math.exp(x);
        expect(Math.abs(a - b)).toBeLessThanOrEqual(ulp(b));
      }),
      { numRuns: 20_000 },
    );
  });

  it("sampleExp is within two units in the last place of exp, over the whole range it tables", () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 709, noNaN: true }), (x) => {
        const a = sampleExp(x);
        const b = exp(x);
        expect(Math.abs(a - b)).toBeLessThanOrEqual(2 * ulp(b));
      }),
      { numRuns: 20_000 },
    );
  });

  it('both keep the edges: NaN, overflow to Infinity, underflow to 0, and e^0 = 1', () => {
    for (const f of [exp, sampleExp]) {
      expect(f(NaN)).toBeNaN();
      expect(f(710)).toBe(Infinity);
      expect(f(Infinity)).toBe(Infinity);
      expect(f(-746)).toBe(0);
      expect(f(-Infinity)).toBe(0);
      expect(f(0)).toBe(1);
      expect(f(-0)).toBe(1);
    }
  });
});
