/** Resolves unit names ("GiB", "megabytes", "tweets") to units, from the catalogue plus a model's count units. */
import { AMBIGUOUS, BINARY_PREFIXES, SI_PREFIXES, UNITS, type ConventionKey, type UnitDef } from './catalogue.js';
import { Dimension } from './dimension.js';

/** A resolved unit: its dimension and its size in base units. */
export interface Unit {
  readonly name: string;
  readonly dimension: Dimension;
  readonly factor: number;
  /** True for binary-prefixed units (KiB); the formatter never picks them by itself. */
  readonly binary: boolean;
  /** True for count units a model declared (user, tweet). */
  readonly count: boolean;
  /** The convention that sized this unit when it is not the default (`month` under `month: 2.5M s`). */
  readonly convention?: string;
}

/**
 * The sizes the conventions give (src/units/conventions.ts): seconds in a day, month and year
 * when declared, and whether KB is 1024 B. What is absent keeps its default.
 */
export interface UnitSizes {
  readonly day?: number;
  readonly month?: number;
  readonly year?: number;
  readonly billing_month?: number;
  readonly binaryData?: boolean;
}

/** The size of a unit with a basis (day, week, month, year) under the given sizes. */
function timeFactor(def: UnitDef, sizes: UnitSizes): { factor: number; convention?: string } {
  const b = def.basis;
  if (!b) return { factor: def.factor };
  const declared = (k: ConventionKey | undefined) => (k === undefined ? undefined : sizes[k]);
  const own = declared(b.convention);
  if (own !== undefined) return { factor: own, convention: b.convention! };
  const day = sizes.day;
  if (b.of === 'day' && b.times !== undefined && day !== undefined) return { factor: b.times * day, convention: 'day' };
  return { factor: def.factor };
}

function expand(def: UnitDef, sizes: UnitSizes): Unit[] {
  const dimension = Dimension.of(def.dimension);
  const base = timeFactor(def, sizes);
  const unit = (name: string, factor: number, binary = false, convention = base.convention): Unit => ({
    name,
    dimension,
    factor: base.factor * factor,
    binary,
    count: false,
    ...(convention !== undefined ? { convention } : {}),
  });
  // Under `data: binary`, a metric byte prefix means the binary one (KB = 1024 B), as many sources count.
  const dataUnit = (name: string, i: number): Unit =>
    sizes.binaryData ? unit(name, BINARY_PREFIXES[i]!.factor, false, 'data') : unit(name, SI_PREFIXES[i]!.factor);
  const out = def.names.filter((n) => def.prefixes !== 'bit-short').map((n) => unit(n, 1));
  const longNames = def.names.filter((n) => n.length > 2 && n !== 'bps');
  switch (def.prefixes) {
    case 'none':
      break;
    case 'data':
      SI_PREFIXES.forEach((p, i) => out.push(dataUnit(p.short + 'B', i)));
      out.push(dataUnit('KB', 0));
      for (const p of BINARY_PREFIXES) out.push(unit(p.short + 'B', p.factor, true));
      SI_PREFIXES.forEach((p, i) => {
        for (const n of longNames) out.push(dataUnit(p.long + n, i));
      });
      for (const p of BINARY_PREFIXES) for (const n of longNames) out.push(unit(p.long + n, p.factor, true));
      break;
    case 'length':
      for (const n of ['km', 'kilometre', 'kilometres', 'kilometer', 'kilometers']) out.push(unit(n, 1e3));
      break;
    case 'bit-long':
      for (const p of SI_PREFIXES) out.push(unit(p.short + 'bit', p.factor));
      out.push(unit('Kbit', 1e3));
      for (const p of SI_PREFIXES) for (const n of longNames) out.push(unit(p.long + n, p.factor));
      break;
    case 'bit-short':
      out.push(unit('Kb', 1e3));
      for (const p of SI_PREFIXES.slice(1)) out.push(unit(p.short + 'b', p.factor));
      break;
    case 'rate':
      for (const p of SI_PREFIXES) out.push(unit(p.short + 'bps', p.factor));
      out.push(unit('Kbps', 1e3));
      break;
  }
  return out;
}

let builtins: Map<string, Unit> | undefined;

