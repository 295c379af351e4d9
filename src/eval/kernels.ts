/**
 * Arithmetic on magnitudes. Two numbers take the scalar path (the exact engine); any array
 * takes a loop over all samples, then one finiteness check per operation. A failure names
 * its operator and, for samples, the first failing sample and the operands that produced it.
 */
import { EstimateError, type ErrorDetails } from '../diagnostics/error.js';
import { type ErrorCode } from '../diagnostics/codes.js';
import { type Span } from '../diagnostics/source.js';
import { formatNumber } from '../units/format.js';
import { type FunctionDef } from './functions.js';
import { derive, type Magnitude, overwritten } from './magnitude.js';

/** A numeric failure in one sample: `sample` is its index, for the model to name the inputs. */
export class SampleError extends EstimateError {
  constructor(
    code: ErrorCode,
    message: string,
    details: ErrorDetails,
    readonly sample: number,
  ) {
    super(code, message, details);
  }
}

/** The arithmetic operations of the language. */
export type Op = 'add' | 'sub' | 'mul' | 'div' | 'pow';

/**
 * One operation on two magnitudes; `other` is the span a failure also points at (the divisor).
 * `into`, when given, is an operand array no one else holds (a temporary of the expression): the
 * result is written over it instead of a new array. A failing sample is never written, so its
 * operands are still there for the message.
 */
export function arith(op: Op, a: Magnitude, b: Magnitude, at: Span, other: Span, into?: Float64Array): Magnitude {
  if (typeof a === 'number' && typeof b === 'number') return scalar(op, a, b, at, other);
  const n = typeof a === 'number' ? (b as Float64Array).length : a.length;
  if (typeof a !== 'number' && typeof b !== 'number' && a.length !== b.length) {
    throw new EstimateError('E9999', `sample counts differ: ${a.length} and ${b.length}`, { span: at });
  }
  const out = into ?? new Float64Array(n);
  const bad = loop(op, a, b, out);
  if (bad >= 0) throw sampleFailure(bad, n, () => scalar(op, at0(a, bad), at0(b, bad), at, other), `${formatNumber(at0(a, bad))} ${SYMBOL[op]} ${formatNumber(at0(b, bad))}`);
  if (!deriveArith(op, a, b, out) && into) overwritten(into);
  return out;
}

/**
 * Records (and says whether it did) an array-and-number result that rises with the array (`c + x`, `x - c`, `c * x` and
 * `x / c` for c > 0), written as the loop computes it, so summaries can reuse the array's
 * order statistics. Zero and negative factors are left out: they reverse the order or mix -0 and 0.
 */
function deriveArith(op: Op, a: Magnitude, b: Magnitude, out: Float64Array): boolean {
  if (typeof a === 'number') {
    const y = b as Float64Array;
    if (op === 'add') return derive(out, y, (x) => a + x);
    if (op === 'mul' && a > 0) return derive(out, y, (x) => a * x);
    return false;
  }
  if (typeof b !== 'number') return false;
  if (op === 'add') return derive(out, a, (x) => x + b);
  if (op === 'sub') return derive(out, a, (x) => x - b);
  if (op === 'mul' && b > 0) return derive(out, a, (x) => x * b);
  if (op === 'div' && b > 0) return derive(out, a, (x) => x / b);
  return false;
}

/** The functions that never decrease as their argument grows, applied by their `unary` form. */
const RISING = new Set(['ceil', 'floor', 'round']);

const SYMBOL: Readonly<Record<Op, string>> = { add: '+', sub: '-', mul: '×', div: '/', pow: '^' };

/**
 * Scales a magnitude by a unit's size (`300 MB`); overflow (`1e300 EB`) fails at the unit.
 * `inPlace`: the array is a temporary no one else holds, so the result overwrites it.
 */
