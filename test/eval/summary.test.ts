// Summaries of derived arrays: an array computed from another by a rising function (`2 * x`,
// `x + c`, `x / c`, `ceil(x)`) reuses its source's order statistics, and must give exactly the
// numbers a summary of its own samples gives. And temporaries written over in place: a
// quantity's samples never change once computed, and a failure still names its operands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EstimateError } from '../../src/diagnostics/error.js';
import { source } from '../../src/diagnostics/source.js';
import { calculateSampled } from '../../src/eval/calculate.js';
import { FUNCTIONS } from '../../src/eval/functions.js';
import { applyFunction, arith, negate, scale, type Op } from '../../src/eval/kernels.js';
import { derivationOf } from '../../src/eval/magnitude.js';
import { summarize, summarizer } from '../../src/eval/summary.js';
import { buildModel } from '../../src/model/build.js';
import { evaluate } from '../../src/model/evaluate.js';
import { parseTemplate } from '../../src/template/load.js';

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

describe('temporaries written over in place', () => {
  const yaml = (quantities: string[]) =>
    ['name: t', 'title: T', 'inputs:', '  x:', '    default: 2', '    range: 1 to 4', 'quantities:', ...quantities.map((q) => `  ${q}`), 'sections:', `  S: [${quantities.map((q) => q.split(':')[0]).join(', ')}]`, ''].join('\n');

  it('leave every quantity as it was computed, and a quantity read twice the same samples', () => {
    const alone = buildModel(parseTemplate(source('t.yaml', yaml(['y: x * 1']))));
    const model = buildModel(parseTemplate(source('t.yaml', yaml(['y: x * 1', 'z: (x * 2) * 3 + x', 'w: (y * y) * (x + 1) - y', 'zero: (x + 1) - (x + 1)']))));
    const bySlot = (m: typeof model, name: string) => evaluate(m, new Map(), { ranges: true, samples: 5000 }).sampled!.bySlot[m.byName.get(name)!.slot]!;
    const r = evaluate(model, new Map(), { ranges: true, samples: 5000 }).sampled!.bySlot;
    const x = r[model.byName.get('x')!.slot]!;
    const y = r[model.byName.get('y')!.slot]!;
    expect(Buffer.from(x.buffer).equals(Buffer.from(bySlot(alone, 'x').buffer))).toBe(true);
    expect(Buffer.from(y.buffer).equals(Buffer.from(bySlot(alone, 'y').buffer))).toBe(true);
    const z = r[model.byName.get('z')!.slot]!;
    const w = r[model.byName.get('w')!.slot]!;
    for (let i = 0; i < x.length; i++) {
      expect(z[i]).toBe(x[i]! * 2 * 3 + x[i]!);
      expect(w[i]).toBe(y[i]! * y[i]! * (x[i]! + 1) - y[i]!);
    }
    expect(r[model.byName.get('zero')!.slot]!.every((v) => v === 0)).toBe(true);
  });

  it('a failure over a temporary names the operands of the failing sample, not its result', () => {
    const failure = (text: string) => {
      try {
        calculateSampled(text, { samples: 1000 });
      } catch (e) {
        if (e instanceof EstimateError) return e;
        throw e;
      }
      throw new Error('expected an error');
    };
    const e = failure('((0 to 0) + 0) / ((0 to 0) * 1)');
    expect(e.code).toBe('E0601');
    expect(e.details.help).toContain('in sample 1 of 1,000: 0 / 0');
    const e2 = failure('((1 to 1) * 1e308) * 10');
    expect(e2.code).toBe('E0602');
    expect(e2.details.help?.some((h) => /^in sample 1 of 1,000: 1(\.0+)?e\+?308 × 10$/.test(h))).toBe(true);
  });
});
