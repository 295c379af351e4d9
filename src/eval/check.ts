/**
 * The checker: infers the dimension of every node of an expression and whether it is exact or
 * uncertain (holds a range or a distribution), before anything is computed or sampled. Its
 * output, a typed tree, is what lower.ts turns into kernels. Every dimension error is raised
 * here, so none waits behind a numeric failure or a sample draw.
 */
import { EstimateError } from '../diagnostics/error.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { type Span } from '../diagnostics/source.js';
import { assertNever } from '../lang/assert-never.js';
import { type Expr } from '../lang/ast.js';
import { MAGNITUDES } from '../lang/magnitudes.js';
import { Dimension } from '../units/dimension.js';
import { ambiguity, type UnitRegistry } from '../units/registry.js';
import { DISTRIBUTIONS, type DistributionDef } from './distributions.js';
import { FUNCTIONS, type ArgInfo, type FunctionDef } from './functions.js';
import { type Op } from './kernels.js';
import { unitValue, unknownUnit, type IsQuantity } from './resolve-unit.js';

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
    | { readonly kind: 'slot'; readonly slot: number }
    | { readonly kind: 'scale'; readonly operand: Typed; readonly factor: number; readonly at: Span }
    | { readonly kind: 'neg'; readonly operand: Typed }
    | { readonly kind: 'arith'; readonly op: Op; readonly left: Typed; readonly right: Typed; readonly at: Span; readonly other: Span }
    | { readonly kind: 'call'; readonly def: FunctionDef; readonly fn: string; readonly args: readonly Typed[]; readonly at: Span }
    | { readonly kind: 'range'; readonly low: Typed; readonly high: Typed; readonly lowSpan: Span; readonly highSpan: Span; readonly at: Span }
    | { readonly kind: 'dist'; readonly def: DistributionDef; readonly args: readonly Typed[]; readonly spans: readonly Span[]; readonly at: Span }
  );

/** Checks an expression (without its final conversion) against a scope. */
export function check(e: Expr, scope: Scope): Typed {
  return new Checker(scope).expr(e);
}

/** Tells unit errors whether a name is a quantity instead ("not a unit"). */
export function quantityTest(scope: Scope): IsQuantity {
  return (name) => scope.lookup(name) !== undefined;
}

const exact = (dimension: Dimension, value: number): Typed => ({ kind: 'const', dimension, uncertain: false, value });

class Checker {
  constructor(private readonly scope: Scope) {}

