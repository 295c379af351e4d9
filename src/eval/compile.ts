/**
 * Compiles an expression tree into a dimension and a closure over base-unit numbers. Dimensions
 * are checked once here; the closure only computes, so the same compiled expression can later
 * run over arrays of samples. Parts that read no quantity (`1 MB / day`) are computed here once,
 * by the same arithmetic the closures use. Numeric failures (x / 0, overflow, NaN) point at
 * their operator, whether found now or when run.
 */
import { EstimateError } from '../diagnostics/error.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { type Span } from '../diagnostics/source.js';
import { type Expr } from '../lang/ast.js';
import { MAGNITUDES } from '../units/catalogue.js';
import { Dimension } from '../units/dimension.js';
import { type ResolvedUnit } from '../units/quantity.js';
import { ambiguity, type UnitRegistry } from '../units/registry.js';
import { FUNCTIONS, type ArgInfo, type FunctionDef } from './functions.js';
import { resolveUnit, unitValue, unknownUnit, type IsQuantity } from './resolve-unit.js';

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
    const c = new Compiler(scope);
    if (expr.kind === 'convert') {
      const run = c.run(c.expr(expr.expr));
      const target = resolveUnit(expr.target, scope.registry, c.isQuantity());
      checkConversion(c.dimension, target, expr.target.span, expr.expr.span);
      return { dimension: c.dimension, run: converted(run, target.factor, expr.target.span), target };
    }
    const run = c.run(c.expr(expr));
    return { dimension: c.dimension, run };
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

const constant =
  (x: number): Run =>
  () =>
    x;

/**
 * Compiles one expression. Each part's dimension, and its value when no quantity is read, are
 * left in fields rather than returned in an object: compiling a constant part allocates nothing.
 */
class Compiler {
  /** The dimension of the part compiled last. */
  dimension: Dimension = Dimension.NONE;
  /** The value of the part compiled last, when `expr` returned null. */
  value = 0;

  constructor(private readonly scope: Scope) {}

  /** Tells unit errors whether a name is a quantity instead ("not a unit"). */
  isQuantity(): IsQuantity {
    return (name) => this.scope.lookup(name) !== undefined;
  }

  /** The part's closure, with the value folded in when it is known. */
  run(r: Run | null): Run {
    return r ?? constant(this.value);
  }

