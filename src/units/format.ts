/**
 * The one number formatter: human scale with 4 significant digits (or `--digits N`) and the best
 * prefix for the dimension (54.75 PB, 3,472 /s, 150M user). A unit asked for is a preference:
 * it picks the family (TB/day, Gbps) and the prefix moves when the value leaves 1-9,999, unless
 * the unit is fixed (`unit: PB!`) or an explicit conversion. Every text it prints parses back
 * to the same value at display precision.
 */
import { EstimateError } from '../diagnostics/error.js';
import { Dimension, exponentOf, exponentText } from './dimension.js';
import { type ResolvedUnit } from './quantity.js';
import { SI_PREFIXES } from './catalogue.js';
import { UnitRegistry } from './registry.js';

/** How numbers read: significant digits, and words for people (plurals, `$`) or canonical units. */
export interface FormatStyle {
  /** Significant digits (default 4). */
  readonly digits?: number;
  /** Plural count and time words (`150M users`, `5 years`) and money as `$54.75M`. */
  readonly words?: boolean;
  /**
   * The units the formatter reads: sizes under the conventions (a declared month is 730 h),
   * display names and plurals (src/units/catalogue.ts). Default: the built-in catalogue.
   */
  readonly registry?: UnitRegistry;
}

/** The default number of significant digits. */
export const DEFAULT_DIGITS = 4;

/** A formatted quantity for people (`text`) and for scripts (value in `unit`, and base units). */
export interface Formatted {
  readonly text: string;
  /** The value in `unit` (unrounded). */
  readonly value: number;
  readonly unit: string;
  /** The value in base units: seconds, bytes, USD, counts as themselves. */
  readonly si: number;
  readonly dimension: string;
  /** The number as shown, without its unit or `$` (`54.75M`), for intervals beside a median. */
  readonly number?: string;
}

/** The SI prefixes, largest first, as the formatter tries them for data (catalogue: SI_PREFIXES). */
const DATA_PREFIXES: readonly [string, number][] = [...SI_PREFIXES].reverse().map((p) => [p.short, p.factor]);
/**
 * The same names at their sizes under `data: binary` (KB = 1024 B, TB = 2^40 B): there the
 * formatter must pick by those sizes, or 2^40 B prints `1.1 TB`, a figure that reads back 10% high.
 */
const BINARY_DATA_PREFIXES: readonly [string, number][] = [...SI_PREFIXES].reverse().map((p, i, all) => [p.short, 2 ** (10 * (all.length - i))]);

/** What the formatter reads from one registry's catalogue, worked out once per registry. */
interface Names {
  /** Durations the formatter may pick, largest first, sized under the registry's conventions. */
  readonly durations: readonly [string, number][];
  /** The unit a base dimension prints as (`request` as `req`, `Length` as `m`). */
  readonly base: ReadonlyMap<string, string>;
  /** Long names that take a plural (`day` -> `days`); symbols (s, h, req, B) never do. */
  readonly plurals: ReadonlyMap<string, string>;
}

const namesOf = new WeakMap<UnitRegistry, Names>();

/** The catalogue as the formatter needs it: no second table of units lives here (issue 13). */
function names(registry: UnitRegistry = UnitRegistry.BUILTIN): Names {
  let n = namesOf.get(registry);
  if (n) return n;
  const durations: [string, number][] = [];
  const base = new Map<string, string>();
  const plurals = new Map<string, string>();
  for (const def of registry.defs) {
    const [only, more] = def.dimension;
    const simple = only !== undefined && more === undefined && only[1] === 1;
    // A unit a convention resized is one the template thinks in: `month: 730 h` shows `1 month`.
    const declared = def.basis?.convention !== undefined && registry.sizes[def.basis.convention] !== undefined;
    if (simple && only[0] === 'Time' && (def.pick || declared)) durations.push([def.display, registry.lookup(def.display)?.factor ?? def.factor]);
    if (simple && def.factor === 1 && !base.has(only[0])) base.set(only[0], def.display);
    if (def.display === def.long && def.plural !== def.display) plurals.set(def.display, def.plural);
  }
  durations.sort((x, y) => y[1] - x[1]);
  n = { durations, base, plurals };
  namesOf.set(registry, n);
  return n;
}

const COUNT_MAGNITUDES: readonly [string, number][] = [
  ['T', 1e12],
  ['bn', 1e9],
  ['M', 1e6],
  ['K', 1e3],
];