  expr(e: Expr): Typed {
    switch (e.kind) {
      case 'number':
        return exact(Dimension.NONE, e.value);
      case 'percent':
        return exact(Dimension.NONE, e.percent / 100);
      case 'name':
        return this.name(e.name, e.span);
      case 'quantity': {
        const amount = this.expr(e.amount);
        // A single unit name, the common case, needs no walk of a unit expression.
        const unit = (e.unit.kind === 'unit' && this.scope.registry.lookup(e.unit.name)) || unitValue(e.unit, this.scope.registry, quantityTest(this.scope));
        return { kind: 'scale', dimension: unit.dimension, uncertain: amount.uncertain, operand: amount, factor: unit.factor, at: e.unit.span };
      }
      case 'neg': {
        const operand = this.expr(e.operand);
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

  private name(name: string, where: Span): Typed {
    const q = this.scope.lookup(name);
    // A quantity's value may be exact or sampled: that is known only when the model runs.
    if (q) return { kind: 'slot', dimension: q.dimension, uncertain: false, slot: q.slot };
    const unit = this.scope.registry.lookup(name);
    if (unit) return exact(unit.dimension, unit.factor);
    if (FUNCTIONS.has(name) || DISTRIBUTIONS.has(name)) {
      throw new EstimateError('E0301', `\`${name}\` is a function`, { span: where, help: [`call it: \`${name}(x)\``] });
    }
    // Magnitudes and ambiguous names (`M`, `m`, `mb`) get the unit error that explains them.
    if (MAGNITUDES.has(name) || ambiguity(name)) throw unknownUnit(name, where, this.scope.registry, () => false);
    const hint = didYouMean(name, [...this.scope.names(), ...this.scope.registry.names()]);
    throw new EstimateError('E0301', `unknown name \`${name}\``, {
      span: where,
      help: hint ? [hint] : ['a name is a unit (docs/language.md) or a quantity of the template'],
    });
  }

  private binary(e: Extract<Expr, { kind: 'binary' }>): Typed {
    if ((e.op === '+' || e.op === '-') && e.left.kind === 'percent' && e.right.kind !== 'percent') {
      throw new EstimateError('E0505', `a percentage cannot ${e.op === '+' ? 'take' : 'lose'} a plain amount`, {
        span: e.left.span,
        help: [`\`x ${e.op} 20%\` means x × ${e.op === '+' ? '1.2' : '0.8'}; write the percentage on the right, or as a fraction (0.2)`],
      });
    }
    const left = this.expr(e.left);
    const right = this.expr(e.right);
    const ld = left.dimension;
    const rd = right.dimension;
    const at = e.opSpan;
    const node = (op: Op, dimension: Dimension, r: Typed, other: Span): Typed => ({ kind: 'arith', op, dimension, uncertain: left.uncertain || r.uncertain, left, right: r, at, other });
    switch (e.op) {
      case '+':
      case '-': {
        if (e.right.kind === 'percent') {
          const k = e.op === '+' ? 1 + e.right.percent / 100 : 1 - e.right.percent / 100;
          return node('mul', ld, exact(Dimension.NONE, k), at);
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
          });
        }
        return node(e.op === '+' ? 'add' : 'sub', ld, right, at);
      }
      case '*':
        return node('mul', ld.mul(rd), right, at);
      case '/':
        return node('div', ld.div(rd), right, e.right.span);
      case '^': {
        if (!rd.isNone) {
          throw new EstimateError('E0504', `an exponent must be a plain number, not ${rd}`, { span: e.right.span, spanLabel: rd.toString() });
        }
        const dimension = ld.isNone ? Dimension.NONE : ld.pow(wholeExponent(e, ld));
        return node('pow', dimension, right, e.left.span);
      }
      default:
        return assertNever(e.op);
    }
  }

  /** `low to high`: ends of one dimension (a bare low end takes the high end's unit), both exact. */
  private range(e: Extract<Expr, { kind: 'range' }>): Typed {
    let low = this.expr(e.low);
    const high = this.expr(e.high);
    if (isBareNumber(e.low) && low.dimension.isNone) {
      // `1 to 3 MB` and `5 to 15%`: the unit is written once, at the end.
      if (e.high.kind === 'quantity' && high.kind === 'scale') low = { kind: 'scale', dimension: high.dimension, uncertain: false, operand: low, factor: high.factor, at: high.at };
      else if (e.high.kind === 'percent') low = { kind: 'scale', dimension: Dimension.NONE, uncertain: false, operand: low, factor: 0.01, at: e.high.span };
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
    return { kind: 'range', dimension: high.dimension, uncertain: true, low, high, lowSpan: e.low.span, highSpan: e.high.span, at: e.opSpan };
  }

  private call(e: Extract<Expr, { kind: 'call' }>): Typed {
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
    const args = e.args.map((a) => this.expr(a));
    const infos: ArgInfo[] = args.map((a, i) => ({ dimension: a.dimension, span: e.args[i]!.span }));
    const dimension = def.dimension(infos, e.span);
    return { kind: 'call', dimension, uncertain: args.some((a) => a.uncertain), def, fn: e.fn, args, at: e.span };
  }

  /** `normal(mean, sd)` and the like: exact parameters of one dimension. */
  private distribution(e: Extract<Expr, { kind: 'call' }>, def: DistributionDef): Typed {
    arity(e, def.arity, def.arity, def.doc);
    const args = e.args.map((a) => this.expr(a));
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
    return { kind: 'dist', dimension: first.dimension, uncertain: true, def, args, spans: e.args.map((a) => a.span), at: e.span };
  }
}

function arity(e: Extract<Expr, { kind: 'call' }>, min: number, max: number, doc: string): void {
  if (e.args.length >= min && e.args.length <= max) return;
  const want = min === max ? `${min}` : `${min} to ${max}`;
  throw new EstimateError('E0305', `${e.fn} takes ${want} argument${want === '1' ? '' : 's'}, not ${e.args.length}`, { span: e.span, help: [doc] });
}

/** A range end or distribution parameter must not itself be uncertain. */
function exactEnd(t: Typed, where: Span): void {
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
function wholeExponent(e: Extract<Expr, { kind: 'binary' }>, base: Dimension): number {
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
