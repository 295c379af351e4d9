/**
 * Dimensions: products of base dimensions with integer (or half-integer) exponents.
 * Base dimensions are Time, Data and Money plus the count units a model declares (user, tweet).
 */

/** The built-in base dimensions, in display order. */
export const BASE_DIMENSIONS = ['Data', 'Length', 'Money', 'Time'] as const;

/** An immutable dimension; `key` is canonical, so two dimensions are equal when their keys are. */
export class Dimension {
  /** Sorted by name, no zero exponents. */
  readonly entries: readonly (readonly [string, number])[];
  readonly key: string;

  private readonly products = new Map<Dimension, Dimension>();
  private readonly quotients = new Map<Dimension, Dimension>();
  private readonly powers = new Map<number, Dimension>();
  private text: string | undefined;

  private constructor(entries: readonly (readonly [string, number])[], key: string) {
    this.entries = entries;
    this.key = key;
  }

  /** Every dimension made, by key: equal dimensions are the same object, so results memoize. */
  private static readonly interned = new Map<string, Dimension>();

  private static intern(entries: readonly (readonly [string, number])[]): Dimension {
    const key = entries.map(([n, e]) => `${n}^${e}`).join('*');
    let d = Dimension.interned.get(key);
    if (!d) {
      d = new Dimension(entries, key);
      Dimension.interned.set(key, d);
    }
    return d;
  }

  /** The dimension of plain numbers. */
  static readonly NONE = Dimension.intern([]);

  /** A single base dimension to the power 1. */
  static base(name: string): Dimension {
    return Dimension.intern([[name, 1]]);
  }

  /** From a name -> exponent record or map; zero exponents are dropped. */
  static of(parts: Iterable<readonly [string, number]>): Dimension {
    const m = new Map<string, number>();
    for (const [n, e] of parts) m.set(n, (m.get(n) ?? 0) + e);
    const entries = [...m.entries()].filter(([, e]) => e !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.length === 0 ? Dimension.NONE : Dimension.intern(entries);
  }

  get isNone(): boolean {
    return this.entries.length === 0;
  }

  equals(other: Dimension): boolean {
    return this === other;
  }

  mul(other: Dimension): Dimension {
    if (other.isNone) return this;
    if (this.isNone) return other;
    let d = this.products.get(other);
    if (!d) {
      d = Dimension.of([...this.entries, ...other.entries]);
      this.products.set(other, d);
    }
    return d;
  }

  div(other: Dimension): Dimension {
    if (other.isNone) return this;
    let d = this.quotients.get(other);
    if (!d) {
      d = Dimension.of([...this.entries, ...other.entries.map(([n, e]) => [n, -e] as const)]);
      this.quotients.set(other, d);
    }
    return d;
  }

  pow(k: number): Dimension {
    if (k === 1) return this;
    if (k === 0 || this.isNone) return Dimension.NONE;
    let d = this.powers.get(k);
    if (!d) {
      d = Dimension.of(this.entries.map(([n, e]) => [n, e * k] as const));
      this.powers.set(k, d);
    }
    return d;
  }

  /** Exponent of one base dimension (0 when absent). */
  exponent(name: string): number {
    for (const [n, e] of this.entries) if (n === name) return e;
    return 0;
  }

  /** True when made only of count dimensions (or nothing): rounding it is meaningful. */
  get isCountLike(): boolean {
    return this.entries.every(([n]) => !(BASE_DIMENSIONS as readonly string[]).includes(n));
  }

  /** "Data / Time", "tweet / Time", "Scalar", "Data × user", "Time^2" (made once: every formatted value shows it). */
  toString(): string {
    this.text ??= this.describe();
    return this.text;
  }

  private describe(): string {
    if (this.isNone) return 'a plain number';
    const part = ([n, e]: readonly [string, number], sign: number) => {
      const p = e * sign;
      return p === 1 ? n : `${n}^${p}`;
    };
    const num = this.entries.filter(([, e]) => e > 0).map((x) => part(x, 1));
    const den = this.entries.filter(([, e]) => e < 0).map((x) => part(x, -1));
    const top = num.length ? num.join(' × ') : '1';
    return den.length ? `${top} / ${den.join(' / ')}` : top;
  }
}
