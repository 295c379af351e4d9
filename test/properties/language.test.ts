import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EstimateError } from '../../src/diagnostics/error.js';
import { source } from '../../src/diagnostics/source.js';
import { calculate } from '../../src/eval/calculate.js';
import { compile, unitScope, type Scope } from '../../src/eval/compile.js';
import { numberValue, tokenize } from '../../src/lang/lexer.js';
import { parse } from '../../src/lang/parser.js';
import { print, sexpr } from '../../src/lang/printer.js';
import { Dimension } from '../../src/units/dimension.js';
import { UnitRegistry } from '../../src/units/registry.js';
import { type Expr } from '../../src/lang/ast.js';
import { dimension, exprTree, RUNS, tokenSoup } from './arbitraries.js';

const TIME_BOUND_MS = 2000;

/** Runs f; only the project's error may escape, and it must finish within the bound. */
function onlyOurErrors(f: () => unknown): void {
  const t0 = performance.now();
  try {
    f();
  } catch (e) {
    if (!(e instanceof EstimateError)) throw e;
  }
  expect(performance.now() - t0).toBeLessThan(TIME_BOUND_MS);
}

const scope: Scope = {
  registry: UnitRegistry.BUILTIN,
  lookup: (n) => (['x', 'y', 'mau', 'dau', 'peak_factor'].includes(n) ? { slot: 0, dimension: Dimension.NONE } : undefined),
  names: () => ['x', 'y', 'mau', 'dau', 'peak_factor'],
};

describe('parser properties', () => {
  it('parse(print(ast)) is ast', () => {
    fc.assert(
      fc.property(exprTree, (tree) => {
        expect(sexpr(parse(source('<p>', print(tree))))).toBe(sexpr(tree));
      }),
      { numRuns: Math.min(RUNS, 5000) },
    );
  });
  it('random token strings never throw anything but the project error, and never hang', () => {
    fc.assert(
      fc.property(tokenSoup, (text) => onlyOurErrors(() => calculate(text))),
      { numRuns: RUNS },
    );
  });
  it('random trees compile and evaluate to a finite number or the project error', () => {
    fc.assert(
      fc.property(exprTree, fc.double({ noNaN: true, noDefaultInfinity: true }), (tree, x) =>
        onlyOurErrors(() => {
          const c = compile(tree, scope);
          const v = c.run([x]);
          expect(Number.isFinite(v)).toBe(true);
        }),
      ),
      { numRuns: RUNS },
    );
  });
});