  /** Compiles a part: its closure, or null when its value is known (then in `value`). */
  expr(e: Expr): Run | null {
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
        const unit = (e.unit.kind === 'unit' && this.scope.registry.lookup(e.unit.name)) || unitValue(e.unit, this.scope.registry, this.isQuantity());
        // Scaling by the unit can overflow (1e300 EB is 1e318 B): an error at the literal and unit.
        if (amount === null) {
          try {
            return this.known(unit.dimension, scaled(this.value * unit.factor, e.span));
          } catch (err) {
            return this.failing(unit.dimension, err);
          }
        }
        return this.computed(unit.dimension, times(amount, unit.factor, e.span));
      }
      case 'neg': {
        const o = this.expr(e.operand);
        return o === null ? this.known(this.dimension, -this.value) : negated(o);
      }
      case 'binary':
        return this.binary(e);
      case 'call':
        return this.call(e);
      case 'convert':
        throw new EstimateError('E0203', 'a conversion goes at the end of the whole expression', { span: e.span });
    }
  }

  private known(dimension: Dimension, value: number): null {
    this.dimension = dimension;
    this.value = value;
    return null;
  }

  /**
   * One operation on two parts (a part's closure, or null and its known value). With both
   * known it is computed now; a numeric failure (x / 0, overflow) found then is raised when the
   * expression runs, as without folding, so a dimension error elsewhere is still the one reported.
   */
  private combine(dimension: Dimension, f: Arithmetic, l: Run | null, lv: number, r: Run | null, rv: number, op: Span, other: Span): Run | null {
    if (l !== null || r !== null) return this.computed(dimension, operation(f, l ?? constant(lv), r ?? constant(rv), op, other));
    try {
      return this.known(dimension, f(lv, rv, op, other));
    } catch (err) {
      return this.failing(dimension, err);
    }
  }

  private failing(dimension: Dimension, err: unknown): Run {
    if (!(err instanceof EstimateError)) throw err;
    return this.computed(dimension, () => {
      throw err;
    });
  }

  private computed(dimension: Dimension, run: Run): Run {
    this.dimension = dimension;
    return run;
  }

  private name(name: string, where: Span): Run | null {
    const q = this.scope.lookup(name);
    if (q) return this.computed(q.dimension, slotReader(q.slot));
    const unit = this.scope.registry.lookup(name);
    if (unit) return this.known(unit.dimension, unit.factor);
    if (FUNCTIONS.has(name)) {
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

  private binary(e: Extract<Expr, { kind: 'binary' }>): Run | null {
    if ((e.op === '+' || e.op === '-') && e.left.kind === 'percent' && e.right.kind !== 'percent') {
      throw new EstimateError('E0505', `a percentage cannot ${e.op === '+' ? 'take' : 'lose'} a plain amount`, {
        span: e.left.span,
        help: [`\`x ${e.op} 20%\` means x × ${e.op === '+' ? '1.2' : '0.8'}; write the percentage on the right, or as a fraction (0.2)`],
      });
    }
    const l = this.expr(e.left);
    const ld = this.dimension;
    const lv = this.value;
    const r = this.expr(e.right);
    const rd = this.dimension;
    const rv = this.value;
    const op = e.opSpan;
    switch (e.op) {
      case '+':
      case '-': {
        if (e.right.kind === 'percent') {
          const k = e.op === '+' ? 1 + e.right.percent / 100 : 1 - e.right.percent / 100;
          return this.combine(ld, mul, l, lv, null, k, op, op);
        }
        if (!ld.equals(rd)) {
          const verb = e.op === '+' ? 'add' : 'subtract';
          throw new EstimateError('E0501', `cannot ${verb} ${ld} and ${rd}`, {
            span: op,
            labels: [
              { span: e.left.span, text: ld.toString() },
              { span: e.right.span, text: rd.toString() },
            ],
            help: conversionHelp(rd, ld),
          });
        }
        return this.combine(ld, e.op === '+' ? add : sub, l, lv, r, rv, op, op);
      }
      case '*':
        return this.combine(dimensionAt(op, () => ld.mul(rd)), mul, l, lv, r, rv, op, op);
      case '/':
        return this.combine(dimensionAt(op, () => ld.div(rd)), div, l, lv, r, rv, op, e.right.span);
      case '^': {
        if (!rd.isNone) {
          throw new EstimateError('E0504', `an exponent must be a plain number, not ${rd}`, {
            span: e.right.span,
            spanLabel: rd.toString(),
          });
        }
        const dimension = ld.isNone ? Dimension.NONE : this.power(e, ld, r === null ? rv : undefined);
        return this.combine(dimension, pow, l, lv, r, rv, op, e.left.span);
      }
    }
  }

  /**
   * The dimension of a quantity with a unit raised to a power: the power must be known when
   * compiling, and a whole number or a simple fraction (`s^2`, `(4 s^2)^0.5`, `x^(1/3)`),
   * checked exactly by Dimension (E0504 at the exponent otherwise).
   */
  private power(e: Extract<Expr, { kind: 'binary' }>, base: Dimension, k: number | undefined): Dimension {
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

  private call(e: Extract<Expr, { kind: 'call' }>): Run | null {
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
    // Arrays of the final size: a call is short, and growing from empty costs more than it.
    const n = e.args.length;
    const infos = new Array<ArgInfo>(n);
    const values = new Array<number>(n);
    let runs: (Run | null)[] | undefined;
    for (let i = 0; i < n; i++) {
      const a = e.args[i]!;
      const r = this.expr(a);
      infos[i] = { dimension: this.dimension, span: a.span };
      values[i] = this.value;
      if (r !== null) (runs ??= new Array<Run | null>(n).fill(null))[i] = r;
    }
    const dimension = def.dimension(infos, e.span);
    if (!runs) {
      try {
        return this.known(dimension, applyChecked(def, e.fn, values, e.span));
      } catch (err) {
        return this.failing(dimension, err);
      }
    }
    const closures = runs.map((r, i) => r ?? constant(values[i]!));
    return this.computed(dimension, applied(def, e.fn, closures, e.span));
  }
}

// The arithmetic, once: folding calls these directly, the closures below call them per run.
/** One operation: operands, the operator's span, and the span its failure also points at. */
type Arithmetic = (a: number, b: number, op: Span, other: Span) => number;
const add: Arithmetic = (a, b, op) => finite(a + b, op);
const sub: Arithmetic = (a, b, op) => finite(a - b, op);
const mul: Arithmetic = (a, b, op) => finite(a * b, op);
const div: Arithmetic = (a, b, op, divisor) => {
  if (b === 0) throw divisionByZero(op, divisor);
  return finite(a / b, op);
};
const pow: Arithmetic = (b, x, op, baseSpan) => {
  if (b === 0 && x < 0) throw divisionByZero(op, baseSpan);
  const out = b ** x;
  if (Number.isNaN(out)) {
    throw new EstimateError('E0603', `${b} ^ ${x} is not a real number`, { span: op, help: ['a negative number has no real fractional power'] });
  }
  return finite(out, op);
};
function applyChecked(def: FunctionDef, fn: string, xs: readonly number[], where: Span): number {
  const out = def.apply(xs);
  if (!Number.isFinite(out)) throw functionDomain(fn, xs, out, where);
  return out;
}

// Closure factories: each closure captures only what it uses (V8 shares one context between
// all closures made in a function, so making them in `binary` would capture everything).
const slotReader = (slot: number): Run => (v) => v[slot]!;
const times = (a: Run, factor: number, where: Span): Run => (v) => scaled(a(v) * factor, where);
/** A value shown in the unit of `-> unit` must stay finite there too (1e308 B is 8e308 bit). */
const converted = (a: Run, factor: number, where: Span): Run => (v) => {
  const x = a(v);
  if (!Number.isFinite(x / factor)) {
    throw new EstimateError('E0602', `the value is too large to show in \`${textOf(where)}\``, { span: where, help: ['convert to a larger unit'] });
  }
  return x;
};

/** A literal scaled to base units (1e300 EB is 1e318 bytes), or E0602 under the literal and unit. */
function scaled(x: number, where: Span): number {
  if (Number.isFinite(x)) return x;
  throw new EstimateError('E0602', `\`${textOf(where)}\` is too large in base units (bytes, seconds, USD)`, {
    span: where,
    help: ['numbers must stay below about 1.8e308 in base units'],
  });
}

const textOf = (s: Span): string => s.source.text.slice(s.start, s.end);
const negated = (a: Run): Run => (v) => -a(v);
const operation = (f: Arithmetic, l: Run, r: Run, op: Span, other: Span): Run => (v) => f(l(v), r(v), op, other);
const applied =
  (def: FunctionDef, fn: string, runs: readonly Run[], where: Span): Run =>
  (v) =>
    applyChecked(
      def,
      fn,
      runs.map((r) => r(v)),
      where,
    );

/** A dimension computed at an operator: an exponent out of range (E0504) points at it. */
function dimensionAt(op: Span, f: () => Dimension): Dimension {
  try {
    return f();
  } catch (err) {
    if (err instanceof EstimateError && err.span === undefined) throw new EstimateError(err.code, err.message, { ...err.details, span: op });
    throw err;
  }
}

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
