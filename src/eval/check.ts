/**
 * The checker: infers the dimension of every node of an expression and whether it is exact or
 * uncertain (holds a range or a distribution), before anything is sampled. Its output, a typed
 * tree, is what lower.ts turns into kernels. A part that reads no quantity and draws no sample
 * is a constant: its value is computed as soon as its dimension is known, and it becomes a node
 * only beside a part that is not constant (compiling `1 MB / day` allocates no tree at all).
 * A numeric failure met while computing a constant becomes a `fail` node, raised when the
 * expression runs: every dimension error in the expression is reported first.
 */
import { EstimateError } from '../diagnostics/error.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { type Span } from '../diagnostics/source.js';
import { assertNever } from '../lang/assert-never.js';
import { type Expr } from '../lang/ast.js';
import { leftSpine, type Binary } from '../lang/spine.js';
import { MAGNITUDES } from '../lang/magnitudes.js';
import { Dimension } from '../units/dimension.js';
import { ambiguity, type UnitRegistry } from '../units/registry.js';
import { DISTRIBUTIONS, type DistributionDef } from './distributions.js';
import { FUNCTIONS, type ArgInfo, type FunctionDef } from './functions.js';
import { applyChecked, scalar, scale, type Op } from './kernels.js';
import { arity, conversionHelp, dimensionAt, optionalFix, exactEnd, isBareNumber, power, quick } from './check-rules.js';
import { unitValue, unknownUnit, type IsQuantity } from './resolve-unit.js';

export { conversionHelp, isBareNumber, optionalFix } from './check-rules.js';

/** The names an expression may use besides units: a model's quantities and where their values live. */
export interface Scope {
  readonly registry: UnitRegistry;
  lookup(name: string): { readonly slot: number; readonly dimension: Dimension } | undefined;
  names(): Iterable<string>;
}

/** A checked node: its dimension, and whether it holds a range or a distribution. */
interface Checked {
  readonly dimension: Dimension;
  readonly uncertain: boolean;
}

/** The typed tree. Constants are values in base units. */
export type Typed = Checked &
  (
    | { readonly kind: 'const'; readonly value: number }
    | { readonly kind: 'fail'; readonly error: EstimateError }
    | { readonly kind: 'slot'; readonly slot: number }
    | { readonly kind: 'scale'; readonly operand: Typed; readonly factor: number; readonly at: Span }
    | { readonly kind: 'neg'; readonly operand: Typed }
    | { readonly kind: 'arith'; readonly op: Op; readonly left: Typed; readonly right: Typed; readonly at: Span; readonly other: Span }
    | { readonly kind: 'call'; readonly def: FunctionDef; readonly fn: string; readonly args: readonly Typed[]; readonly at: Span }
    | { readonly kind: 'range'; readonly low: Typed; readonly high: Typed; readonly lowSpan: Span; readonly highSpan: Span; readonly at: Span }
    | { readonly kind: 'dist'; readonly def: DistributionDef; readonly args: readonly Typed[]; readonly spans: readonly Span[]; readonly at: Span }
  );

/**
 * Checks an expression, returning its dimension and its typed tree, or its value when it is a
 * constant (no node is made for it: the calculator's common case allocates no tree).
 */
export function checkOrFold(e: Expr, scope: Scope): { dimension: Dimension; typed: Typed | null; value: number } {
  const c = new Checker(scope);
  const typed = c.expr(e);
  return { dimension: c.dimension, typed, value: c.value };
}

/** Tells unit errors whether a name is a quantity instead ("not a unit"). */
export function quantityTest(scope: Scope): IsQuantity {
  return (name) => scope.lookup(name) !== undefined;
}

/**
 * Checks one expression. `expr` returns a part's typed node, or null when the part is a
 * constant; the part's dimension, and a constant's value, are left in fields.
 */
class Checker {
  /** The dimension of the part checked last. */
  dimension: Dimension = Dimension.NONE;
  /** The value of the part checked last, when `expr` returned null. */
  value = 0;

  constructor(private readonly scope: Scope) {}

  /** A part as a node: a constant becomes a `const` node. */
  node(t: Typed | null): Typed {
    return t ?? { kind: 'const', dimension: this.dimension, uncertain: false, value: this.value };
  }