/**
 * A plain number for display: grouped whole numbers from 1,000 up (3,472), 4 significant
 * digits below (385.8, 0.9095), exponent form beyond 1e15 or below 1e-4. Never `-0`.
 */
export function formatNumber(v: number, precise = false, digits = DEFAULT_DIGITS): string {
  if (!Number.isFinite(v)) throw notFinite(v);
  if (Object.is(v, -0) || v === 0) return '0';
  const a = Math.abs(v);
  const sign = v < 0 ? '-' : '';
  if (a >= 1e15 || a < 1e-4) {
    const [m, e] = a.toExponential(digits - 1).split('e');
    const mant = String(Number(m));
    return `${sign}${mant}e${Number(e)}`;
  }
  // Precise (an explicit conversion): a value with a short exact decimal form (1073.741824)
  // prints exactly. Otherwise 4 significant digits, keeping every integer digit (3,472, 0.9095).
  const exact = Number(a.toPrecision(12));
  if (precise && significantDigits(exact) <= 10) return sign + groupDecimal(String(exact));
  const whole = 10 ** (digits - 1);
  if (a >= whole) return sign + group(String(Math.round(a)));
  const r = Number(a.toPrecision(digits));
  if (r === 0) return '0';
  return sign + (r >= whole ? group(String(Math.round(r))) : String(r));
}

function significantDigits(x: number): number {
  const s = String(x);
  if (/e/.test(s)) return 99;
  return s.replace('.', '').replace(/^0+/, '').length;
}

