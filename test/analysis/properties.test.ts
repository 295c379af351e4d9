/** Properties of the analysis building blocks: exact range percentiles, rank correlation, sweeps, goal seek. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/analysis/evaluator.js';
import { QuantileRandom } from '../../src/analysis/quantile-random.js';
import { rankCorrelation } from '../../src/analysis/rank.js';
import { solve } from '../../src/analysis/solve.js';
import { parseCondition, parseSweep } from '../../src/analysis/specs.js';
import { source } from '../../src/diagnostics/source.js';
import { compile, unitScope } from '../../src/eval/compile.js';
import { parse } from '../../src/lang/parser.js';
import { buildModel } from '../../src/model/build.js';
import { parseTemplate } from '../../src/template/load.js';
import { UnitRegistry } from '../../src/units/registry.js';

const percentiles = (text: string) => {
  const c = compile(parse(source('<t>', text)), unitScope(UnitRegistry.BUILTIN));
  const q = c.sample([], { n: 2, rng: new QuantileRandom() });
  return q as Float64Array;
};

const twitter = () => buildModel(parseTemplate(source('twitter.yaml', `name: t
title: T
units: [user, server]
inputs:
  members:
    default: 1000 user
    min: 0 user
  per_server:
    default: 100 user/server
    min: 1 user/server
quantities:
  machines:
    value: ceil(members / per_server)
    unit: server
  load:
    value: members / per_server
    unit: server
sections:
  S: [machines, load]
`)));

describe('exact range percentiles', () => {
  it('`a to b` gives a and b', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: 1.001, max: 1000, noNaN: true }), (a, f) => {
        const [lo, hi] = percentiles(`${a} to ${a * f}`);
        expect(Math.abs(lo! - a)).toBeLessThanOrEqual(1e-9 * a);
        expect(Math.abs(hi! - a * f)).toBeLessThanOrEqual(1e-9 * a * f);
      }),
    );
  });
  it('triangular(a, c, b) gives the closed-form 5th and 95th percentiles', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (s, t) => {
        const [a, c, b] = [0, Math.min(s, t) * 0 + s * 10, 10 + t * 10].sort((x, y) => x - y) as [number, number, number];
        const [lo, hi] = percentiles(`triangular(${a}, ${c}, ${b})`);
        const inv = (u: number) => (u < (c - a) / (b - a) ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c)));
        expect(lo).toBeCloseTo(inv(0.05), 9);
        expect(hi).toBeCloseTo(inv(0.95), 9);
      }),
    );
  });
});

describe('rank correlation', () => {
  it('is 1 for any increasing transform and -1 for a decreasing one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 3, maxLength: 50 }), (xs) => {
        expect(rankCorrelation(xs, xs.map((x) => x * x * x + 5))).toBeCloseTo(1, 12);
        expect(rankCorrelation(xs, xs.map((x) => -2 * x))).toBeCloseTo(-1, 12);
      }),
    );
  });
  it('is 0 against a constant and stays within [-1, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 2, maxLength: 40 }), fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 40, maxLength: 40 }), (xs, ys) => {
        expect(rankCorrelation(xs, xs.map(() => 3))).toBe(0);
        const r = rankCorrelation(xs, ys.slice(0, xs.length));
        expect(Math.abs(r)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('sweeps', () => {
  it('a linear sweep of N points starts and ends at the ends and is evenly spaced', () => {
    const model = twitter();
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 500 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1e6 }), (n, lo, w) => {
        const axis = parseSweep(model, `members=${lo}..${lo + w}:${n}`);
        expect(axis.values).toHaveLength(n);
        expect(axis.values[0]).toBe(lo);
        expect(axis.values[n - 1]).toBe(lo + w);
        for (let k = 1; k < n; k++) expect(axis.values[k]! - axis.values[k - 1]!).toBeCloseTo(w / (n - 1), 6);
      }),
    );
  });
  it('a geometric sweep never passes its high end', () => {
    const model = twitter();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 1.01, max: 100, noNaN: true }), fc.integer({ min: 1, max: 1e6 }), (lo, f, span) => {
        const axis = parseSweep(model, `members=${lo}..${lo + span}*${f}`);
        expect(axis.values[0]).toBe(lo);
        expect(axis.values[axis.values.length - 1]!).toBeLessThanOrEqual((lo + span) * (1 + 1e-9));
      }),
    );
  });
});

describe('goal seek', () => {
  it('the largest members with ceil(members / per_server) <= k is k × per_server, for any k', () => {
    const model = twitter();
    const ev = new Evaluator(model, new Map());
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e7 }), (k) => {
        const s = solve(ev, model.inputs[0]!, parseCondition(model, `machines <= ${k}`, '--for', ['<=']));
        expect(Math.abs(s.value - k * 100)).toBeLessThanOrEqual(1e-9 * k * 100);
      }),
      { numRuns: 50 },
    );
  });
  it('= on a continuous output lands on the target', () => {
    const model = twitter();
    const ev = new Evaluator(model, new Map());
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e9, noNaN: true }), (t) => {
        const s = solve(ev, model.inputs[0]!, parseCondition(model, `load = ${t}`, '--for', ['=']));
        expect(Math.abs(s.outputThere - t)).toBeLessThanOrEqual(1e-9 * t);
      }),
      { numRuns: 50 },
    );
  });
});
