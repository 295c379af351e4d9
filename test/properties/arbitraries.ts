/** fast-check generators for the language: trees, token soups, dimensions. */
import fc from 'fast-check';
import { source, span } from '../../src/diagnostics/source.js';
import { type Expr, type UnitExpr } from '../../src/lang/ast.js';
import { Dimension } from '../../src/units/dimension.js';

/** How many cases each fuzz target runs (FUZZ_RUNS raises it for long runs). */
export const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);

const S = span(source('<gen>', ''), 0, 0);
const NAMES = ['x', 'y', 'mau', 'dau', 'peak_factor'];
const UNITS = ['MB', 'GiB', 's', 'day', 'year', 'USD', 'req', 'Gbps', 'bit', 'min'];

const numberValue = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }).map((d) => Math.abs(d)));

const unitExpr: fc.Arbitrary<UnitExpr> = fc.oneof(
  fc.constantFrom(...UNITS).map((name): UnitExpr => ({ kind: 'unit', name, span: S })),
  fc.tuple(fc.constantFrom(...UNITS), fc.constantFrom(...UNITS)).map(([a, b]): UnitExpr => ({
    kind: 'unitDiv',
    left: { kind: 'unit', name: a, span: S },
    right: { kind: 'unit', name: b, span: S },
    span: S,
  })),
);

/** Random expression trees (no conversion inside; one may wrap the whole). */
export const exprTree: fc.Arbitrary<Expr> = fc
  .letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      numberValue.map((value): Expr => ({ kind: 'number', value, span: S })),
      fc.integer({ min: 0, max: 500 }).map((percent): Expr => ({ kind: 'percent', percent, span: S })),
      fc.constantFrom(...NAMES).map((name): Expr => ({ kind: 'name', name, span: S })),
      fc.tuple(numberValue, fc.constantFrom(...UNITS)).map(([value, name]): Expr => ({
        kind: 'quantity',
        amount: { kind: 'number', value, span: S },
        unit: { kind: 'unit', name, span: S },
        span: S,
        attached: false,
      })),
      tie('e').map((operand): Expr => ({ kind: 'neg', operand, span: S })),
      fc.tuple(fc.constantFrom('+', '-', '*', '/', '^' as const), tie('e'), tie('e')).map(([op, left, right]): Expr => ({
        kind: 'binary',
        op,
        left,
        right,
        span: S,
        opSpan: S,
      })),
      fc.tuple(fc.constantFrom('ceil', 'abs', 'sqrt', 'log10'), tie('e')).map(([fn, a]): Expr => ({ kind: 'call', fn, args: [a], span: S, nameSpan: S })),
      fc.tuple(fc.constantFrom('min', 'max'), tie('e'), tie('e')).map(([fn, a, b]): Expr => ({ kind: 'call', fn, args: [a, b], span: S, nameSpan: S })),
    ),
  }))
  .e.chain((e) => fc.oneof(fc.constant(e), unitExpr.map((target): Expr => ({ kind: 'convert', expr: e, target, keyword: '->', span: S }))));

/** Strings over the language's token alphabet, plus hostile characters. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom('1', '0', '42', '3.5', '1e6', '1e400', '1_000', '1,000', ',', '.', '_', '300M', '1.5bn', '10%', '%', '$', 'k', 'M', 'B', 'bn', 'billion'),
      fc.constantFrom('+', '-', '*', '/', '^', '(', ')', '->', ' in ', ' to ', ' per ', '×', '÷', '−', ' ', '\u00a0', '\t', '\n'),
      fc.constantFrom('MB', 'GiB', 'Gbps', 's', 'day', 'year', 'USD', 'm', 'mb', 'user', 'x', 'ceil(', 'max(', 'log(', 'sqrt(', 'constructor', '__proto__', 'toString'),
      fc.constantFrom('µs', 'μs', '１', "'", '"', '#', '\u001b[31m', '\u0000', '\ud800', '😀'),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

/** Random dimensions over a few base names with small exponents. */
export const dimension: fc.Arbitrary<Dimension> = fc
  .array(fc.tuple(fc.constantFrom('Time', 'Data', 'Money', 'user', 'tweet'), fc.integer({ min: -3, max: 3 })), { maxLength: 5 })
  .map((parts) => Dimension.of(parts));

/**
 * Random trees that may hold ranges, as the parser can produce them: the high end starts with a
 * number (a number or a number with its unit) and the low end is not itself a range.
 */
export const exprTreeWithRanges: fc.Arbitrary<Expr> = fc
  .letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      numberValue.map((value): Expr => ({ kind: 'number', value, span: S })),
      fc.constantFrom(...NAMES).map((name): Expr => ({ kind: 'name', name, span: S })),
      fc.tuple(tie('e').filter((e) => e.kind !== 'range'), numberValue, fc.option(fc.constantFrom(...UNITS), { nil: undefined })).map(([low, v, unit]): Expr => {
        const n: Expr = { kind: 'number', value: v, span: S };
        const high: Expr = unit ? { kind: 'quantity', amount: n, unit: { kind: 'unit', name: unit, span: S }, span: S, attached: false } : n;
        return { kind: 'range', low, high, span: S, opSpan: S };
      }),
      tie('e').map((operand): Expr => ({ kind: 'neg', operand, span: S })),
      fc.tuple(fc.constantFrom('+', '-', '*', '/', '^' as const), tie('e'), tie('e')).map(([op, left, right]): Expr => ({ kind: 'binary', op, left, right, span: S, opSpan: S })),
      fc.tuple(fc.constantFrom('ceil', 'sqrt', 'max'), tie('e'), tie('e')).map(([fn, a, b]): Expr => ({ kind: 'call', fn, args: fn === 'max' ? [a, b] : [a], span: S, nameSpan: S })),
    ),
  }))
  .e;
