/**
 * Compiles an expression tree into a dimension and a closure over base-unit numbers. Dimensions
 * are checked once here; the closure only computes, so the same compiled expression can later
 * run over arrays of samples. Numeric failures (x / 0, overflow, NaN) point at their operator.
 */
import { EstimateError } from '../diagnostics/error.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { type Span } from '../diagnostics/source.js';
import { type Expr } from '../lang/ast.js';
import { MAGNITUDES } from '../units/catalogue.js';
import { Dimension } from '../units/dimension.js';
import { type ResolvedUnit } from '../units/quantity.js';
import { ambiguity, type UnitRegistry } from '../units/registry.js';
import { FUNCTIONS } from './functions.js';
import { resolveUnit, unitValue, unknownUnit } from './resolve-unit.js';

/** A compiled expression reads other quantities' values (base units) from this array by slot. */
export type Values = ArrayLike<number>;

type Run = (v: Values) => number;

/** The names an expression may use besides units: a model's quantities and where their values live. */
export interface Scope {
  readonly registry: UnitRegistry;
  lookup(name: string): { readonly slot: number; readonly dimension: Dimension } | undefined;
  names(): Iterable<string>;
}

/** A scope with no quantities (the calculator). */
export function unitScope(registry: UnitRegistry): Scope {
  return { registry, lookup: () => undefined, names: () => [] };
}

/** An expression ready to evaluate. */
export interface Compiled {
  readonly dimension: Dimension;
  readonly run: Run;
  /** The unit asked for with `->`, if any. */
  readonly target?: ResolvedUnit;
}

/** Checks dimensions and builds the evaluator. Throws the project's error on any problem. */
export function compile(expr: Expr, scope: Scope): Compiled {
  try {
    if (expr.kind === 'convert') {
      const inner = new Compiler(scope).expr(expr.expr);
      const target = resolveUnit(expr.target, scope.registry, (n) => scope.lookup(n) !== undefined);
      checkConversion(inner.dimension, target, expr.target.span, expr.expr.span);
      return { dimension: inner.dimension, run: inner.run, target };
    }
    const c = new Compiler(scope).expr(expr);
    return { dimension: c.dimension, run: c.run };
  } catch (e) {
    throw e instanceof EstimateError ? withByteHint(e, expr) : e;
  }
}

/** Throws E0502 unless a value of dimension `have` can be shown in `target`. */
export function checkConversion(have: Dimension, target: ResolvedUnit, targetSpan: Span, valueSpan?: Span): void {
  if (target.dimension.equals(have)) return;
  throw new EstimateError('E0502', `cannot convert ${have} to ${target.dimension}`, {
    span: targetSpan,
    spanLabel: target.dimension.toString(),
    labels: valueSpan && valueSpan.source === targetSpan.source ? [{ span: valueSpan, text: have.toString() }] : [],
    help: conversionHelp(have, target.dimension),
  });
}

/** Suggests the missing factor when two dimensions differ by a simple ratio (rates vs totals). */
export function conversionHelp(have: Dimension, want: Dimension): string[] {
  const ratio = want.div(have);
  if (ratio.equals(Dimension.base('Time'))) return ['multiply by a duration, as in `* 5 year`'];
  if (ratio.equals(Dimension.base('Time').pow(-1))) return ['divide by a duration, as in `/ day`'];
  if (ratio.entries.length === 1) return [`the two differ by a factor of ${ratio}`];
  return [];
}

interface Node {
  readonly dimension: Dimension;
  readonly run: Run;
}

class Compiler {
  constructor(private readonly scope: Scope) {}

  expr(e: Expr): Node {
    switch (e.kind) {
      case 'number': {
        const v = e.value;
        return { dimension: Dimension.NONE, run: () => v };
      }
      case 'percent': {
        const v = e.percent / 100;
        return { dimension: Dimension.NONE, run: () => v };
      }
      case 'name':
        return this.name(e.name, e.span);
      case 'quantity': {
        const amount = this.expr(e.amount);
        const unit = unitValue(e.unit, this.scope.registry, (n) => this.scope.lookup(n) !== undefined);
        const f = unit.factor;
        const a = amount.run;
        return { dimension: unit.dimension, run: (v) => a(v) * f };
      }
      case 'neg': {
        const o = this.expr(e.operand);
        const r = o.run;
        return { dimension: o.dimension, run: (v) => -r(v) };
      }
      case 'binary':
        return this.binary(e);
      case 'call':
        return this.call(e);
      case 'convert':
        throw new EstimateError('E0203', 'a conversion goes at the end of the whole expression', { span: e.span });
    }
  }