function groupDecimal(s: string): string {
  const [int, frac] = s.split('.');
  return group(int!) + (frac ? '.' + frac : '');
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A count-like number with a magnitude suffix once it needs more than `digits` digits (173.6K,
 * 150M, 365bn, 1.5T), so every count shows the same number of significant digits.
 */
export function formatCount(v: number, digits = DEFAULT_DIGITS): string {
  const a = Math.abs(v);
  const start = Math.max(10 ** digits - 0.5, 999.5);
  if (a < start || a >= 1e15) return formatNumber(v, false, digits);
  for (const [suffix, f] of COUNT_MAGNITUDES) {
    if (a >= f * (1 - 0.5 * 10 ** -digits)) {
      const m = Number((v / f).toPrecision(digits));
      if (Math.abs(m) >= 1000 && suffix !== 'T') continue;
      return `${formatNumber(m, false, digits)}${suffix}`;
    }
  }
  return formatNumber(v, false, digits);
}

/**
 * Formats a value (in base units) of a dimension, in `unit` when given, else the best unit.
 * `precise` (an explicit conversion in the calculator) shows short exact values in full.
 */
export function formatQuantity(si: number, dimension: Dimension, unit?: ResolvedUnit, precise = false, style: FormatStyle = {}): Formatted {
  if (!Number.isFinite(si)) throw notFinite(si);
  const dim = dimension.canonical;
  const digits = style.digits ?? DEFAULT_DIGITS;
  if (unit) {
    if (unit.percent) {
      const value = shown(si * 100, si, '%');
      return { text: `${formatNumber(value, precise, digits)}%`, value, unit: '%', si, dimension: dim };
    }
    // A preference moves its prefix in the text (0.009125 PB -> 9.125 TB); a fixed unit or a
    // conversion stays. `value` and `unit` stay in the unit asked for: a script reading `value`
    // of a PB quantity must not get terabytes when the estimate is small.
    const chosen = precise || unit.fixed ? unit : movePrefix(si, unit, style.registry);
    const value = shown(si / unit.factor, si, unit.text);
    const inChosen = chosen === unit ? value : shown(si / chosen.factor, si, chosen.text);
    const countLike = takesMagnitude(chosen.dimension);
    const num = countLike && !precise ? formatCount(inChosen, digits) : formatNumber(inChosen, precise, digits);
    return { text: humanText(num, chosen.text, dimension, style), value, unit: unit.text, si, dimension: dim, number: num };
  }
  const best = bestUnit(si, dimension, style.registry);
  const value = si / best.factor;
  const num = best.count ? formatCount(value, digits) : formatNumber(value, false, digits);
  return { text: humanText(num, best.text, dimension, style), value, unit: best.text, si, dimension: dim, number: num };
}

/**
 * A value shown in `display` (a preference's moved prefix, shared by a median and its interval
 * or by an estimate and the book's figure) with `value` and `unit` in the unit asked for.
 */
export function formatShownIn(si: number, dimension: Dimension, unit: ResolvedUnit, display: ResolvedUnit, style: FormatStyle = {}): Formatted {
  const f = formatQuantity(si, dimension, { ...display, fixed: true }, false, style);
  return display.text === unit.text ? f : { ...f, value: shown(si / unit.factor, si, unit.text), unit: unit.text };
}

/** A prefix family: the prefixes a base unit moves through, smallest first. */
const SI_STEPS: readonly [string, number][] = [['', 1], ['k', 1e3], ['M', 1e6], ['G', 1e9], ['T', 1e12], ['P', 1e15], ['E', 1e18]];
/** The SI names of bytes under `data: binary`, at their sizes there (MB = 2^20 B). */
const SI_NAMES_BINARY_SIZES: readonly [string, number][] = SI_STEPS.map(([p], i) => [p, 2 ** (10 * i)]);
const BINARY_STEPS: readonly [string, number][] = [['', 1], ['Ki', 2 ** 10], ['Mi', 2 ** 20], ['Gi', 2 ** 30], ['Ti', 2 ** 40], ['Pi', 2 ** 50], ['Ei', 2 ** 60]];

/** The leading prefixed data unit of a unit text: `TB` of `TB/day`, `Gbps`, `MiB`. */
const PREFIXED = /^(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?(B|bps|bit|b)(?![A-Za-z0-9^])/;

/**
 * The unit with its prefix moved so the value reads between 1 and 9,999 (9.125 TB, not 0.009125
 * PB), in the same family (SI stays SI, binary stays binary). Units without a prefix family
 * (USD, day, user) and values already in range keep the unit written. Under the registry's
 * `data: binary` the byte's metric names move by 1024 (bits keep 1000: the convention is bytes').
 */
export function movePrefix(si: number, unit: ResolvedUnit, registry?: UnitRegistry): ResolvedUnit {
  const a = Math.abs(si / unit.factor);
  if (a === 0 || (a >= 1 && a < 9_999.5)) return unit;
  const m = PREFIXED.exec(unit.text);
  if (!m) return unit;
  const [whole, prefix = '', base] = m;
  const steps = /i$/.test(prefix) ? BINARY_STEPS : base === 'B' && registry?.sizes.binaryData === true ? SI_NAMES_BINARY_SIZES : SI_STEPS;
  const current = steps.find(([p]) => p === (prefix === 'K' ? 'k' : prefix))?.[1] ?? 1;
  const baseFactor = unit.factor / current;
  const rest = unit.text.slice(whole.length);
  let pick: readonly [string, number] | undefined;
  for (const step of steps) {
    const name = prefixedName(step[0], base!);
    if (name === undefined) continue;
    if (pick === undefined || Math.abs(si / (baseFactor * step[1])) >= 0.99995) pick = [name, step[1]];
  }
  if (!pick) return unit;
  return { ...unit, text: pick[0] + rest, factor: baseFactor * pick[1] };
}

/** A prefixed name the built-in registry reads back (`Kb`, not the ambiguous `kb`), or undefined. */
function prefixedName(prefix: string, base: string): string | undefined {
  for (const p of prefix === 'k' ? ['k', 'K'] : [prefix]) {
    if (UnitRegistry.BUILTIN.has(p + base)) return p + base;
  }
  return undefined;
}

/**
 * The one plural rule: a long unit name takes the catalogue's plural (`5 years`, `8 bits`); a
 * count unit the template declared (a base dimension the catalogue does not define, such as
 * `user`) takes an `s` when the number is not 1: `150M users`, `2 tweets/user/day`. Symbols
 * (`s`, `req`, `B`) keep their form.
 */
export function pluralWord(word: string, dimension: Dimension, registry?: UnitRegistry): string {
  const n = names(registry);
  const plural = n.plurals.get(word);
  if (plural !== undefined) return plural;
  // Only where English adds a plain `s` (the registry reads back `name + s`, see withCounts):
  // `search`, `box`, `reply` keep their singular rather than print `searchs`.
  if (/(s|x|z|ch|sh|[^aeiou]y)$/.test(word)) return word;
  const isCount = !n.base.has(word) && !isCatalogueName(word, registry) && dimension.entries.some(([d]) => d === word);
  return isCount ? word + 's' : word;
}

/** Whether a word is a name of the catalogue (`request`, `req`): those are not declared counts. */
function isCatalogueName(word: string, registry: UnitRegistry = UnitRegistry.BUILTIN): boolean {
  return registry.defs.some((d) => d.names.includes(word) || d.dimension.some(([b]) => b === word));
}

/** The number joined with its unit, as people read it when `style.words` asks (plurals, `$`). */
function humanText(num: string, unit: string, dimension: Dimension, style: FormatStyle): string {
  if (!style.words) return joinUnit(num, unit);
  const money = /^USD(?=$|\/)/.exec(unit);
  if (money) {
    const sign = num.startsWith('-') ? '-' : '';
    return `${sign}$${num.slice(sign.length)}${unit.slice(3)}`;
  }
  const one = num === '1' || num === '-1';
  const word = /^[a-z][a-z0-9_]*/.exec(unit);
  if (one || !word) return joinUnit(num, unit);
  return joinUnit(num, pluralWord(word[0], dimension, style.registry) + unit.slice(word[0].length));
}

/**
 * A value in the unit asked for. Finite in base units but not in the unit (1e308 B in bit) is
 * the user's number, too large to show there: an input error, not a bug.
 */
function shown(value: number, si: number, unit: string): number {
  if (Number.isFinite(value)) return value;
  throw new EstimateError('E0602', `${formatNumber(si)} in base units is too large to show in ${unit}`, {
    help: ['convert to a larger unit'],
  });
}

/**
 * The engine never hands over Infinity or NaN (each operation checks); one reaching the
 * formatter is a bug, reported as one instead of printing `InfinityeNaN`.
 */
function notFinite(v: number): EstimateError {
  return new EstimateError('E9999', `a non-finite number (${String(v)}) reached the formatter`);
}

/**
 * Whether a value prints with a magnitude suffix (150M user, 54.75M USD): counts, money and
 * plain numbers do; data takes a unit prefix instead, and durations their own units.
 */
function takesMagnitude(d: Dimension): boolean {
  return d.entries.every(([n, e]) => e < 0 || (n !== 'Data' && n !== 'Time'));
}

function joinUnit(num: string, unit: string): string {
  if (unit === '') return num;
  return `${num} ${unit}`;
}

interface Choice {
  readonly text: string;
  readonly factor: number;
  readonly count: boolean;
}

/** An exponent as written after `^`: `2`, or `(1/2)` for the fractions square roots make. */
function power(e: number): string {
  if (Number.isInteger(e)) return String(e);
  const r = exponentOf(e);
  return exponentText(r.n, r.d);
}

/** The unit a value prints in when none was asked for. */
export function bestUnit(si: number, dimension: Dimension, registry?: UnitRegistry): Choice {
  const a = Math.abs(si);
  const { durations, base } = names(registry);
  if (dimension.isNone) return { text: '', factor: 1, count: true };
  const time = dimension.exponent('Time');
  const data = dimension.exponent('Data');
  const money = dimension.exponent('Money');
  if (dimension.entries.length === 1 && time === 1) {
    const t = durations.find(([, f]) => a >= f * 0.99995) ?? durations[durations.length - 1]!;
    return { text: t[0], factor: t[1], count: false };
  }
  const num: string[] = [];
  const den: string[] = [];
  const put = (name: string, e: number) => {
    if (e > 0) num.push(e === 1 ? name : `${name}^${power(e)}`);
    if (e < 0) den.push(e === -1 ? name : `${name}^${power(-e)}`);
  };
  let factor = 1;
  if (data === 1) {
    const prefixes = registry?.sizes.binaryData === true ? BINARY_DATA_PREFIXES : DATA_PREFIXES;
    const p = prefixes.find(([, f]) => a >= f * 0.99995);
    if (p) factor = p[1];
    put((p ? p[0] : '') + (base.get('Data') ?? 'B'), 1);
  } else {
    put(base.get('Data') ?? 'B', data);
  }
  put(base.get('Money') ?? 'USD', money);
  for (const [n, e] of dimension.entries) if (n !== 'Data' && n !== 'Money' && n !== 'Time') put(base.get(n) ?? n, e);
  let timeName = base.get('Time') ?? 's';
  if (time === -1 && data !== 1) {
    // A slow rate reads better per day than as 2.315e-5 /s.
    const per = [...durations].reverse().filter(([, f]) => f >= 1);
    const pick = per.find(([, f]) => Math.abs(si * f) >= 0.99995) ?? per[per.length - 1]!;
    timeName = pick[0];
    factor = 1 / pick[1];
  }
  put(timeName, time);
  const text = (num.length ? num.join('*') : '') + (den.length ? '/' + den.join('/') : '');
  return { text, factor, count: takesMagnitude(dimension) };
}
