/**
 * The unit catalogue as data: every built-in unit, its dimension, its size in base units
 * (second, byte, USD, one count) and which prefixes it takes. Nothing else defines units.
 */

/** Which prefixes a unit accepts, on which of its names (how the registry expands it). */
export type PrefixRule = 'none' | 'data' | 'bit-short' | 'bit-long' | 'rate' | 'length';

/**
 * The prefix family a unit belongs to, for the formatter: `metric` takes k, M, G... (powers of
 * 1000); `binary` takes the metric ones and also Ki, Mi, Gi (powers of 1024, only when written,
 * or all of them under the `data: binary` convention); `none` takes no prefix.
 */
export type PrefixFamily = 'metric' | 'binary' | 'none';

/** The conventions a template may declare (src/units/conventions.ts): each names a unit. */
export type ConventionKey = 'day' | 'month' | 'year' | 'billing_month';

/** One catalogue entry. A new unit is one line of UNITS. */
export interface UnitDef {
  /** Short symbols first (`s`, `sec`), then long names (`second`, `seconds`). */
  readonly names: readonly string[];
  /** Base dimension and its exponent: [['Data', 1], ['Time', -1]] for bits per second. */
  readonly dimension: readonly (readonly [string, number])[];
  /** Size in base units, under the default conventions. */
  readonly factor: number;
  readonly prefixes: PrefixRule;
  readonly family: PrefixFamily;
  /** The name the formatter and docs use (`s`, `B`, `req`, `day`). */
  readonly display: string;
  /** How a count of more than one reads in prose (`days`, `requests`); symbols keep their form (`5 s`). */
  readonly plural: string;
  /** The long name (`second`, `request`), for explanations. */
  readonly long: string;
  /**
   * The formatter may choose this unit by itself for a duration or a slow rate (`8.76 h`,
   * `2 /day`); a unit a convention declares (`month: 730 h`) is chosen too.
   */
  readonly pick?: boolean;
  /**
   * A unit a convention may resize: `day` is the declared day; `week` is 7 of the declared day;
   * `month` is the declared month, else 30 declared days; `year` the declared year, else 365 days.
   */
  readonly basis?: { readonly convention?: ConventionKey; readonly of?: ConventionKey; readonly times?: number };
}

const T = [['Time', 1]] as const;
const D = [['Data', 1]] as const;
const RATE = [['Data', 1], ['Time', -1]] as const;
const L = [['Length', 1]] as const;
const DAY = 86_400;

/**
 * month = 30 days and year = 365 days: the book's convention for estimates (documented in
 * docs/language.md). KB is the SI kilobyte (1000 B), as the book uses it.
 */
