/**
 * Dimensions: products of base dimensions with exact rational exponents (whole numbers, or small
 * fractions such as the 1/2 of a square root). Base dimensions are Time, Data and Money plus the
 * count units a model declares (user, tweet). Exponents are kept as integer pairs, never as
 * floats: `s^9007199254740993 / s^9007199254740992` cannot round to a plain number, because an
 * exponent beyond MAX_EXPONENT is refused (E0504) before it could lose precision.
 */
import { EstimateError } from '../diagnostics/error.js';

/** The built-in base dimensions, in display order. */
export const BASE_DIMENSIONS = ['Data', 'Length', 'Money', 'Time'] as const;

/** The largest exponent magnitude (Time^1024): far past any estimate, far below float limits. */
export const MAX_EXPONENT = 1024;
/** The largest denominator of a fractional exponent (x^(1/64)). */
export const MAX_DENOMINATOR = 64;

/** An exact exponent: numerator over a positive denominator, in lowest terms. */
interface Ratio {
  readonly n: number;
  readonly d: number;
}

const gcd = (a: number, b: number): number => {
  a = Math.abs(a);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
};

/** n/d in lowest terms, or the project's E0504 when out of range (no span: the caller adds it). */
function ratio(n: number, d: number): Ratio {
  const g = gcd(n, d) || 1;
  const r = { n: n / g, d: d / g };
  if (Math.abs(r.n) > MAX_EXPONENT * r.d) {
    throw new EstimateError('E0504', `a dimension's exponent would pass ${MAX_EXPONENT}`, {
      help: ['exponents of units stay between -1024 and 1024'],
    });
  }
  if (r.d > MAX_DENOMINATOR) {
    throw new EstimateError('E0504', `a dimension's exponent would be a fraction finer than 1/${MAX_DENOMINATOR}`, {
      help: ['raise a quantity with a unit only to whole numbers or simple fractions (1/2, 1/3)'],
    });
  }
  return r;
}

/**
 * The exact fraction a number stands for: a whole number, or p/q (q ≤ MAX_DENOMINATOR) whose
 * nearest double it is exactly (`0.5`, `1/3`). Anything else (`sqrt(2)`, `0.333`, 1e16) is E0504.
 */
export function exponentOf(k: number): { readonly n: number; readonly d: number } {
  if (Number.isInteger(k)) return ratio(k, 1);
  if (Number.isFinite(k) && Math.abs(k) <= MAX_EXPONENT) {
    for (let q = 2; q <= MAX_DENOMINATOR; q++) {
      const p = Math.round(k * q);
      if (p / q === k) return ratio(p, q);
    }
  }
  throw new EstimateError('E0504', `${k} is not a whole number or a simple fraction`, {
    help: ['raise a quantity with a unit only to whole numbers or simple fractions (1/2, 1/3)'],
  });
}

/** An exponent as text: `2`, `-1`, `(1/2)`, `(-3/2)`. */
export function exponentText(n: number, d: number): string {
  return d === 1 ? String(n) : `(${n}/${d})`;
}

type Entry = readonly [string, Ratio];

/** An immutable dimension; `key` is canonical, so two dimensions are equal when their keys are. */
export class Dimension {
  /** Sorted by name, no zero exponents; each exponent as a number (exactly n/d). */
  readonly entries: readonly (readonly [string, number])[];
  readonly key: string;
  private readonly exact: readonly Entry[];

  private readonly products = new Map<Dimension, Dimension>();
  private readonly quotients = new Map<Dimension, Dimension>();
  private readonly powers = new Map<number, Dimension>();
  private text: string | undefined;

  private constructor(exact: readonly Entry[], key: string) {
    this.exact = exact;
    this.entries = exact.map(([name, r]) => [name, r.n / r.d] as const);
    this.key = key;
  }

  /** Every dimension made, by key: equal dimensions are the same object, so results memoize. */
  private static readonly interned = new Map<string, Dimension>();

  private static intern(exact: readonly Entry[]): Dimension {
    const key = exact.map(([n, r]) => (r.d === 1 ? `${n}^${r.n}` : `${n}^${r.n}/${r.d}`)).join('*');
    let d = Dimension.interned.get(key);
    if (!d) {
      d = new Dimension(exact, key);
      Dimension.interned.set(key, d);
    }
    return d;
  }