describe('compile-time folding', () => {
  /** The tree with each number literal read from a slot instead: nothing left to fold. */
  function unfold(e: Expr, slots: number[]): Expr {
    switch (e.kind) {
      case 'number':
        slots.push(e.value);
        return { kind: 'name', name: `k${slots.length - 1}`, span: e.span };
      case 'quantity':
        return { ...e, amount: unfold(e.amount, slots) };
      case 'neg':
        return { ...e, operand: unfold(e.operand, slots) };
      case 'binary':
        // An exponent of a quantity with a dimension must be written as a number.
        return e.op === '^' ? { ...e, left: unfold(e.left, slots) } : { ...e, left: unfold(e.left, slots), right: unfold(e.right, slots) };
      case 'call':
        return { ...e, args: e.args.map((a) => unfold(a, slots)) };
      case 'convert':
        return { ...e, expr: unfold(e.expr, slots) };
      default:
        return e;
    }
  }
  const slotScope: Scope = {
    registry: UnitRegistry.BUILTIN,
    lookup: (n) => (/^k\d+$/.test(n) ? { slot: Number(n.slice(1)), dimension: Dimension.NONE } : undefined),
    names: () => [],
  };
  /** The value, or the error code, of compiling and running. */
  function outcome(f: () => number): { value: number } | { code: string } {
    try {
      return { value: f() };
    } catch (e) {
      if (!(e instanceof EstimateError)) throw e;
      return { code: e.code };
    }
  }
  it('gives the value, or the error, that running the same arithmetic gives', () => {
    fc.assert(
      fc.property(exprTree, (tree) => {
        const slots: number[] = [];
        const opened = unfold(tree, slots);
        const folded = outcome(() => compile(tree, unitScope(UnitRegistry.BUILTIN)).run([]));
        const run = outcome(() => compile(opened, slotScope).run(slots));
        expect(run).toEqual(folded);
        if ('value' in run && 'value' in folded) expect(Object.is(run.value, folded.value)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
  it('a numeric failure in a known part does not hide a dimension error elsewhere', () => {
    expect(outcome(() => calculate('1 / 0 + (1 MB + 1 s)').value)).toEqual({ code: 'E0501' });
    expect(outcome(() => calculate('1 / 0').value)).toEqual({ code: 'E0601' });
  });
});

describe('number literals', () => {
  it('every plain decimal literal has exactly the value Number() gives it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,17}(\.[0-9]{1,17})?([eE][+-]?[0-9]{1,3})?$/), (lit) => {
        expect(numberValue(tokenize(source('<n>', lit))[0]!)).toBe(Number(lit));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('unit properties', () => {
  const groups: Record<string, string[]> = {
    Data: ['B', 'kB', 'KB', 'MB', 'GB', 'TB', 'PB', 'KiB', 'MiB', 'GiB', 'TiB', 'bit', 'Mbit', 'Gb'],
    Time: ['ns', 'us', 'ms', 's', 'min', 'h', 'day', 'week', 'month', 'year'],
    Rate: ['bps', 'Kbps', 'Mbps', 'Gbps', 'MB/s', 'GiB/day', 'TB/month'],
  };
  for (const [name, units] of Object.entries(groups)) {
    it(`${name}: x -> U -> V equals x -> V`, () => {
      fc.assert(
        fc.property(
          fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
          fc.constantFrom(...units),
          fc.constantFrom(...units),
          fc.constantFrom(...units),
          (x, from, via, to) => {
            const direct = calculate(`${x} ${from} -> ${to}`).value;
            const step = calculate(`${x} ${from} -> ${via}`).value;
            const twoSteps = calculate(`${step} ${via} -> ${to}`).value;
            expect(Math.abs(twoSteps - direct) / Math.abs(direct)).toBeLessThanOrEqual(1e-12);
          },
        ),
        { numRuns: 2000 },
      );
    });
  }
  it('every printed value parses back to the same value at display precision', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e14, max: 1e14, noNaN: true }), fc.constantFrom('', 'MB', 'GB/s', 's', 'USD', 'req/s', '/s', 'USD/day'), (x, unit) => {
        const shown = calculate(unit === '' ? `${x}` : x < 0 ? `-${-x} ${unit}` : `${x} ${unit}`).text;
        const back = calculate(shown);
        const again = calculate(back.text);
        expect(again.text).toBe(shown);
      }),
      { numRuns: 3000 },
    );
  });
  it('a value with a fractional unit power (a square root of seconds) prints in a form that parses back', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
        fc.constantFrom('s', 'GB', 'USD', 'B/s'),
        fc.constantFrom('1/2', '1/3', '-1/2', '3/2', '2/3'),
        (x, unit, power) => {
          const shown = calculate(`(${x} ${unit})^(${power})`).text;
          expect(shown).toMatch(/\^\(-?\d+\/\d+\)/);
          expect(calculate(calculate(shown).text).text).toBe(calculate(shown).text);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('dimension algebra laws', () => {
  it('is an abelian group under mul/div with NONE as identity', () => {
    fc.assert(
      fc.property(dimension, dimension, dimension, (a, b, c) => {
        expect(a.mul(b).key).toBe(b.mul(a).key);
        expect(a.mul(b).mul(c).key).toBe(a.mul(b.mul(c)).key);
        expect(a.mul(Dimension.NONE).key).toBe(a.key);
        expect(a.div(a).isNone).toBe(true);
        expect(a.div(b).mul(b).key).toBe(a.key);
      }),
      { numRuns: RUNS },
    );
  });
  it('powers distribute over products', () => {
    fc.assert(
      fc.property(dimension, dimension, fc.integer({ min: -4, max: 4 }), (a, b, k) => {
        expect(a.mul(b).pow(k).key).toBe(a.pow(k).mul(b.pow(k)).key);
        expect(a.pow(k).pow(-1).key).toBe(a.pow(-k).key);
      }),
      { numRuns: RUNS },
    );
  });
});