export const UNITS: readonly UnitDef[] = [
  { names: ['ns', 'nsec', 'nanosecond', 'nanoseconds'], dimension: T, factor: 1e-9, prefixes: 'none', family: 'none', display: 'ns', plural: 'ns', long: 'nanosecond', pick: true },
  { names: ['us', 'µs', 'μs', 'usec', 'microsecond', 'microseconds'], dimension: T, factor: 1e-6, prefixes: 'none', family: 'none', display: 'µs', plural: 'µs', long: 'microsecond', pick: true },
  { names: ['ms', 'msec', 'millisecond', 'milliseconds'], dimension: T, factor: 1e-3, prefixes: 'none', family: 'none', display: 'ms', plural: 'ms', long: 'millisecond', pick: true },
  { names: ['s', 'sec', 'secs', 'second', 'seconds'], dimension: T, factor: 1, prefixes: 'none', family: 'none', display: 's', plural: 's', long: 'second', pick: true },
  { names: ['min', 'mins', 'minute', 'minutes'], dimension: T, factor: 60, prefixes: 'none', family: 'none', display: 'min', plural: 'min', long: 'minute', pick: true },
  { names: ['h', 'hr', 'hrs', 'hour', 'hours'], dimension: T, factor: 3600, prefixes: 'none', family: 'none', display: 'h', plural: 'h', long: 'hour', pick: true },
  { names: ['day', 'days'], dimension: T, factor: DAY, prefixes: 'none', family: 'none', display: 'day', plural: 'days', long: 'day', basis: { convention: 'day' }, pick: true },
  { names: ['week', 'weeks', 'wk'], dimension: T, factor: 7 * DAY, prefixes: 'none', family: 'none', display: 'week', plural: 'weeks', long: 'week', basis: { of: 'day', times: 7 } },
  { names: ['month', 'months', 'mo'], dimension: T, factor: 30 * DAY, prefixes: 'none', family: 'none', display: 'month', plural: 'months', long: 'month', basis: { convention: 'month', of: 'day', times: 30 } },
  { names: ['year', 'years', 'yr', 'yrs'], dimension: T, factor: 365 * DAY, prefixes: 'none', family: 'none', display: 'year', plural: 'years', long: 'year', basis: { convention: 'year', of: 'day', times: 365 }, pick: true },
  // The month cloud providers bill in: 730 h (365 × 24 / 12), not 30 days; only its own convention resizes it (src/prices).
  { names: ['billing_month', 'billing_months'], dimension: T, factor: 730 * 3600, prefixes: 'none', family: 'none', display: 'billing_month', plural: 'billing_months', long: 'billing month', basis: { convention: 'billing_month' } },
  { names: ['B', 'byte', 'bytes'], dimension: D, factor: 1, prefixes: 'data', family: 'binary', display: 'B', plural: 'B', long: 'byte' },
  { names: ['bit', 'bits'], dimension: D, factor: 1 / 8, prefixes: 'bit-long', family: 'metric', display: 'bit', plural: 'bits', long: 'bit' },
  { names: ['b'], dimension: D, factor: 1 / 8, prefixes: 'bit-short', family: 'metric', display: 'b', plural: 'b', long: 'bit' },
  { names: ['bps'], dimension: RATE, factor: 1 / 8, prefixes: 'rate', family: 'metric', display: 'bps', plural: 'bps', long: 'bit per second' },
  { names: ['USD', 'usd', 'dollar', 'dollars'], dimension: [['Money', 1]], factor: 1, prefixes: 'none', family: 'none', display: 'USD', plural: 'USD', long: 'US dollar' },
  { names: ['request', 'requests', 'req', 'reqs'], dimension: [['request', 1]], factor: 1, prefixes: 'none', family: 'none', display: 'req', plural: 'requests', long: 'request' },
  // Sources write rates in capitals ("Peak QPS = 48000 QPS"); no other unit is so named.
  { names: ['qps', 'rps', 'QPS', 'RPS'], dimension: [['request', 1], ['Time', -1]], factor: 1, prefixes: 'none', family: 'none', display: 'req/s', plural: 'req/s', long: 'request per second' },
  // Length and area, for geospatial estimates (`200M mi^2`). `m` is the metre: a minute is `min`
  // and a million `M`; a number glued to `m` before another name (`300m user`) is refused (E0310).
  { names: ['m', 'metre', 'metres', 'meter', 'meters'], dimension: L, factor: 1, prefixes: 'length', family: 'metric', display: 'm', plural: 'm', long: 'metre' },
  { names: ['mi', 'mile', 'miles'], dimension: L, factor: 1609.344, prefixes: 'none', family: 'none', display: 'mi', plural: 'mi', long: 'mile' },
  { names: ['ft', 'foot', 'feet'], dimension: L, factor: 0.3048, prefixes: 'none', family: 'none', display: 'ft', plural: 'ft', long: 'foot' },
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
 * Names refused on purpose, with what to write instead: lower-case data units could be bits or
 * bytes.
 */
export const AMBIGUOUS: ReadonlyMap<string, readonly string[]> = new Map([
  ['kb', ['kB (kilobyte)', 'Kb (kilobit)']],
  ['mb', ['MB (megabyte)', 'Mb (megabit)']],
  ['gb', ['GB (gigabyte)', 'Gb (gigabit)']],
  ['tb', ['TB (terabyte)', 'Tb (terabit)']],
  ['pb', ['PB (petabyte)', 'Pb (petabit)']],
  ['mbps', ['Mbps (megabits per second)', 'MB/s (megabytes per second)']],
  ['gbps', ['Gbps (gigabits per second)', 'GB/s (gigabytes per second)']],
]);

/**
 * Words sources write after a number that are counts, not units (readers F3, F10): each with the
 * help an unknown-unit error gives. Not units on purpose: what a transaction or a user is
 * belongs to the template, which declares it under `units:`.
 */
export const COUNT_WORDS: ReadonlyMap<string, string> = new Map([
  ['TPS', 'transactions per second: declare `units: [transaction]` and write `transaction/s`'],
  ['tps', 'transactions per second: declare `units: [transaction]` and write `transaction/s`'],
  ['DAU', 'daily active users: declare `units: [user]` and write `500M user` (the day goes in the name)'],
  ['MAU', 'monthly active users: declare `units: [user]` and write `500M user` (the month goes in the name)'],
]);