  /** Sums exponents by name exactly, drops zeros, sorts by name. */
  private static make(parts: Iterable<Entry>): Dimension {
    const m = new Map<string, Ratio>();
    for (const [name, r] of parts) {
      const old = m.get(name);
      m.set(name, old ? ratio(old.n * r.d + r.n * old.d, old.d * r.d) : r);
    }
    const exact = [...m.entries()].filter(([, r]) => r.n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return exact.length === 0 ? Dimension.NONE : Dimension.intern(exact);
  }

  /** The dimension of plain numbers. */
  static readonly NONE = new Dimension([], '');

  static {
    Dimension.interned.set('', Dimension.NONE);
  }

  /** A single base dimension to the power 1. */
  static base(name: string): Dimension {
    return Dimension.intern([[name, { n: 1, d: 1 }]]);
  }

  /** From name -> exponent pairs (exponents whole numbers or simple fractions); zeros are dropped. */
  static of(parts: Iterable<readonly [string, number]>): Dimension {
    const exact: Entry[] = [];
    for (const [name, e] of parts) exact.push([name, exponentOf(e)]);
    return Dimension.make(exact);
  }

  get isNone(): boolean {
    return this.exact.length === 0;
  }

  equals(other: Dimension): boolean {
    return this === other;
  }

  /** The product; E0504 (no span) when an exponent would pass MAX_EXPONENT. */
  mul(other: Dimension): Dimension {
    if (other.isNone) return this;
    if (this.isNone) return other;
    let d = this.products.get(other);
    if (!d) {
      d = Dimension.make([...this.exact, ...other.exact]);
      this.products.set(other, d);
    }
    return d;
  }

  /** The quotient; E0504 (no span) when an exponent would pass MAX_EXPONENT. */
  div(other: Dimension): Dimension {
    if (other.isNone) return this;
    let d = this.quotients.get(other);
    if (!d) {
      d = Dimension.make([...this.exact, ...other.exact.map(([n, r]): Entry => [n, { n: -r.n, d: r.d }])]);
      this.quotients.set(other, d);
    }
    return d;
  }

  /** This dimension to a whole or simple-fraction power; E0504 (no span) otherwise. */
  pow(k: number): Dimension {
    if (k === 1) return this;
    if (k === 0 || this.isNone) return Dimension.NONE;
    let d = this.powers.get(k);
    if (!d) {
      const p = exponentOf(k);
      d = Dimension.make(this.exact.map(([n, r]): Entry => [n, ratio(r.n * p.n, r.d * p.d)]));
      this.powers.set(k, d);
    }
    return d;
  }

  /** Exponent of one base dimension (0 when absent). */
  exponent(name: string): number {
    for (const [n, e] of this.entries) if (n === name) return e;
    return 0;
  }

  /** Exponent of one base dimension as text: `2`, `-1`, `(1/2)`. */
  exponentText(name: string): string {
    for (const [n, r] of this.exact) if (n === name) return exponentText(r.n, r.d);
    return '0';
  }

  /** True when made only of count dimensions (or nothing): rounding it is meaningful. */
  get isCountLike(): boolean {
    return this.entries.every(([n]) => !(BASE_DIMENSIONS as readonly string[]).includes(n));
  }

  /**
   * The name machine outputs carry (JSON, CSV, `calc --json`): as toString, but a plain number
   * is "Scalar", the documented, stable name, where messages say "a plain number".
   */
  get canonical(): string {
    return this.isNone ? 'Scalar' : this.toString();
  }

  /** "Data / Time", "tweet / Time", "a plain number", "Data × user", "Time^2", "Time^(1/2)" (made once: every formatted value shows it). */
  toString(): string {
    this.text ??= this.describe();
    return this.text;
  }

  private describe(): string {
    if (this.isNone) return 'a plain number';
    const part = ([name, r]: Entry, sign: number) => {
      const n = r.n * sign;
      return n === 1 && r.d === 1 ? name : `${name}^${exponentText(n, r.d)}`;
    };
    const num = this.exact.filter(([, r]) => r.n > 0).map((x) => part(x, 1));
    const den = this.exact.filter(([, r]) => r.n < 0).map((x) => part(x, -1));
    const top = num.length ? num.join(' × ') : '1';
    return den.length ? `${top} / ${den.join(' / ')}` : top;
  }
}