  private name(name: string, where: Span): Node {
    const q = this.scope.lookup(name);
    if (q) {
      const slot = q.slot;
      return { dimension: q.dimension, run: (v) => v[slot]! };
    }
    const unit = this.scope.registry.lookup(name);
    if (unit) {
      const f = unit.factor;
      return { dimension: unit.dimension, run: () => f };
    }
    if (FUNCTIONS.has(name)) {
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

  private binary(e: Extract<Expr, { kind: 'binary' }>): Node {
    if ((e.op === '+' || e.op === '-') && e.left.kind === 'percent' && e.right.kind !== 'percent') {
      throw new EstimateError('E0505', `a percentage cannot ${e.op === '+' ? 'take' : 'lose'} a plain amount`, {
        span: e.left.span,
        help: [`\`x ${e.op} 20%\` means x × ${e.op === '+' ? '1.2' : '0.8'}; write the percentage on the right, or as a fraction (0.2)`],
      });
    }
    const left = this.expr(e.left);
    const right = this.expr(e.right);
    const op = e.opSpan;
    switch (e.op) {
      case '+':
      case '-': {
        if (e.right.kind === 'percent') {
          const k = e.op === '+' ? 1 + e.right.percent / 100 : 1 - e.right.percent / 100;
          return { dimension: left.dimension, run: scaled(left.run, k, op) };
        }
        if (!left.dimension.equals(right.dimension)) {
          const verb = e.op === '+' ? 'add' : 'subtract';
          throw new EstimateError('E0501', `cannot ${verb} ${left.dimension} and ${right.dimension}`, {
            span: op,
            labels: [
              { span: e.left.span, text: left.dimension.toString() },
              { span: e.right.span, text: right.dimension.toString() },
            ],
            help: conversionHelp(right.dimension, left.dimension),
          });
        }
        return { dimension: left.dimension, run: e.op === '+' ? sum(left.run, right.run, op) : difference(left.run, right.run, op) };
      }
      case '*':
        return { dimension: left.dimension.mul(right.dimension), run: product(left.run, right.run, op) };
      case '/':
        return { dimension: left.dimension.div(right.dimension), run: quotient(left.run, right.run, op, e.right.span) };
      case '^':
        return this.power(e, left, right);
    }
  }

  private power(e: Extract<Expr, { kind: 'binary' }>, base: Node, exp: Node): Node {
    if (!exp.dimension.isNone) {
      throw new EstimateError('E0504', `an exponent must be a plain number, not ${exp.dimension}`, {
        span: e.right.span,
        spanLabel: exp.dimension.toString(),
      });
    }
    const b = base.run;
    const x = exp.run;
    const op = e.opSpan;
    const run: Run = (v) => {
      const bv = b(v);
      const xv = x(v);
      if (bv === 0 && xv < 0) throw divisionByZero(op, e.left.span);
      const out = bv ** xv;
      if (Number.isNaN(out)) {
        throw new EstimateError('E0603', `${bv} ^ ${xv} is not a real number`, {
          span: op,
          help: ['a negative number has no real fractional power'],
        });
      }
      return finite(out, op);
    };
    if (base.dimension.isNone) return { dimension: Dimension.NONE, run };
    const k = constantInteger(e.right);
    if (k === undefined) {
      throw new EstimateError('E0504', `${base.dimension} can only be raised to a fixed whole number`, {
        span: e.right.span,
        labels: [{ span: e.left.span, text: base.dimension.toString() }],
        help: ['write the power as a number: `x ^ 2`, `s ^ -1`'],
      });
    }
    return { dimension: base.dimension.pow(k), run };
  }

  private call(e: Extract<Expr, { kind: 'call' }>): Node {
    const def = FUNCTIONS.get(e.fn);
    if (!def) {
      const isQ = this.scope.lookup(e.fn) !== undefined || this.scope.registry.has(e.fn);
      const hint = didYouMean(e.fn, FUNCTIONS.keys());
      throw new EstimateError('E0304', isQ ? `\`${e.fn}\` is not a function` : `unknown function \`${e.fn}\``, {
        span: e.nameSpan,
        help: [...(hint ? [hint] : []), `the functions are ${[...FUNCTIONS.keys()].join(', ')}`, ...(isQ ? ['multiply with `*`: `2 * (x + 1)`'] : [])],
      });
    }
    if (e.args.length < def.minArgs || e.args.length > def.maxArgs) {
      const want = def.minArgs === def.maxArgs ? `${def.minArgs}` : `${def.minArgs} to ${def.maxArgs}`;
      throw new EstimateError('E0305', `${e.fn} takes ${want} argument${want === '1' ? '' : 's'}, not ${e.args.length}`, {
        span: e.span,
        help: [def.doc],
      });
    }
    const args = e.args.map((a) => this.expr(a));
    const dimension = def.dimension(
      args.map((a, i) => ({ dimension: a.dimension, span: e.args[i]!.span })),
      e.span,
    );
    const runs = args.map((a) => a.run);
    const apply = def.apply;
    const fn = e.fn;
    const where = e.span;
    return {
      dimension,
      run: (v) => {
        const xs = runs.map((r) => r(v));
        const out = apply(xs);
        if (!Number.isFinite(out)) throw functionDomain(fn, xs, out, where);
        return out;
      },
    };
  }
}

// Closure factories: each closure captures only what it uses (V8 shares one context between
// all closures made in a function, so making them in `binary` would capture everything).
const scaled = (l: Run, k: number, op: Span): Run => (v) => finite(l(v) * k, op);
const sum = (l: Run, r: Run, op: Span): Run => (v) => finite(l(v) + r(v), op);
const difference = (l: Run, r: Run, op: Span): Run => (v) => finite(l(v) - r(v), op);
const product = (l: Run, r: Run, op: Span): Run => (v) => finite(l(v) * r(v), op);
const quotient =
  (l: Run, r: Run, op: Span, divisor: Span): Run =>
  (v) => {
    const d = r(v);
    if (d === 0) throw divisionByZero(op, divisor);
    return finite(l(v) / d, op);
  };

/** The value, or the project's error at `op` when it overflowed or is NaN. */
function finite(x: number, op: Span): number {
  if (Number.isFinite(x)) return x;
  if (Number.isNaN(x)) throw new EstimateError('E0603', 'the result is not a number', { span: op });
  throw new EstimateError('E0602', 'the result is too large', { span: op, help: ['numbers must stay below about 1.8e308'] });
}

function divisionByZero(op: Span, divisor: Span): EstimateError {
  return new EstimateError('E0601', 'division by zero', {
    span: op,
    labels: [{ span: divisor, text: 'this is zero' }],
  });
}

function functionDomain(fn: string, xs: readonly number[], out: number, where: Span): EstimateError {
  if (fn.startsWith('log') && xs.some((x) => x <= 0)) {
    return new EstimateError('E0603', `${fn} of a value that is not positive`, { span: where });
  }
  if (Number.isNaN(out)) return new EstimateError('E0603', `${fn}(${xs.join(', ')}) is not a number`, { span: where });
  return new EstimateError('E0602', `${fn}(${xs.join(', ')}) is too large`, { span: where });
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

/** Adds "1.5B is bytes; write 1.5bn" to dimension errors in expressions that wrote `<n>B`. */
export function withByteHint(e: EstimateError, expr: Expr): EstimateError {
  if (!e.code.startsWith('E05') && e.code !== 'E0708') return e;
  const found = findByteLiteral(expr);
  if (!found) return e;
  const text = found.span.source.text.slice(found.span.start, found.span.end);
  const num = text.replace(/\s*B$/, '');
  return e.withHelp(`\`${text}\` is ${num} bytes; for ${num} billion write \`${num}bn\``);
}

function findByteLiteral(e: Expr): Extract<Expr, { kind: 'quantity' }> | undefined {
  switch (e.kind) {
    case 'quantity':
      return e.unit.kind === 'unit' && e.unit.name === 'B' && e.attached ? e : undefined;
    case 'neg':
      return findByteLiteral(e.operand);
    case 'binary':
      return findByteLiteral(e.left) ?? findByteLiteral(e.right);
    case 'call':
      for (const a of e.args) {
        const f = findByteLiteral(a);
        if (f) return f;
      }
      return undefined;
    case 'convert':
      return findByteLiteral(e.expr);
    default:
      return undefined;
  }
}
