/**
 * `--napkin`: the estimate worked the way an interviewer works it on a whiteboard (issue 13).
 * Every input is rounded to one figure and a power of ten in the unit it is shown in; every
 * quantity is computed from the rounded values of what it reads, under the time shortcuts
 * (day ≈ 10^5 s, month ≈ 2.5M s, year ≈ π × 10^7 s; a declared convention keeps its size),
 * and rounded again. So the error accumulates along the chain as it does on a whiteboard, and
 * each line says how far the napkin figure is from the exact one. This module computes; the
 * renderers only lay its lines out.
 */
import { EstimateError } from '../diagnostics/error.js';
import { source } from '../diagnostics/source.js';
import { compile, type Scope } from '../eval/compile.js';
import { resolveUnit } from '../eval/resolve-unit.js';
import { assertNever } from '../lang/assert-never.js';
import { type Expr } from '../lang/ast.js';
import { parseUnit } from '../lang/parser.js';
import { print } from '../lang/printer.js';
import { type Model, type ModelInput, type ModelQuantity } from '../model/model.js';
import { type Results } from '../model/evaluate.js';
import { movePrefix, type Formatted } from '../units/format.js';
import { type UnitRegistry, type UnitSizes } from '../units/registry.js';

/** The whiteboard's sizes of the long time units, in seconds. */
export const NAPKIN_SIZES: Required<Pick<UnitSizes, 'day' | 'month' | 'year'>> = { day: 1e5, month: 2.5e6, year: Math.PI * 1e7 };

/** The whiteboard shortcuts for time, with the error each adds. */
export const NAPKIN_SHORTCUTS: readonly string[] = [
  '1 day = 86,400 s ≈ 10^5 s (+15.7%)',
  '1 month = 2,592,000 s ≈ 2.5M s (-3.5%)',
  '1 year = 31,536,000 s ≈ π × 10^7 s (-0.4%)',
];

/** The shortcuts a whiteboard of this model uses, against the model's exact sizes; a declared convention keeps its size. */
export function napkinShortcuts(registry: UnitRegistry): string[] {
  const shown: Record<keyof typeof NAPKIN_SIZES, string> = { day: '10^5 s', month: '2.5M s', year: 'π × 10^7 s' };
  return (['day', 'month', 'year'] as const).map((k) => {
    const exact = registry.lookup(k)?.factor ?? NAPKIN_SIZES[k];
    const seconds = exact.toLocaleString('en-US', { maximumFractionDigits: 3 });
    if (registry.sizes[k] !== undefined) return `1 ${k} = ${seconds} s, as declared (kept on the whiteboard)`;
    return `1 ${k} = ${seconds} s ≈ ${shown[k]} (${errorText(NAPKIN_SIZES[k] / exact - 1)})`;
  });
}

/** One line of the whiteboard: an input rounded, or a quantity worked from rounded values. */
export interface NapkinLine {
  readonly name: string;
  readonly kind: 'input' | 'quantity';
  /** The rounded values put into the formula (`2 × 10^8 user × 2 tweet/user/day`); absent for an input. */
  readonly step?: string;
  /** A per-second rate also read per day first: `4 × 10^8 tweet/day ÷ 10^5 s/day`. */
  readonly perDay?: string;
  /** The napkin figure with its unit: `4 × 10^3 tweet/s`. */
  readonly approx: string;
  /** The napkin figure in `unit`. */
  readonly value: number;
  readonly unit: string;
  /** The exact value as the report shows it (`3,472 tweets/s`), and in `unit`. */
  readonly exact: string;
  readonly exactValue: number;
  /** (napkin - exact) / |exact|: what the shortcuts and roundings added along the chain. */
  readonly error: number;
  /** The error as people read it: `+15.2%`. */
  readonly errorText: string;
}

/** A number rounded to one significant figure: its figure and power of ten (4000 is [4, 3]). */
export function oneFigure(v: number): { readonly figure: number; readonly power: number; readonly value: number } {
  if (v === 0 || !Number.isFinite(v)) return { figure: 0, power: 0, value: 0 };
  const sign = v < 0 ? -1 : 1;
  let power = Math.floor(Math.log10(Math.abs(v)));
  let figure = Math.round(Math.abs(v) / 10 ** power);
  // 9.6 rounds up to 10: one figure again (1 × 10^(e+1)); floating log10 may also land one low.
  if (figure >= 10) {
    figure = Math.round(figure / 10);
    power += 1;
  }
  return { figure: sign * figure, power, value: Number((sign * figure * 10 ** power).toPrecision(1)) };
}

/** `4 × 10^3`, `10^5`, `-2 × 10^-3`, `7` (powers 0 and 1 are plain numbers: `7`, `60`). */
export function powerText(v: number): string {
  const { figure, power } = oneFigure(v);
  if (figure === 0) return '0';
  if (power === 0 || power === 1) return String(figure * 10 ** power);
  const p = `10^${power}`;
  return Math.abs(figure) === 1 ? `${figure < 0 ? '-' : ''}${p}` : `${figure} × ${p}`;
}

/** A signed percentage with one decimal: `+15.2%`, `-3.5%`, `0%`. */
export function errorText(e: number): string {
  if (!Number.isFinite(e)) return 'n/a';
  const t = (e * 100).toFixed(1);
  return t === '0.0' || t === '-0.0' ? '0%' : `${e > 0 ? '+' : ''}${t}%`;
}

