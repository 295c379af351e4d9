/**
 * The checker's rules that need no state: which names and exponents are allowed, how arguments
 * are counted, and the help for a dimension mismatch. Each throws the project's error.
 */
import { EstimateError } from '../diagnostics/error.js';
import { type Span } from '../diagnostics/source.js';
import { assertNever } from '../lang/assert-never.js';
import { type Expr } from '../lang/ast.js';
import { Dimension } from '../units/dimension.js';
import { type Op } from './kernels.js';

/** The checker's typed node, as far as these rules look at it. */
interface Uncertain {
  readonly uncertain: boolean;
}

/** The operation on two numbers, unchecked (`scalar` in kernels.ts is the checked one). */
export function quick(op: Op, a: number, b: number): number {
  switch (op) {
    case 'add':
      return a + b;
    case 'sub':
      return a - b;
    case 'mul':
      return a * b;
    case 'div':
      return a / b;
    case 'pow':
      return a ** b;
    default:
      return assertNever(op);
  }
}

export function arity(e: Extract<Expr, { kind: 'call' }>, min: number, max: number, doc: string): void {
  if (e.args.length >= min && e.args.length <= max) return;
  const want = min === max ? `${min}` : `${min} to ${max}`;
  throw new EstimateError('E0305', `${e.fn} takes ${want} argument${want === '1' ? '' : 's'}, not ${e.args.length}`, { span: e.span, help: [doc] });
}

/** A range end or distribution parameter must not itself be uncertain. */
export function exactEnd(t: Uncertain, where: Span): void {
  if (!t.uncertain) return;
  throw new EstimateError('E0210', 'a range end or distribution parameter cannot itself be uncertain', {
    span: where,
    help: ['give exact numbers: `normal(10 ms, 2 ms)`, `1 to 3 MB`'],
  });
}

/** `2`, `-2`: a number written without a unit. */
export function isBareNumber(e: Expr): boolean {
  return e.kind === 'number' || (e.kind === 'neg' && isBareNumber(e.operand));
}

/** The exponent a quantity with a dimension is raised to: a whole number written as such. */
export function wholeExponent(e: Extract<Expr, { kind: 'binary' }>, base: Dimension): number {
  const k = constantInteger(e.right);
  if (k === undefined) {
    throw new EstimateError('E0504', `${base} can only be raised to a fixed whole number`, {
      span: e.right.span,
      labels: [{ span: e.left.span, text: base.toString() }],
      help: ['write the power as a number: `x ^ 2`, `s ^ -1`'],
    });
  }
  return k;
}

/** The value of an exponent written as a whole number (`2`, `-1`, `(3)`), else undefined. */
function constantInteger(e: Expr): number | undefined {
  if (e.kind === 'number') return Number.isInteger(e.value) ? e.value : undefined;
  if (e.kind === 'neg') {
    const k = constantInteger(e.operand);
    return k === undefined ? undefined : -k;
  }
  return undefined;
}

/** Suggests the missing factor when two dimensions differ by a simple ratio (rates vs totals). */
export function conversionHelp(have: Dimension, want: Dimension): string[] {
  const ratio = want.div(have);
  if (ratio.equals(Dimension.base('Time'))) return ['multiply by a duration, as in `* 5 year`'];
  if (ratio.equals(Dimension.base('Time').pow(-1))) return ['divide by a duration, as in `/ day`'];
  if (ratio.entries.length === 1) return [`the two differ by a factor of ${ratio}`];
  return [];
}