  expr(e: Expr): Typed | null {
    switch (e.kind) {
      case 'number':
        return this.known(Dimension.NONE, e.value);
      case 'percent':
        return this.known(Dimension.NONE, e.percent / 100);
      case 'name':
        return this.name(e.name, e.span);
      case 'quantity': {
        const amount = this.expr(e.amount);
        // A single unit name, the common case, needs no walk of a unit expression.
        const unit = (e.unit.kind === 'unit' && this.scope.registry.lookup(e.unit.name)) || unitValue(e.unit, this.scope.registry, quantityTest(this.scope));
        if (amount === null) {
          const v = this.value * unit.factor;
          // Overflow in scaling (`1e300 EB` is 1e318 bytes) fails under the number and its unit.
          return Number.isFinite(v) ? this.known(unit.dimension, v) : this.failed(unit.dimension, () => scale(this.value, unit.factor, e.span));
        }
        return { kind: 'scale', dimension: (this.dimension = unit.dimension), uncertain: amount.uncertain, operand: amount, factor: unit.factor, at: e.span };
      }
      case 'neg': {
        const operand = this.expr(e.operand);
        if (operand === null) return this.known(this.dimension, -this.value);
        return { kind: 'neg', dimension: operand.dimension, uncertain: operand.uncertain, operand };
      }
      case 'binary':
        return this.binary(e);
      case 'range':
        return this.range(e);
      case 'call':
        return this.call(e);
      case 'convert':
        throw new EstimateError('E0203', 'a conversion goes at the end of the whole expression', { span: e.span });
      default:
        return assertNever(e);
    }
  }

  private known(dimension: Dimension, value: number): null {
    this.dimension = dimension;
    this.value = value;
    return null;
  }

  /**
   * A constant whose computation failed: the failure waits in a `fail` node, so a dimension
   * error elsewhere is still the one reported. `f` repeats the computation to get its error.
   */
  private failed(dimension: Dimension, f: () => unknown): Typed {
    this.dimension = dimension;
    try {
      f();
    } catch (err) {
      if (err instanceof EstimateError) return { kind: 'fail', dimension, uncertain: false, error: err };
      throw err;
    }
    throw new EstimateError('E9999', 'a constant failed once and not again');
  }

  private name(name: string, where: Span): Typed | null {
    const q = this.scope.lookup(name);
    // A quantity's value may be exact or sampled: that is known only when the model runs.
    if (q) return { kind: 'slot', dimension: (this.dimension = q.dimension), uncertain: false, slot: q.slot };
    const unit = this.scope.registry.lookup(name);
    if (unit) return this.known(unit.dimension, unit.factor);
    if (FUNCTIONS.has(name) || DISTRIBUTIONS.has(name)) {
      throw new EstimateError('E0301', `\`${name}\` is a function`, { span: where, help: [`call it: \`${name}(x)\``] });
    }
    // Magnitudes and ambiguous names (`M`, `m`, `mb`) get the unit error that explains them.
    if (MAGNITUDES.has(name) || ambiguity(name)) throw unknownUnit(name, where, this.scope.registry, () => false);
    // The search runs only if the error is shown (at most 50 are): 5,000 errors stay linear.
    const { scope } = this;
    throw new EstimateError('E0301', `unknown name \`${name}\``, {
      span: where,
      lateHelp: () => {
        const hint = didYouMean(name, [...scope.names(), ...scope.registry.names()]);
        return [hint ?? 'a name is a unit (docs/language.md) or a quantity of the template'];
      },
    });
  }

  /** One operation on two parts: computed now when both are constants, else an `arith` node. */
  private combine(op: Op, dimension: Dimension, l: Typed | null, lv: number, r: Typed | null, rv: number, at: Span, other: Span): Typed | null {
    if (l === null && r === null) {
      // The common case, computed without a closure or a try: the scalar operation throws only
      // on a non-finite result or a zero divisor, which `failed` then turns into a node.
      const v = quick(op, lv, rv);
      if (Number.isFinite(v) && !(op === 'div' && rv === 0)) return this.known(dimension, v);
      return this.failed(dimension, () => scalar(op, lv, rv, at, other));
    }
    const left = l ?? { kind: 'const', dimension: Dimension.NONE, uncertain: false, value: lv };
    const right = r ?? { kind: 'const', dimension: Dimension.NONE, uncertain: false, value: rv };
    this.dimension = dimension;
    return { kind: 'arith', op, dimension, uncertain: left.uncertain || right.uncertain, left, right, at, other };
  }

