/**
 * The one number formatter: human scale with 3 to 4 significant digits and the best prefix for
 * the dimension (54.75 PB, 3,472 /s, 150M user), or exactly the unit asked for. Every text it
 * prints parses back to the same value at display precision.
 */
import { EstimateError } from '../diagnostics/error.js';
import { Dimension, exponentOf, exponentText } from './dimension.js';
import { type ResolvedUnit } from './quantity.js';

/** A formatted quantity for people (`text`) and for scripts (value in `unit`, and base units). */
export interface Formatted {
  readonly text: string;
  /** The value in `unit` (unrounded). */
  readonly value: number;
  readonly unit: string;
  /** The value in base units: seconds, bytes, USD, counts as themselves. */
  readonly si: number;
  readonly dimension: string;
}

const DATA_PREFIXES: readonly [string, number][] = [
  ['E', 1e18],
  ['P', 1e15],
  ['T', 1e12],
  ['G', 1e9],
  ['M', 1e6],
  ['k', 1e3],
];

const TIME_UNITS: readonly [string, number][] = [
  ['year', 365 * 86400],
  ['day', 86400],
  ['h', 3600],
  ['min', 60],
  ['s', 1],
  ['ms', 1e-3],
  ['µs', 1e-6],
  ['ns', 1e-9],
];

const COUNT_MAGNITUDES: readonly [string, number][] = [
  ['T', 1e12],
  ['bn', 1e9],
  ['M', 1e6],
];

/**
 * A plain number for display: grouped whole numbers from 1,000 up (3,472), 4 significant
 * digits below (385.8, 0.9095), exponent form beyond 1e15 or below 1e-4. Never `-0`.
 */
export function formatNumber(v: number, precise = false): string {
  if (!Number.isFinite(v)) throw notFinite(v);
  if (Object.is(v, -0) || v === 0) return '0';
  const a = Math.abs(v);
  const sign = v < 0 ? '-' : '';
  if (a >= 1e15 || a < 1e-4) {
    const [m, e] = a.toExponential(3).split('e');
    const mant = String(Number(m));
    return `${sign}${mant}e${Number(e)}`;
  }
  // Precise (an explicit conversion): a value with a short exact decimal form (1073.741824)
  // prints exactly. Otherwise 4 significant digits, keeping every integer digit (3,472, 0.9095).
  const exact = Number(a.toPrecision(12));
  if (precise && significantDigits(exact) <= 10) return sign + groupDecimal(String(exact));
  if (a >= 999.5) return sign + group(String(Math.round(a)));
  const r = Number(a.toPrecision(4));
  if (r === 0) return '0';
  return sign + (r >= 1000 ? group(String(Math.round(r))) : String(r));
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

/** A count-like number with a magnitude suffix from a million up (150M, 365bn, 1.5T). */
export function formatCount(v: number): string {
  const a = Math.abs(v);
  if (a < 999_950 || a >= 1e15) return formatNumber(v);
  for (const [suffix, f] of COUNT_MAGNITUDES) {
    if (a >= f * 0.99995) {
      const m = Number((v / f).toPrecision(4));
      if (Math.abs(m) >= 1000 && suffix !== 'T') continue;
      return `${formatNumber(m)}${suffix}`;
    }
  }
  return formatNumber(v);
}

/**
 * Formats a value (in base units) of a dimension, in `unit` when given, else the best unit.
 * `precise` (an explicit conversion in the calculator) shows short exact values in full.
 */
export function formatQuantity(si: number, dimension: Dimension, unit?: ResolvedUnit, precise = false): Formatted {
  if (!Number.isFinite(si)) throw notFinite(si);
  const dim = dimension.canonical;
  if (unit) {
    if (unit.percent) {
      const value = shown(si * 100, si, '%');
      return { text: `${formatNumber(value, precise)}%`, value, unit: '%', si, dimension: dim };
    }
    const value = shown(si / unit.factor, si, unit.text);
    const countLike = takesMagnitude(unit.dimension);
    const num = countLike && !precise ? formatCount(value) : formatNumber(value, precise);
    return { text: joinUnit(num, unit.text), value, unit: unit.text, si, dimension: dim };
  }
  const best = bestUnit(si, dimension);
  const value = si / best.factor;
  const num = best.count ? formatCount(value) : formatNumber(value);
  return { text: joinUnit(num, best.text), value, unit: best.text, si, dimension: dim };
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
export function bestUnit(si: number, dimension: Dimension): Choice {
  const a = Math.abs(si);
  if (dimension.isNone) return { text: '', factor: 1, count: true };
  const time = dimension.exponent('Time');
  const data = dimension.exponent('Data');
  const money = dimension.exponent('Money');
  if (dimension.entries.length === 1 && time === 1) {
    const t = TIME_UNITS.find(([, f]) => a >= f * 0.99995) ?? TIME_UNITS[TIME_UNITS.length - 1]!;
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
    const p = DATA_PREFIXES.find(([, f]) => a >= f * 0.99995);
    if (p) factor = p[1];
    put((p ? p[0] : '') + 'B', 1);
  } else {
    put('B', data);
  }
  put('USD', money);
  for (const [n, e] of dimension.entries) if (n !== 'Data' && n !== 'Money' && n !== 'Time') put(n === 'request' ? 'req' : n === 'Length' ? 'm' : n, e);
  let timeName = 's';
  if (time === -1 && data !== 1) {
    // A slow rate reads better per day than as 2.315e-5 /s.
    const per = [...TIME_UNITS].reverse().filter(([, f]) => f >= 1);
    const pick = per.find(([, f]) => Math.abs(si * f) >= 0.99995) ?? per[per.length - 1]!;
    timeName = pick[0];
    factor = 1 / pick[1];
  }
  put(timeName, time);
  const text = (num.length ? num.join('*') : '') + (den.length ? '/' + den.join('/') : '');
  return { text, factor, count: takesMagnitude(dimension) };
}
