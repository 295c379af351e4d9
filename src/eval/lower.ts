/**
 * The lowering: a typed tree to one kernel, a function from the slot values (numbers or sample
 * arrays) to a magnitude. Parts that read no quantity and draw no sample are computed here, once,
 * by the same arithmetic the kernels use; nothing else is folded. A kernel runs once per
 * evaluation, whatever the number of samples: the loops over samples are inside the operations.
 */
import { EstimateError } from '../diagnostics/error.js';
import { type Span } from '../diagnostics/source.js';
import { assertNever } from '../lang/assert-never.js';
import { type Typed } from './check.js';
import { checkRange, type DistributionDef, sampleRange } from './distributions.js';
import { type FunctionDef } from './functions.js';
import { applyChecked, applyFunction, arith, firstNonFinite, negate, scalar, scale, type Op } from './kernels.js';
import { type Magnitude, type Sampling, type Slots } from './magnitude.js';

/** A lowered expression: slot values and the sampling context to a magnitude. */
export type Kernel = (v: Slots, s: Sampling) => Magnitude;

/** The kernel of a typed tree, or its value when it is a constant. */
export function lower(t: Typed): Kernel | number {
  switch (t.kind) {
    case 'const':
      return t.value;
    case 'fail':
      // Raised when the expression runs, as without folding: operands run left to right, so the
      // error reported is the one a run over the same values would meet first.
      return failing(t.error);
    case 'slot':
      return slotReader(t.slot);
    case 'scale': {
      const o = lower(t.operand);
      return typeof o === 'number' ? (scale(o, t.factor, t.at) as number) : scaled(o, t.factor, t.at, fresh(t.operand));
    }
    case 'neg': {
      const o = lower(t.operand);
      return typeof o === 'number' ? -o : negated(o);
    }
    case 'arith': {
      const l = lower(t.left);
      const r = lower(t.right);
      if (typeof l === 'number' && typeof r === 'number') return scalar(t.op, l, r, t.at, t.other);
      return operation(t.op, kernel(l), kernel(r), t.at, t.other, fresh(t.left), fresh(t.right));
    }
    case 'call': {
      const args = t.args.map(lower);
      if (args.every((a): a is number => typeof a === 'number')) return applyChecked(t.def, t.fn, args, t.at);
      return applied(t.def, t.fn, args.map(kernel), t.at);
    }
    case 'range': {
      const low = lower(t.low);
      const high = lower(t.high);
      if (typeof low === 'number' && typeof high === 'number') checkRange(low, high, t.lowSpan, t.highSpan, t.at);
      return ranged(kernel(low), kernel(high), t.lowSpan, t.highSpan, t.at);
    }
    case 'dist': {
      const params = t.args.map(lower);
      if (params.every((a): a is number => typeof a === 'number')) t.def.check(params, t.spans, t.at);
      return distributed(t.def, params.map(kernel), t.spans, t.at);
    }
    default:
      return assertNever(t);
  }
}

/**
 * Whether a node's array, when it gives one, is a new one that only its parent sees: the parent
 * may then write its result over it instead of allocating (at 1M samples an array is 8 MB). A
 * slot's array is shared (a quantity read twice must stay the same samples); a constant is a number.
 */
function fresh(t: Typed): boolean {
  switch (t.kind) {
    case 'const':
    case 'fail':
    case 'slot':
      return false;
    case 'scale':
    case 'neg':
    case 'arith':
    case 'call':
    case 'range':
    case 'dist':
      return true;
    default:
      return assertNever(t);
  }
}

/** A kernel for a lowered part (a constant becomes a kernel returning it). */
export function kernel(k: Kernel | number): Kernel {
  return typeof k === 'number' ? constant(k) : k;
}

// Kernel factories: each closure captures only what it uses (V8 shares one context between all
// closures made in one function, so making them inline in `lower` would capture everything).
const constant = (x: number): Kernel => () => x;
const failing = (error: EstimateError): Kernel => () => {
  throw error;
};
const slotReader = (slot: number): Kernel => (v) => v[slot]!;
const scaled = (a: Kernel, factor: number, at: Span, inPlace: boolean): Kernel => (v, s) => scale(a(v, s), factor, at, inPlace);
const negated = (a: Kernel): Kernel => (v, s) => negate(a(v, s));
const operation = (op: Op, l: Kernel, r: Kernel, at: Span, other: Span, leftFresh: boolean, rightFresh: boolean): Kernel => (v, s) => {
  const a = l(v, s);
  const b = r(v, s);
  // Over a temporary operand when there is one: the left first, as either serves.
  const into = leftFresh && typeof a !== 'number' ? a : rightFresh && typeof b !== 'number' ? b : undefined;
  return arith(op, a, b, at, other, into);
};
const applied = (def: FunctionDef, fn: string, args: readonly Kernel[], at: Span): Kernel => (v, s) =>
  applyFunction(
    def,
    fn,
    args.map((a) => a(v, s)),
    at,
  );
const ranged = (low: Kernel, high: Kernel, lowSpan: Span, highSpan: Span, at: Span): Kernel => (v, s) => {
  const lo = exactParameter(low(v, s), lowSpan);
  const hi = exactParameter(high(v, s), highSpan);
  checkRange(lo, hi, lowSpan, highSpan, at);
  return finiteSamples(sampleRange(lo, hi, s.n, s.rng), at);
};
const distributed = (def: DistributionDef, params: readonly Kernel[], spans: readonly Span[], at: Span): Kernel => (v, s) => {
  const xs = params.map((p, i) => exactParameter(p(v, s), spans[i]!));
  def.check(xs, spans, at);
  return finiteSamples(def.sample(xs, s.n, s.rng), at);
};

/** Draws too wide for a double (`-1e308 to 1e308`) fail at the range, like any overflow. */
function finiteSamples(xs: Float64Array, at: Span): Float64Array {
  const bad = firstNonFinite(xs);
  if (bad < 0) return xs;
  throw new EstimateError('E0602', 'the range is too wide: a sample is too large', {
    span: at,
    help: [`in sample ${(bad + 1).toLocaleString('en-US')} of ${xs.length.toLocaleString('en-US')}`, 'numbers must stay below about 1.8e308'],
  });
}

/** A range end read from a quantity that turned out uncertain (`x to 2 * x` with x ranged). */
function exactParameter(m: Magnitude, where: Span): number {
  if (typeof m === 'number') return m;
  throw new EstimateError('E0210', 'a range end or distribution parameter cannot itself be uncertain', {
    span: where,
    help: ['this reads a quantity that has a range in this run; give exact numbers here'],
  });
}