  /**
   * A chain `a + b - c` down its left spine, in a loop (a 30,000-term sum is as tall as it is
   * long): the same order as a recursion, the left operand first, so the same errors come first.
   */
  private binary(e: Binary): Typed | null {
    const { base, steps } = leftSpine(e);
    // Only the bottom step's left operand is not itself a step: the one that may be a percentage.
    const first = steps[0]!;
    if ((first.op === '+' || first.op === '-') && signedPercent(base) !== undefined && signedPercent(first.right) === undefined) {
      throw new EstimateError('E0505', `a percentage cannot ${first.op === '+' ? 'take' : 'lose'} a plain amount`, {
        span: base.span,
        help: [`\`x ${first.op} 20%\` means x × ${first.op === '+' ? '1.2' : '0.8'}; write the percentage on the right, or as a fraction (0.2)`],
      });
    }
    let l = this.expr(base);
    for (const step of steps) l = this.step(step, l);
    return l;
  }

  /** One operation of a chain, its left operand `l` checked last (its dimension and value in fields). */
  private step(e: Binary, l: Typed | null): Typed | null {
    const ld = this.dimension;
    const lv = this.value;
    const r = this.expr(e.right);
    const rd = this.dimension;
    const rv = this.value;
    const at = e.opSpan;
    switch (e.op) {
      case '+':
      case '-': {
        // `20% + 30%` adds the two shares (50%), as calculators do; only a plain amount grows by one.
        const rightPercent = signedPercent(e.right);
        if (rightPercent !== undefined && signedPercent(e.left) === undefined) {
          const k = e.op === '+' ? 1 + rightPercent / 100 : 1 - rightPercent / 100;
          return this.combine('mul', ld, l, lv, null, k, at, at);
        }
        if (!ld.equals(rd)) {
          const verb = e.op === '+' ? 'add' : 'subtract';
          throw new EstimateError('E0501', `cannot ${verb} ${ld} and ${rd}`, {
            span: at,
            labels: [
              { span: e.left.span, text: ld.toString() },
              { span: e.right.span, text: rd.toString() },
            ],
            help: conversionHelp(rd, ld),
            data: { actual: rd.canonical, expected: ld.canonical, ...optionalFix(rd, ld) },
          });
        }
        return this.combine(e.op === '+' ? 'add' : 'sub', ld, l, lv, r, rv, at, at);
      }
      case '*':
        return this.combine('mul', dimensionAt(at, () => ld.mul(rd)), l, lv, r, rv, at, at);
      case '/':
        return this.combine('div', dimensionAt(at, () => ld.div(rd)), l, lv, r, rv, at, e.right.span);
      case '^': {
        if (!rd.isNone) {
          throw new EstimateError('E0504', `an exponent must be a plain number, not ${rd}`, { span: e.right.span, spanLabel: rd.toString() });
        }
        const dimension = ld.isNone ? Dimension.NONE : power(e, ld, r === null ? rv : undefined);
        return this.combine('pow', dimension, l, lv, r, rv, at, e.left.span);
      }
      default:
        return assertNever(e.op);
    }
  }

  /** `low to high`: ends of one dimension (a bare low end takes the high end's unit), both exact. */
  private range(e: Extract<Expr, { kind: 'range' }>): Typed {
    let low = this.node(this.expr(e.low));
    const high = this.node(this.expr(e.high));
    if (isBareNumber(e.low) && low.dimension.isNone) {
      // `1 to 3 MB` and `5 to 15%`: the unit is written once, at the end.
      // A negative high end (`-3 to -1 s`, `-5 to -1%`) is a `neg` around the quantity: its unit still counts.
      let top = e.high;
      while (top.kind === 'neg') top = top.operand;
      const unit = top.kind === 'quantity' ? (this.scope.registry.lookup(top.unit.kind === 'unit' ? top.unit.name : '') ?? unitValue(top.unit, this.scope.registry)) : top.kind === 'percent' ? { dimension: Dimension.NONE, factor: 0.01 } : undefined;
      if (unit && low.kind === 'const') {
        const v = low.value * unit.factor;
        low = Number.isFinite(v) ? { kind: 'const', dimension: unit.dimension, uncertain: false, value: v } : this.failed(unit.dimension, () => scale(v, 1, e.low.span));
      }
    }
    exactEnd(low, e.low.span);
    exactEnd(high, e.high.span);
    if (!low.dimension.equals(high.dimension)) {
      throw new EstimateError('E0520', `the ends of a range differ: ${low.dimension} and ${high.dimension}`, {
        span: e.opSpan,
        labels: [
          { span: e.low.span, text: low.dimension.toString() },
          { span: e.high.span, text: high.dimension.toString() },
        ],
        help: ['write both ends in units of one dimension: `1 MB to 3 MB`, or the unit once at the end: `1 to 3 MB`'],
      });
    }
    this.dimension = high.dimension;
    return { kind: 'range', dimension: high.dimension, uncertain: true, low, high, lowSpan: e.low.span, highSpan: e.high.span, at: e.opSpan };
  }

