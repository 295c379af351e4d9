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

/**
 * The dimension of a quantity with a unit raised to a power: the power must be known when
 * checking (`k`, the exponent's constant value), and a whole number or a simple fraction
 * (`s^2`, `(4 s^2)^0.5`, `x^(1/3)`), checked exactly by Dimension (E0504 at the exponent otherwise).
 */
export function power(e: Extract<Expr, { kind: 'binary' }>, base: Dimension, k: number | undefined): Dimension {
  const refuse = (message: string) =>
    new EstimateError('E0504', message, {
      span: e.right.span,
      labels: [{ span: e.left.span, text: base.toString() }],
      help: ['write the power as a whole number or a simple fraction: `x ^ 2`, `s ^ -1`, `x ^ (1/2)`'],
    });
  if (k === undefined) throw refuse(`${base} can only be raised to a fixed number`);
  try {
    return base.pow(k);
  } catch (err) {
    if (!(err instanceof EstimateError)) throw err;
    throw refuse(`cannot raise ${base} to ${k}: ${err.message}`);
  }
}

/** A dimension computed at an operator: an exponent out of range (E0504, no place yet) points at it. */
export function dimensionAt(op: Span, f: () => Dimension): Dimension {
  try {
    return f();
  } catch (err) {
    if (err instanceof EstimateError && err.span === undefined) throw new EstimateError(err.code, err.message, { ...err.details, span: op });
    throw err;
  }
}

/** Suggests the missing factor when two dimensions differ by a simple ratio (rates vs totals). */
export function conversionHelp(have: Dimension, want: Dimension): string[] {
  const ratio = want.div(have);
  if (ratio.equals(Dimension.base('Time'))) return ['multiply by a duration, as in `* 5 year`'];
  if (ratio.equals(Dimension.base('Time').pow(-1))) return ['divide by a duration, as in `/ day`'];
  // One factor apart is a fix worth saying; `1 MB + 1 s` is a mistake no factor fixes (the
  // general fix is still in the error's data).
  const fix = ratio.entries.length === 1 ? dimensionFix(have, want) : undefined;
  return fix ? [fix] : [];
}

/** `{ suggestion }` when there is a general fix, for an error's data fields. */
export function optionalFix(have: Dimension, want: Dimension): { suggestion?: string } {
  const fix = dimensionFix(have, want);
  return fix ? { suggestion: fix } : {};
}

/**
 * The general fix that turns `have` into `want`, as numbat words it: "multiply by user",
 * "divide by a Time", "multiply by user and divide by a Time". Named dimensions (Time, Data,
 * Money) take "a"; count units are named as written. Undefined when they are equal.
 */
export function dimensionFix(have: Dimension, want: Dimension): string | undefined {
  const ratio = want.div(have);
  if (ratio.isNone) return undefined;
  const name = (n: string, e: number) => {
    const base = /^[A-Z]/.test(n) ? `a ${n}` : n;
    const k = Math.abs(e);
    return k === 1 ? base : `${base}^${Number.isInteger(k) ? k : k.toFixed(3).replace(/0+$/, '')}`;
  };
  const up = ratio.entries.filter(([, e]) => e > 0).map(([n, e]) => name(n, e));
  const down = ratio.entries.filter(([, e]) => e < 0).map(([n, e]) => name(n, e));
  const parts = [...(up.length ? [`multiply by ${up.join(' and ')}`] : []), ...(down.length ? [`divide by ${down.join(' and ')}`] : [])];
  return parts.join(' and ');
}
