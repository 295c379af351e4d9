/**
 * Compiles an expression: the checker (check.ts) infers every dimension and whether the value
 * is exact or uncertain; the lowering (lower.ts) turns the typed tree into one kernel over
 * magnitudes, folding only exact constants. The same kernel computes the exact value (numbers
 * in, a number out) and N samples (arrays in, an array out).
 */
import { EstimateError } from '../diagnostics/error.js';
import { type Span } from '../diagnostics/source.js';
import { assertNever } from '../lang/assert-never.js';
import { type Expr } from '../lang/ast.js';
import { spellingHints } from '../lang/spelling-hints.js';
import { leftSpine } from '../lang/spine.js';
import { type Dimension } from '../units/dimension.js';
import { type ResolvedUnit } from '../units/quantity.js';
import { type UnitRegistry } from '../units/registry.js';
import { checkOrFold, conversionHelp, optionalFix, quantityTest, type Scope } from './check.js';
import { lower, type Kernel } from './lower.js';
import { type Magnitude, type Sampling, type Slots } from './magnitude.js';
import { Random } from './random.js';
import { resolveUnit } from './resolve-unit.js';

export { conversionHelp, type Scope } from './check.js';
export { type Kernel } from './lower.js';

/** A compiled expression reads other quantities' values (base units) from this array by slot. */
export type Values = ArrayLike<number>;

/** A scope with no quantities (the calculator). */
export function unitScope(registry: UnitRegistry): Scope {
  return { registry, lookup: () => undefined, names: () => [] };
}

/** An expression ready to evaluate. */
export interface Compiled {
  readonly dimension: Dimension;
  /** Holds a range or a distribution: its value is always a set of samples. */
  readonly uncertain: boolean;
  /** The exact value, from exact slot values. Throws an internal error when `uncertain`. */
  readonly run: (v: Values) => number;
  /** The value, exact or sampled, from slot values that may hold samples. */
  readonly sample: Kernel;
  /** The unit asked for with `->`, if any. */
  readonly target?: ResolvedUnit;
}

/** Checks dimensions and builds the evaluator. Throws the project's error on any problem. */
export function compile(expr: Expr, scope: Scope): Compiled {
  try {
    const inner = expr.kind === 'convert' ? expr.expr : expr;
    const { dimension, typed, value } = checkOrFold(inner, scope);
    let target: ResolvedUnit | undefined;
    if (expr.kind === 'convert') {
      target = resolveUnit(expr.target, scope.registry, quantityTest(scope));
      checkConversion(dimension, target, expr.target.span, expr.expr.span);
    }
    const k = typed === null ? value : lower(typed);
    return compiled(dimension, typed !== null && typed.uncertain, target && expr.kind === 'convert' ? shownIn(k, target, expr.target.span) : k, target);
  } catch (e) {
    throw e instanceof EstimateError ? withByteHint(e, expr) : e;
  }
}

/** A compiled value from its parts (also for a value scaled into an input's unit). */
export function compiled(dimension: Dimension, uncertain: boolean, k: Kernel | number, target?: ResolvedUnit): Compiled {
  const sample: Kernel = typeof k === 'number' ? constant(k) : k;
  // For an exact expression, exact slots give a number: the kernel is the exact evaluator.
  const run = uncertain ? notExact : (sample as unknown as (v: Values) => number);
  return target ? { dimension, uncertain, run, sample, target } : { dimension, uncertain, run, sample };
}

/**
 * A value shown in the unit of `-> unit` must stay finite there too (1e308 B is 8e308 bit):
 * E0602 under the unit, for the exact value or any sample.
 */
function shownIn(k: Kernel | number, target: ResolvedUnit, where: Span): Kernel | number {
  const check = (x: number): void => {
    if (!Number.isFinite(x / target.factor)) {
      throw new EstimateError('E0602', `the value is too large to show in \`${where.source.text.slice(where.start, where.end)}\``, { span: where, help: ['convert to a larger unit'] });
    }
  };
  if (typeof k === 'number') {
    check(k);
    return k;
  }
  return (v, s) => {
    const m = k(v, s);
    if (typeof m === 'number') check(m);
    else for (let i = 0; i < m.length; i++) check(m[i]!);
    return m;
  };
}

const constant =
  (x: number): Kernel =>
  () =>
    x;

const notExact = (): number => {
  throw new EstimateError('E9999', 'an uncertain expression was evaluated as an exact one');
};

/** The same value in a unit: `--set mau="200M to 400M"` takes the input's `user`. */
export function scaledBy(c: Compiled, factor: number, dimension: Dimension): Compiled {
  const k = c.sample;
  return compiled(dimension, c.uncertain, (v, s) => {
    const m = k(v, s);
    if (typeof m === 'number') return m * factor;
    if (factor === 1) return m; // x * 1 is x, bit for bit: no copy (a user, a percentage)
    const out = new Float64Array(m.length);
    for (let i = 0; i < m.length; i++) out[i] = m[i]! * factor;
    return out;
  });
}

/** Evaluates a closed expression (no quantities): exact, or `n` samples from `seed`. */
export function evaluateClosed(c: Compiled, n: number, seed: number): Magnitude {
  const s: Sampling = { n, rng: new Random(seed) };
  return c.sample([] as Slots, s);
}

/** Throws E0502 unless a value of dimension `have` can be shown in `target`. */
export function checkConversion(have: Dimension, target: ResolvedUnit, targetSpan: Span, valueSpan?: Span): void {
  if (target.dimension.equals(have)) return;
  throw new EstimateError('E0502', `cannot convert ${have} to ${target.dimension}`, {
    span: targetSpan,
    spanLabel: target.dimension.toString(),
    labels: valueSpan && valueSpan.source === targetSpan.source ? [{ span: valueSpan, text: have.toString() }] : [],
    help: conversionHelp(have, target.dimension),
    data: { actual: have.canonical, expected: target.dimension.canonical, unit: target.text, ...optionalFix(have, target.dimension) },
  });
}

/** Adds "1.5B is bytes; write 1.5bn" to dimension errors in expressions that wrote `<n>B`. */
export function withByteHint(e: EstimateError, expr: Expr): EstimateError {
  if (!e.code.startsWith('E05') && e.code !== 'E0708') return e;
  // A source's spelling read otherwise here (`GB-month`, `256K`, `60m`): say so beside the error.
  const spelled = spellingHints(expr, { data: /\bData\b/.test(e.message), length: /\bLength\b/.test(e.message) });
  if (spelled.length) e = e.withHelp(...spelled);
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
    case 'number':
    case 'percent':
    case 'name':
      return undefined;
    case 'neg':
      return findByteLiteral(e.operand);
    case 'binary': {
      // Down a chain's left spine in a loop (lang/spine.ts), in reading order.
      const { base, steps } = leftSpine(e);
      let found = findByteLiteral(base);
      for (let i = 0; !found && i < steps.length; i++) found = findByteLiteral(steps[i]!.right);
      return found;
    }
    case 'range':
      return findByteLiteral(e.low) ?? findByteLiteral(e.high);
    case 'call':
      for (const a of e.args) {
        const f = findByteLiteral(a);
        if (f) return f;
      }
      return undefined;
    case 'convert':
      return findByteLiteral(e.expr);
    default:
      return assertNever(e);
  }
}