function unitsUnder(sizes: UnitSizes, defs: readonly UnitDef[] = UNITS): Map<string, Unit> {
  const out = new Map<string, Unit>();
  for (const def of defs) for (const u of expand(def, sizes)) out.set(u.name, u);
  return out;
}

function builtinUnits(): Map<string, Unit> {
  return (builtins ??= unitsUnder({}));
}

/** The units one expression may use: the built-ins plus a model's declared count units. */
export class UnitRegistry {
  private readonly counts: ReadonlyMap<string, Unit>;
  readonly countNames: readonly string[];
  /** The built-in units, sized by this registry's conventions. */
  private readonly builtin: () => Map<string, Unit>;
  /** The sizes the conventions gave (empty: the defaults). */
  readonly sizes: UnitSizes;
  /** The catalogue entries behind the built-ins: the formatter reads their display names and plurals. */
  readonly defs: readonly UnitDef[];
  /** Built-ins and counts in one map, made on first lookup: lookups are the compiler's hot path. */
  private all: Map<string, Unit> | undefined;

  private constructor(counts: ReadonlyMap<string, Unit>, countNames: readonly string[], sizes: UnitSizes = {}, builtin: () => Map<string, Unit> = builtinUnits, defs: readonly UnitDef[] = UNITS) {
    this.counts = counts;
    this.countNames = countNames;
    this.sizes = sizes;
    this.builtin = builtin;
    this.defs = defs;
  }

  /** Only the built-in units (the calculator's default). */
  static readonly BUILTIN = new UnitRegistry(new Map(), []);

  /** The same registry with units resized by conventions (`month: 2.5M s`, `data: binary`). */
  withSizes(sizes: UnitSizes): UnitRegistry {
    if (sizes.day === undefined && sizes.month === undefined && sizes.year === undefined && sizes.billing_month === undefined && !sizes.binaryData) return this;
    const map = unitsUnder(sizes, this.defs);
    return new UnitRegistry(this.counts, this.countNames, sizes, () => map, this.defs);
  }

  /** The same registry with more catalogue entries (a test's `fortnight`): each is one line, like UNITS'. */
  withUnits(defs: readonly UnitDef[]): UnitRegistry {
    const all = [...this.defs, ...defs];
    const map = unitsUnder(this.sizes, all);
    return new UnitRegistry(this.counts, this.countNames, this.sizes, () => map, all);
  }

  /**
   * A registry with count units added; each gets its own dimension and a plural (`user`, `users`).
   * The caller has checked the names (see `countNameProblem`).
   */
  withCounts(names: readonly string[]): UnitRegistry {
    const counts = new Map(this.counts);
    // A set, not `names.includes`: 50,000 declared units were quadratic (32 s, redteam F17).
    const declared = new Set(names);
    for (const name of names) {
      const u: Unit = { name, dimension: Dimension.base(name), factor: 1, binary: false, count: true };
      counts.set(name, u);
      const plural = name.endsWith('s') ? undefined : name + 's';
      if (plural && !this.has(plural) && !declared.has(plural)) counts.set(plural, u);
    }
    return new UnitRegistry(counts, [...this.countNames, ...names], this.sizes, this.builtin, this.defs);
  }

  /** The unit with this exact name. */
  lookup(name: string): Unit | undefined {
    if (!this.all) this.all = this.counts.size === 0 ? this.builtin() : new Map([...this.builtin(), ...this.counts]);
    return this.all.get(name);
  }

  has(name: string): boolean {
    return this.lookup(name) !== undefined;
  }

  /** Every name this registry knows, for did-you-mean. */
  names(): string[] {
    return [...this.builtin().keys(), ...this.counts.keys()];
  }
}

/** What to write instead of a name refused as ambiguous (`m`, `mb`), or undefined. */
export function ambiguity(name: string): readonly string[] | undefined {
  return AMBIGUOUS.get(name);
}

/** Why a name cannot be a count unit, or undefined when it can. */
export function countNameProblem(name: string, registry: UnitRegistry): string | undefined {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) return 'count units are lower-case words: letters, digits and _';
  if (registry.has(name) || AMBIGUOUS.has(name)) return `\`${name}\` is already a unit`;
  return undefined;
}