  private call(e: Extract<Expr, { kind: 'call' }>): Typed | null {
    const dist = DISTRIBUTIONS.get(e.fn);
    if (dist) return this.distribution(e, dist);
    const def = FUNCTIONS.get(e.fn);
    if (!def) {
      const isQ = this.scope.lookup(e.fn) !== undefined || this.scope.registry.has(e.fn);
      const all = [...FUNCTIONS.keys(), ...DISTRIBUTIONS.keys()];
      const hint = didYouMean(e.fn, all);
      throw new EstimateError('E0304', isQ ? `\`${e.fn}\` is not a function` : `unknown function \`${e.fn}\``, {
        span: e.nameSpan,
        help: [...(hint ? [hint] : []), `the functions are ${all.join(', ')}`, ...(isQ ? ['multiply with `*`: `2 * (x + 1)`'] : [])],
      });
    }
    arity(e, def.minArgs, def.maxArgs, def.doc);
    // Arrays of the final size: a call is short, and growing from empty costs more than it.
    const n = e.args.length;
    const infos = new Array<ArgInfo>(n);
    const values = new Array<number>(n);
    let nodes: (Typed | null)[] | undefined;
    for (let i = 0; i < n; i++) {
      const a = e.args[i]!;
      const t = this.expr(a);
      infos[i] = { dimension: this.dimension, span: a.span };
      values[i] = this.value;
      if (t !== null) (nodes ??= new Array<Typed | null>(n).fill(null))[i] = t;
    }
    const dimension = def.dimension(infos, e.span);
    if (!nodes) {
      const v = def.apply(values);
      return Number.isFinite(v) ? this.known(dimension, v) : this.failed(dimension, () => applyChecked(def, e.fn, values, e.span));
    }
    const args = nodes.map((t, i) => t ?? { kind: 'const' as const, dimension: infos[i]!.dimension, uncertain: false, value: values[i]! });
    this.dimension = dimension;
    return { kind: 'call', dimension, uncertain: args.some((a) => a.uncertain), def, fn: e.fn, args, at: e.span };
  }

  /** `normal(mean, sd)` and the like: exact parameters of one dimension. */
  private distribution(e: Extract<Expr, { kind: 'call' }>, def: DistributionDef): Typed {
    arity(e, def.arity, def.arity, def.doc);
    const args = e.args.map((a) => this.node(this.expr(a)));
    const first = args[0]!;
    args.forEach((a, i) => {
      exactEnd(a, e.args[i]!.span);
      if (!a.dimension.equals(first.dimension)) {
        throw new EstimateError('E0520', `the parameters of ${e.fn} differ: ${first.dimension} and ${a.dimension}`, {
          span: e.args[i]!.span,
          spanLabel: a.dimension.toString(),
          labels: [{ span: e.args[0]!.span, text: first.dimension.toString() }],
          help: [`every parameter of ${e.fn} takes the same unit: ${def.doc}`],
        });
      }
    });
    this.dimension = first.dimension;
    return { kind: 'dist', dimension: first.dimension, uncertain: true, def, args, spans: e.args.map((a) => a.span), at: e.span };
  }
}

/**
 * The written percentage of a percent literal, or of a negated one (`-20%`), which reads as a
 * percentage too: `1000 + -20%` is 800, as `1000 - 20%` is. Undefined for anything else.
 */
function signedPercent(e: Expr): number | undefined {
  if (e.kind === 'percent') return e.percent;
  if (e.kind === 'neg' && e.operand.kind === 'percent') return -e.operand.percent;
  return undefined;
}
