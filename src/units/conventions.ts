/**
 * Conventions as data: the day, month and year a source counts in, and whether its KB is 1000
 * or 1024 bytes. A template declares them under `conventions:`, a run with `--convention k=v`;
 * the registry then sizes every unit built on them (registry.ts `withSizes`): `/day` rates use
 * the declared day, a week is 7 declared days, a month without its own convention is 30 declared
 * days, a year 365. `s`, `min` and `h` never change.
 */
import { EstimateError } from '../diagnostics/error.js';
import { type Source, type Span } from '../diagnostics/source.js';
import { assertNever } from '../lang/assert-never.js';
import { type Expr, type UnitExpr } from '../lang/ast.js';
import { leftSpine } from '../lang/spine.js';
import { parse } from '../lang/parser.js';
import { UNITS } from './catalogue.js';
import { Dimension } from './dimension.js';
import { formatNumber } from './format.js';
import { UnitRegistry, type UnitSizes } from './registry.js';

/** The conventions that can be declared, in the order they are resolved (a later one may use an earlier one). */
export const CONVENTION_KEYS = ['day', 'month', 'year', 'billing_month', 'data'] as const;
export type ConventionName = (typeof CONVENTION_KEYS)[number];

/** The values `data:` takes. */
export const DATA_CONVENTIONS = ['si', 'binary'] as const;

/** One declared convention as written: `month: 2.5M s` in a template, or `--convention month=730h`. */
export interface ConventionEntry {
  readonly key: string;
  readonly value: string;
  /** Where the key and the value stand (a template's YAML); absent on the command line. */
  readonly keySpan?: Span;
  readonly valueSpan?: Span;
  /** The value as a source to parse (its errors point into the template or at `--convention`). */
  readonly source: Source;
  /** `template` or `--convention`, for the conventions list of the report. */
  readonly from: 'template' | '--convention';
}

/** The resolved conventions: the unit sizes and what was declared, for the report. */
export interface Conventions {
  readonly sizes: UnitSizes;
  /** Each declared convention that differs from the default, resolved. */
  readonly declared: readonly ResolvedConvention[];
}

export interface ResolvedConvention {
  readonly key: ConventionName;
  /** As written (`10^5 s`, `binary`). */
  readonly written: string;
  /** Seconds for day, month and year; undefined for data. */
  readonly seconds?: number;
  readonly from: 'template' | '--convention';
}

/**
 * Evaluates a closed expression with a registry (the model passes the evaluator: units/ sits
 * below eval/ and does not import it).
 */
export type EvaluateTime = (expr: Expr, registry: UnitRegistry) => { dimension: Dimension; seconds: number };

/** No declared conventions: every unit at its default size. */
export const DEFAULT_CONVENTIONS: Conventions = { sizes: {}, declared: [] };

/** Which declared conventions a time unit's size depends on (a week is 7 days). */
const DEPENDS: ReadonlyMap<string, ConventionName> = (() => {
  const m = new Map<string, ConventionName>();
  for (const def of UNITS) {
    const b = def.basis;
    if (!b) continue;
    const on = b.convention ?? b.of;
    if (on) for (const n of def.names) m.set(n, on);
  }
  return m;
})();

const ORDER: Readonly<Record<ConventionName, number>> = { day: 0, month: 1, year: 2, billing_month: 3, data: 4 };

/** The billing month's default, as the report states it when prices or costs use `billing_month`. */
export const BILLING_MONTH_DEFAULT = 'billing_month = 730 h (365 × 24 / 12, the month cloud prices are billed in), not the 30-day month';

/** How to write each duration convention, for help lines. */
const EXAMPLE: Readonly<Record<Exclude<ConventionName, 'data'>, string>> = { day: '10^5 s', month: '2.5M s', year: '12 month', billing_month: '720 h' };

/**
 * Resolves conventions in key order; a later entry of the same key wins (the command line after
 * the template). Throws every problem as the project's error.
 */
