/**
 * The unit catalogue as data: every built-in unit, its dimension, its size in base units
 * (second, byte, USD, one count) and which prefixes it takes. Nothing else defines units.
 */

/** Which prefix families a unit accepts, on which of its names. */
export type PrefixRule = 'none' | 'data' | 'bit-short' | 'bit-long' | 'rate';

/** One catalogue entry. */
export interface UnitDef {
  /** Short symbol first, then long names; plurals are listed explicitly. */
  readonly names: readonly string[];
  /** Base dimension and its exponent: [['Data', 1], ['Time', -1]] for bits per second. */
  readonly dimension: readonly (readonly [string, number])[];
  /** Size in base units. */
  readonly factor: number;
  readonly prefixes: PrefixRule;
  /** The name the formatter and docs use. */
  readonly display: string;
}

const T = [['Time', 1]] as const;
const D = [['Data', 1]] as const;
const RATE = [['Data', 1], ['Time', -1]] as const;
const DAY = 86_400;

/**
 * month = 30 days and year = 365 days: the book's convention for estimates (documented in
 * docs/language.md). KB is the SI kilobyte (1000 B), as the book uses it.
 */
export const UNITS: readonly UnitDef[] = [
  { names: ['ns', 'nanosecond', 'nanoseconds'], dimension: T, factor: 1e-9, prefixes: 'none', display: 'ns' },
  { names: ['us', 'µs', 'μs', 'microsecond', 'microseconds'], dimension: T, factor: 1e-6, prefixes: 'none', display: 'µs' },
  { names: ['ms', 'millisecond', 'milliseconds'], dimension: T, factor: 1e-3, prefixes: 'none', display: 'ms' },
  { names: ['s', 'sec', 'secs', 'second', 'seconds'], dimension: T, factor: 1, prefixes: 'none', display: 's' },
  { names: ['min', 'mins', 'minute', 'minutes'], dimension: T, factor: 60, prefixes: 'none', display: 'min' },
  { names: ['h', 'hr', 'hrs', 'hour', 'hours'], dimension: T, factor: 3600, prefixes: 'none', display: 'h' },
  { names: ['day', 'days'], dimension: T, factor: DAY, prefixes: 'none', display: 'day' },
  { names: ['week', 'weeks', 'wk'], dimension: T, factor: 7 * DAY, prefixes: 'none', display: 'week' },
  { names: ['month', 'months', 'mo'], dimension: T, factor: 30 * DAY, prefixes: 'none', display: 'month' },
  { names: ['year', 'years', 'yr', 'yrs'], dimension: T, factor: 365 * DAY, prefixes: 'none', display: 'year' },
  { names: ['B', 'byte', 'bytes'], dimension: D, factor: 1, prefixes: 'data', display: 'B' },
  { names: ['bit', 'bits'], dimension: D, factor: 1 / 8, prefixes: 'bit-long', display: 'bit' },
  { names: ['b'], dimension: D, factor: 1 / 8, prefixes: 'bit-short', display: 'b' },
  { names: ['bps'], dimension: RATE, factor: 1 / 8, prefixes: 'rate', display: 'bps' },
  { names: ['USD', 'usd', 'dollar', 'dollars'], dimension: [['Money', 1]], factor: 1, prefixes: 'none', display: 'USD' },
  { names: ['request', 'requests', 'req', 'reqs'], dimension: [['request', 1]], factor: 1, prefixes: 'none', display: 'req' },
  { names: ['qps', 'rps'], dimension: [['request', 1], ['Time', -1]], factor: 1, prefixes: 'none', display: 'req/s' },
];

/** A prefix: the symbol or word, its multiplier, and which family it belongs to. */
export interface PrefixDef {
  readonly short: string;
  readonly long: string;
  readonly factor: number;
  readonly binary: boolean;
}

/** SI prefixes (powers of 1000). `K` is accepted as an alias of `k` for data (KB = kB). */
export const SI_PREFIXES: readonly PrefixDef[] = [
  { short: 'k', long: 'kilo', factor: 1e3, binary: false },
  { short: 'M', long: 'mega', factor: 1e6, binary: false },
  { short: 'G', long: 'giga', factor: 1e9, binary: false },
  { short: 'T', long: 'tera', factor: 1e12, binary: false },
  { short: 'P', long: 'peta', factor: 1e15, binary: false },
  { short: 'E', long: 'exa', factor: 1e18, binary: false },
];

/** Binary prefixes (powers of 1024): only ever used when written. */
export const BINARY_PREFIXES: readonly PrefixDef[] = [
  { short: 'Ki', long: 'kibi', factor: 2 ** 10, binary: true },
  { short: 'Mi', long: 'mebi', factor: 2 ** 20, binary: true },
  { short: 'Gi', long: 'gibi', factor: 2 ** 30, binary: true },
  { short: 'Ti', long: 'tebi', factor: 2 ** 40, binary: true },
  { short: 'Pi', long: 'pebi', factor: 2 ** 50, binary: true },
  { short: 'Ei', long: 'exbi', factor: 2 ** 60, binary: true },
];

/** Magnitude suffixes and words (`300M`): the language owns them (lang/magnitudes.ts). */
export { MAGNITUDES } from '../lang/magnitudes.js';

/**
 * Names refused on purpose, with what to write instead. `m` could be metre, minute or
 * million; lower-case data units could be bits or bytes.
 */
export const AMBIGUOUS: ReadonlyMap<string, readonly string[]> = new Map([
  ['m', ['min (minute)', 'M (million, as in 300M)']],
  ['kb', ['kB (kilobyte)', 'Kb (kilobit)']],
  ['mb', ['MB (megabyte)', 'Mb (megabit)']],
  ['gb', ['GB (gigabyte)', 'Gb (gigabit)']],
  ['tb', ['TB (terabyte)', 'Tb (terabit)']],
  ['pb', ['PB (petabyte)', 'Pb (petabit)']],
  ['mbps', ['Mbps (megabits per second)', 'MB/s (megabytes per second)']],
  ['gbps', ['Gbps (gigabits per second)', 'GB/s (gigabytes per second)']],
]);
