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
    case 'arith':
      return lowerChain(t);
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

type Arith = Extract<Typed, { kind: 'arith' }>;

/** One operation of a chain after its first kernel: the right operand and what to do with it. */
interface Step {
  readonly op: Op;
  readonly right: Kernel;
  readonly at: Span;
  readonly other: Span;
  readonly rightFresh: boolean;
}

/**
 * An arithmetic chain (`x + 1 + … + 1`, a tree as tall as it is long) lowered down its left
 * spine in a loop, and run in a loop: one kernel for the whole chain instead of one closure per
 * operation calling the next, which would overflow the stack on a long chain when it runs. Same
 * order as a recursion (the left operand, then the right, then the operation), so same bits and
 * same first error. A constant start is folded as before.
 */
function lowerChain(top: Arith): Kernel | number {
  const spine: Arith[] = [];
  let base: Typed = top;
  while (base.kind === 'arith') {
    spine.push(base);
    base = base.left;
  }
  let acc = lower(base);
  let accNode: Typed = base;
  const steps: Step[] = [];
  for (let i = spine.length - 1; i >= 0; i--) {
    const t = spine[i]!;
    const r = lower(t.right);
    if (steps.length === 0 && typeof acc === 'number' && typeof r === 'number') {
      acc = scalar(t.op, acc, r, t.at, t.other);
      accNode = t;
    } else {
      steps.push({ op: t.op, right: kernel(r), at: t.at, other: t.other, rightFresh: fresh(t.right) });
    }
  }
  if (steps.length === 0) return acc;
  const first = kernel(acc);
  if (steps.length === 1) {
    const s = steps[0]!;
    return operation(s.op, first, s.right, s.at, s.other, fresh(accNode), s.rightFresh);
  }
  return chained(first, fresh(accNode), steps);
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
/** `operation` over a chain: the result so far is always a temporary after the first step. */
const chained = (first: Kernel, firstFresh: boolean, steps: readonly Step[]): Kernel => (v, s) => {
  let a = first(v, s);
  let aFresh = firstFresh;
  for (const step of steps) {
    const b = step.right(v, s);
    const into = aFresh && typeof a !== 'number' ? a : step.rightFresh && typeof b !== 'number' ? b : undefined;
    a = arith(step.op, a, b, step.at, step.other, into);
    aFresh = true;
  }
  return a;
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