export function resolveConventions(entries: readonly ConventionEntry[], evaluate: EvaluateTime): Conventions {
  const last = new Map<ConventionName, ConventionEntry>();
  for (const e of entries) {
    const key = conventionName(e);
    last.set(key, e);
  }
  let sizes: UnitSizes = {};
  const declared: ResolvedConvention[] = [];
  for (const key of CONVENTION_KEYS) {
    const e = last.get(key);
    if (!e) continue;
    if (key === 'data') {
      const v = e.value.trim().toLowerCase();
      if (v !== 'si' && v !== 'binary') {
        throw new EstimateError('E0731', `\`data\` is \`si\` or \`binary\`, not \`${e.value.trim()}\``, {
          ...where(e, 'value'),
          help: ['`data: binary` makes KB = 1024 B, MB = 1024^2 B, ...; `data: si` (the default) makes KB = 1000 B'],
        });
      }
      if (v === 'binary') {
        sizes = { ...sizes, binaryData: true };
        declared.push({ key, written: 'binary', from: e.from });
      }
      continue;
    }
    const registry = UnitRegistry.BUILTIN.withSizes(sizes);
    const seconds = timeValue(key, e, registry, evaluate);
    // A convention that restates the default (`day: 86400 s`) changes nothing and is not listed.
    if (seconds === registry.lookup(key)!.factor) continue;
    sizes = { ...sizes, [key]: seconds };
    declared.push({ key, written: e.value.trim(), seconds, from: e.from });
  }
  return { sizes, declared };
}

function conventionName(e: ConventionEntry): ConventionName {
  const k = e.key.trim();
  if ((CONVENTION_KEYS as readonly string[]).includes(k)) return k as ConventionName;
  const hint = k === 'week' ? ['a week is always 7 declared days: declare `day`'] : [];
  throw new EstimateError('E0730', `unknown convention \`${k}\``, {
    ...where(e, 'key'),
    help: [...hint, `the conventions are ${CONVENTION_KEYS.join(', ')}; \`estimate ref conventions\` lists common ones`],
  });
}

/** The seconds in a declared day, month or year; it may use the conventions declared before it. */
function timeValue(key: ConventionName, e: ConventionEntry, registry: UnitRegistry, evaluate: EvaluateTime): number {
  const expr = parse(e.source);
  for (const u of unitNames(expr)) {
    const on = DEPENDS.get(u.name);
    if (on !== undefined && ORDER[on] >= ORDER[key]) {
      throw new EstimateError('E0732', `the ${key} cannot be written in \`${u.name}\`, which is built on the ${on}`, {
        span: u.span,
        help: [key === 'day' ? 'write the day in s, min or h: `day: 10^5 s`' : `write the ${key} in units it does not define: ${key === 'month' ? '`month: 2.5M s` or `month: 30 day`' : key === 'year' ? '`year: 12 month` or `year: 365 day`' : '`billing_month: 730 h`'}`],
      });
    }
  }
  const value = evaluate(expr, registry);
  if (!value.dimension.equals(Dimension.of([['Time', 1]]))) {
    throw new EstimateError('E0731', `a ${key} is a duration, not ${value.dimension}`, {
      ...where(e, 'value'),
      help: [`write it with a time unit: \`${key}: ${EXAMPLE[key as Exclude<ConventionName, 'data'>]}\``],
    });
  }
  if (Number.isNaN(value.seconds)) {
    throw new EstimateError('E0731', `a ${key} is one exact duration, not a range`, { ...where(e, 'value'), help: ['a convention sizes a unit: write one value'] });
  }
  if (!(value.seconds > 0) || !Number.isFinite(value.seconds)) {
    throw new EstimateError('E0731', `a ${key} must last more than 0 s`, { ...where(e, 'value') });
  }
  // A year is 365 declared days: a day so long that a year overflows would make units infinite.
  if (!(value.seconds < 1e300)) {
    throw new EstimateError('E0731', `a ${key} of ${value.seconds.toExponential(3)} s is too long`, { ...where(e, 'value'), help: ['a day, month, year or billing month lasts less than 1e300 s'] });
  }
  return value.seconds;
}

function where(e: ConventionEntry, part: 'key' | 'value'): { span?: Span; where?: string } {
  const s = part === 'key' ? e.keySpan : e.valueSpan;
  return s ? { span: s } : { where: `--convention ${e.key}=${e.value}` };
}