export function scale(a: Magnitude, factor: number, at: Span, inPlace = false): Magnitude {
  if (typeof a === 'number') return finite(a * factor, at);
  const out = inPlace ? a : new Float64Array(a.length);
  let bad = -1;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]! * factor;
    // x - x is 0 for every finite x: the failing sample is left unwritten, for the message.
    if (v - v !== 0) {
      bad = i;
      break;
    }
    out[i] = v;
  }
  if (bad >= 0) throw sampleFailure(bad, a.length, () => finite(a[bad]! * factor, at), `${formatNumber(a[bad]!)} × ${formatNumber(factor)}`);
  if (!(factor > 0 && derive(out, a, (x) => x * factor)) && inPlace) overwritten(out);
  return out;
}

/** `-a`. */
export function negate(a: Magnitude): Magnitude {
  if (typeof a === 'number') return -a;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = -a[i]!;
  return out;
}

/** A built-in function over magnitudes: element-wise when any argument has samples. */
export function applyFunction(def: FunctionDef, fn: string, args: readonly Magnitude[], where: Span): Magnitude {
  let n = -1;
  for (const a of args) if (typeof a !== 'number') n = a.length;
  if (n < 0) return applyChecked(def, fn, args as readonly number[], where);
  const out = new Float64Array(n);
  const only = args[0]!;
  if (def.unary && args.length === 1 && typeof only !== 'number') {
    const f = def.unary;
    for (let i = 0; i < n; i++) out[i] = f(only[i]!);
    if (RISING.has(fn)) derive(out, only, f);
  } else {
    // One scratch argument list for every sample: no allocation per sample.
    const scratch = new Array<number>(args.length).fill(0);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < args.length; k++) scratch[k] = at0(args[k]!, i);
      out[i] = def.apply(scratch);
    }
  }
  const bad = firstNonFinite(out);
  if (bad >= 0) {
    const xs = args.map((a) => at0(a, bad));
    throw sampleFailure(bad, n, () => applyChecked(def, fn, xs, where), `${fn}(${xs.map((x) => formatNumber(x)).join(', ')})`);
  }
  return out;
}

/** A function on numbers, its result checked. */
export function applyChecked(def: FunctionDef, fn: string, xs: readonly number[], where: Span): number {
  const out = def.apply(xs);
  if (!Number.isFinite(out)) throw functionDomain(def, fn, xs, out, where);
  return out;
}

/** The operation on two numbers, with the errors of each failure. */
export function scalar(op: Op, a: number, b: number, at: Span, other: Span): number {
  switch (op) {
    case 'add':
      return finite(a + b, at);
    case 'sub':
      return finite(a - b, at);
    case 'mul':
      return finite(a * b, at);
    case 'div':
      if (b === 0) throw divisionByZero(at, other);
      return finite(a / b, at);
    case 'pow': {
      if (a === 0 && b < 0) throw divisionByZero(at, other);
      const out = a ** b;
      if (Number.isNaN(out)) {
        throw new EstimateError('E0603', `${a} ^ ${b} is not a real number`, { span: at, help: ['a negative number has no real fractional power'] });
      }
      return finite(out, at);
    }
  }
}

/** The value, or the project's error at `at` when it overflowed or is NaN. */
export function finite(x: number, at: Span): number {
  if (Number.isFinite(x)) return x;
  if (Number.isNaN(x)) throw new EstimateError('E0603', 'the result is not a number', { span: at });
  throw new EstimateError('E0602', 'the result is too large', { span: at, help: ['numbers must stay below about 1.8e308'] });
}

function divisionByZero(at: Span, divisor: Span): EstimateError {
  return new EstimateError('E0601', 'division by zero', { span: at, labels: [{ span: divisor, text: 'this is zero' }] });
}

function functionDomain(def: FunctionDef, fn: string, xs: readonly number[], out: number, where: Span): EstimateError {
  const why = def.whyNot?.(xs);
  if (why) return new EstimateError(why.code, why.message, { span: where, help: [...why.help] });
  if (fn.startsWith('log') && xs.some((x) => x <= 0)) return new EstimateError('E0603', `${fn} of a value that is not positive`, { span: where });
  if (Number.isNaN(out)) return new EstimateError('E0603', `${fn}(${xs.join(', ')}) is not a number`, { span: where });
  return new EstimateError('E0602', `${fn}(${xs.join(', ')}) is too large`, { span: where });
}