/** The registry a whiteboard computes with: the declared conventions stay, the rest take the shortcuts. */
function napkinRegistry(registry: UnitRegistry): UnitRegistry {
  return registry.withSizes({ ...NAPKIN_SIZES, ...registry.sizes });
}

/** The size of a unit text in base units under a registry, or undefined when it does not read back. */
function sizeOf(unit: string, registry: UnitRegistry): number | undefined {
  if (unit === '') return 1;
  if (unit === '%') return 0.01;
  try {
    return resolveUnit(parseUnit(source('<napkin>', unit)), registry).factor;
  } catch (e) {
    if (e instanceof EstimateError) return undefined;
    throw e;
  }
}

/** The whiteboard: every input, then every quantity in evaluation order. */
export function napkinLines(model: Model, results: Results, shownOf: (item: ModelInput | ModelQuantity) => Formatted): NapkinLine[] {
  const board = napkinRegistry(model.registry);
  const scope: Scope = { registry: board, lookup: (n) => model.byName.get(n), names: () => model.byName.keys() };
  const values = new Float64Array(model.slotCount);
  const texts = new Map<string, string>();
  const lines: NapkinLine[] = [];
  const day = board.lookup('day')?.factor ?? NAPKIN_SIZES.day;
  for (const item of [...model.inputs, ...model.quantities]) {
    const f = shownOf(item);
    // The unit the report shows (its prefix moved: 925.9 kbps, not 0.9259 Mbps).
    const unit = item.unit && !item.unit.percent ? movePrefix(f.si, item.unit, model.registry).text : f.unit;
    // The unit's size exactly and on the whiteboard (`tweet/user/day` is 1/86,400 and 1/10^5).
    const exactSize = sizeOf(unit, model.registry) ?? (f.value !== 0 ? f.si / f.value : 1);
    const boardSize = sizeOf(unit, board) ?? exactSize;
    const exactValue = results.values[item.slot]! / exactSize;
    // An input is its shown number, rounded; a quantity is its formula over the rounded values.
    const raw = item.kind === 'input' ? exactValue : boardValue(item, scope, values, results) / boardSize;
    const rounded = oneFigure(raw).value;
    values[item.slot] = rounded * boardSize;
    const approx = powerText(rounded) + (unit === '' ? '' : unit === '%' ? '%' : ` ${unit}`);
    texts.set(item.name, approx);
    const error = exactValue === 0 ? (rounded === 0 ? 0 : Infinity) : (rounded - exactValue) / Math.abs(exactValue);
    const tight = item.kind === 'quantity' ? tightNames(item.expr) : undefined;
    // `a / 5 × 10^3 url/s` would read as (a / 5) × ...: a figure in a tight place is parenthesised.
    const substitute = (n: string) => {
      const t = texts.get(n);
      return t !== undefined && tight?.has(n) && t.includes(' ') ? `(${t})` : t;
    };
    const work = item.kind === 'quantity' ? print(item.expr, { asWritten: true, times: '×', substitute }) : undefined;
    // The per-day line only where the work reads a daily figure: a rate from rates needs none.
    const step = work !== undefined ? { step: work, ...(/\/day\b/.test(work) ? perDay(unit, raw, day) : {}) } : {};
    lines.push({ name: item.name, kind: item.kind, ...step, approx, value: rounded, unit, exact: f.text, exactValue, error, errorText: errorText(error) });
  }
  return lines;
}

/**
 * The quantity computed from the whiteboard's values; a quantity the whiteboard cannot compute
 * (one holding a range, or a step that fails on rounded values) falls back to its exact value.
 */
function boardValue(q: ModelQuantity, scope: Scope, values: Float64Array, results: Results): number {
  try {
    const c = compile(q.expr, scope);
    if (c.uncertain) return results.values[q.slot]!;
    const v = c.run(values);
    return Number.isFinite(v) ? v : results.values[q.slot]!;
  } catch (e) {
    if (e instanceof EstimateError) return results.values[q.slot]!;
    throw e;
  }
}

/** A per-second rate reads per day first, as the whiteboard divides by 10^5 s/day (not bits per second). */
function perDay(unit: string, perSecond: number, day: number): Pick<NapkinLine, 'perDay'> {
  if (!unit.endsWith('/s') || perSecond === 0) return {};
  return { perDay: `${powerText(perSecond * day)} ${unit.slice(0, -2)}/day ÷ ${powerText(day)} s/day` };
}

/**
 * The names whose substituted figure needs parentheses: the right side of `/`, either side of
 * `^`, under a minus. Iterative, so a long `a + b + c ...` chain cannot exhaust the stack.
 */
function tightNames(root: Expr): Set<string> {
  const out = new Set<string>();
  const todo: [Expr, boolean][] = [[root, false]];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    const [e, tight] = next;
    switch (e.kind) {
      case 'number':
      case 'percent':
        break;
      case 'name':
        if (tight) out.add(e.name);
        break;
      case 'quantity':
        todo.push([e.amount, tight]);
        break;
      case 'neg':
        todo.push([e.operand, true]);
        break;
      case 'binary':
        todo.push([e.left, e.op === '^' || (tight && e.op !== '*' && e.op !== '/')], [e.right, e.op === '/' || e.op === '^' || e.op === '-' || tight]);
        break;
      case 'range':
        todo.push([e.low, false], [e.high, false]);
        break;
      case 'call':
        for (const a of e.args) todo.push([a, false]);
        break;
      case 'convert':
        todo.push([e.expr, tight]);
        break;
      default:
        assertNever(e);
    }
  }
  return out;
}