/** Every unit name an expression writes (after numbers and as names; names may also be quantities). */
export function unitNames(e: Expr, out: { name: string; span: Span }[] = []): { name: string; span: Span }[] {
  switch (e.kind) {
    case 'number':
    case 'percent':
      return out;
    case 'name':
      out.push({ name: e.name, span: e.span });
      return out;
    case 'quantity':
      unitNames(e.amount, out);
      unitExprNames(e.unit, out);
      return out;
    case 'neg':
      return unitNames(e.operand, out);
    case 'binary': {
      // Down a chain's left spine in a loop (lang/spine.ts), in reading order.
      const { base, steps } = leftSpine(e);
      unitNames(base, out);
      for (const step of steps) unitNames(step.right, out);
      return out;
    }
    case 'range':
      unitNames(e.low, out);
      return unitNames(e.high, out);
    case 'call':
      for (const a of e.args) unitNames(a, out);
      return out;
    case 'convert':
      unitNames(e.expr, out);
      unitExprNames(e.target, out);
      return out;
    default:
      return assertNever(e);
  }
}

export function unitExprNames(u: UnitExpr, out: { name: string; span: Span }[] = []): { name: string; span: Span }[] {
  switch (u.kind) {
    case 'unit':
      out.push({ name: u.name, span: u.span });
      return out;
    case 'unitOne':
    case 'unitPercent':
      return out;
    case 'unitPow':
      return unitExprNames(u.base, out);
    case 'unitMul':
    case 'unitDiv':
      unitExprNames(u.left, out);
      return unitExprNames(u.right, out);
    default:
      return assertNever(u);
  }
}

/** A declared convention as the report states it: `month = 2.5M s = 2,500,000 s, declared by the template`. */
export interface ConventionNote {
  readonly key: ConventionName;
  readonly text: string;
  /** Seconds for day, month and year; bytes in a KB for data. */
  readonly size: number;
  readonly unit: 's' | 'B';
}

/** The non-default conventions, one note each (printed under every table, a row of every CSV). */
export function conventionNotes(c: Conventions): ConventionNote[] {
  return c.declared.map((d) => {
    const by = d.from === 'template' ? 'declared by the template' : 'set by --convention';
    if (d.key === 'data') return { key: d.key, text: `KB, MB, GB, TB, PB are binary (powers of 1024: KB = 1024 B), ${by}`, size: 1024, unit: 'B' };
    return { key: d.key, text: `${d.key} = ${d.written} = ${formatNumber(d.seconds!)} s, ${by}`, size: d.seconds!, unit: 's' };
  });
}

/** The report's conventions list: what differs from the default is stated first, with its size. */
export function conventionLines(c: Conventions, defaults: readonly string[], billing = false): readonly string[] {
  // A cost per billing month says which month it means, unless a declared billing month already does.
  const bill = billing && c.sizes.billing_month === undefined ? [BILLING_MONTH_DEFAULT] : [];
  if (c.declared.length === 0) return [...defaults, ...bill];
  const s = c.sizes;
  const reg = UnitRegistry.BUILTIN.withSizes(s);
  const secs = (name: string) => reg.lookup(name)!.factor;
  const declared = conventionNotes(c).map((n) => n.text);
  const month = s.month === undefined ? `month = 30 days = ${formatNumber(secs('month'))} s` : undefined;
  const year = s.year === undefined ? `year = 365 days = ${formatNumber(secs('year'))} s` : undefined;
  const week = s.day !== undefined ? `week = 7 days = ${formatNumber(secs('week'))} s` : undefined;
  const rest = [month, year, week].filter((x): x is string => x !== undefined);
  const data = s.binaryData ? [] : [defaults[1]!];
  return [...declared, ...(rest.length ? [rest.join(', ')] : []), ...data, ...defaults.slice(2), ...bill];
}

/**
 * Whether an estimate counts in billing months: an expression or a shown unit writes
 * `billing_month` (every catalogue price per month does). Its report then states the size.
 */
export function usesBillingMonth(exprs: readonly Expr[], shownUnits: readonly (string | undefined)[]): boolean {
  const billing = (name: string) => name === 'billing_month' || name === 'billing_months';
  return exprs.some((e) => unitNames(e).some((u) => billing(u.name))) || shownUnits.some((u) => u !== undefined && /(?<![A-Za-z0-9_])billing_months?(?![A-Za-z0-9_])/.test(u));
}