/** The error of the first failing sample: the scalar error for it, naming the sample. */
function sampleFailure(index: number, n: number, rerun: () => number, operands: string): EstimateError {
  try {
    rerun();
  } catch (e) {
    if (e instanceof EstimateError) {
      const help = [...(e.details.help ?? []), `in sample ${(index + 1).toLocaleString('en-US')} of ${n.toLocaleString('en-US')}: ${operands}`];
      return new SampleError(e.code, e.message, { ...e.details, help }, index);
    }
    throw e;
  }
  return new EstimateError('E9999', `sample ${index + 1} failed once and not again`);
}

/** The index of the first NaN or infinity, or -1. */
export function firstNonFinite(xs: Float64Array): number {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    // x - x is 0 for every finite x, NaN for NaN and infinities.
    if (x - x !== 0) return i;
  }
  return -1;
}

function at0(m: Magnitude, i: number): number {
  return typeof m === 'number' ? m : m[i]!;
}

/**
 * The operation over all samples into `out` (which may be one of the operands). Returns the index
 * of the first sample whose result is NaN or infinite, left unwritten, or -1: x - x is 0 for every
 * finite x, and the branch is never taken in a good run, so checking costs next to nothing.
 */
function loop(op: Op, a: Magnitude, b: Magnitude, out: Float64Array): number {
  const n = out.length;
  if (typeof a === 'number') {
    const y = b as Float64Array;
    switch (op) {
      case 'add': for (let i = 0; i < n; i++) { const v = a + y[i]!; if (v - v !== 0) return i; out[i] = v; } return -1;
      case 'sub': for (let i = 0; i < n; i++) { const v = a - y[i]!; if (v - v !== 0) return i; out[i] = v; } return -1;
      case 'mul': for (let i = 0; i < n; i++) { const v = a * y[i]!; if (v - v !== 0) return i; out[i] = v; } return -1;
      case 'div': for (let i = 0; i < n; i++) { const v = a / y[i]!; if (v - v !== 0) return i; out[i] = v; } return -1;
      case 'pow': for (let i = 0; i < n; i++) { const v = powOrNaN(a, y[i]!); if (v - v !== 0) return i; out[i] = v; } return -1;
    }
  }
  if (typeof b === 'number') {
    switch (op) {
      case 'add': for (let i = 0; i < n; i++) { const v = a[i]! + b; if (v - v !== 0) return i; out[i] = v; } return -1;
      case 'sub': for (let i = 0; i < n; i++) { const v = a[i]! - b; if (v - v !== 0) return i; out[i] = v; } return -1;
      case 'mul': for (let i = 0; i < n; i++) { const v = a[i]! * b; if (v - v !== 0) return i; out[i] = v; } return -1;
      case 'div': for (let i = 0; i < n; i++) { const v = a[i]! / b; if (v - v !== 0) return i; out[i] = v; } return -1;
      case 'pow': for (let i = 0; i < n; i++) { const v = powOrNaN(a[i]!, b); if (v - v !== 0) return i; out[i] = v; } return -1;
    }
  }
  switch (op) {
    case 'add': for (let i = 0; i < n; i++) { const v = a[i]! + b[i]!; if (v - v !== 0) return i; out[i] = v; } return -1;
    case 'sub': for (let i = 0; i < n; i++) { const v = a[i]! - b[i]!; if (v - v !== 0) return i; out[i] = v; } return -1;
    case 'mul': for (let i = 0; i < n; i++) { const v = a[i]! * b[i]!; if (v - v !== 0) return i; out[i] = v; } return -1;
    case 'div': for (let i = 0; i < n; i++) { const v = a[i]! / b[i]!; if (v - v !== 0) return i; out[i] = v; } return -1;
    case 'pow': for (let i = 0; i < n; i++) { const v = powOrNaN(a[i]!, b[i]!); if (v - v !== 0) return i; out[i] = v; } return -1;
  }
}

/** `a ^ b`, NaN where the scalar path fails (0 ^ -1 is Infinity there, and fails as well). */
function powOrNaN(a: number, b: number): number {
  return a ** b;
}
