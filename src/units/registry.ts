/** Resolves unit names ("GiB", "megabytes", "tweets") to units, from the catalogue plus a model's count units. */
import { AMBIGUOUS, BINARY_PREFIXES, SI_PREFIXES, UNITS, type UnitDef } from './catalogue.js';
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
}

function expand(def: UnitDef): Unit[] {
  const dimension = Dimension.of(def.dimension);
  const unit = (name: string, factor: number, binary = false): Unit => ({
    name,
    dimension,
    factor: def.factor * factor,
    binary,
    count: false,
  });
  const out = def.names.filter((n) => def.prefixes !== 'bit-short').map((n) => unit(n, 1));
  const longNames = def.names.filter((n) => n.length > 2 && n !== 'bps');
  switch (def.prefixes) {
    case 'none':
      break;
    case 'data':
      for (const p of SI_PREFIXES) out.push(unit(p.short + 'B', p.factor));
      out.push(unit('KB', 1e3));
      for (const p of BINARY_PREFIXES) out.push(unit(p.short + 'B', p.factor, true));
      for (const p of [...SI_PREFIXES, ...BINARY_PREFIXES])
        for (const n of longNames) out.push(unit(p.long + n, p.factor, p.binary));
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

function builtinUnits(): Map<string, Unit> {
  if (!builtins) {
    builtins = new Map();
    for (const def of UNITS) for (const u of expand(def)) builtins.set(u.name, u);
  }
  return builtins;
}

/** The units one expression may use: the built-ins plus a model's declared count units. */
export class UnitRegistry {
  private readonly counts: ReadonlyMap<string, Unit>;
  readonly countNames: readonly string[];
  /** Built-ins and counts in one map, made on first lookup: lookups are the compiler's hot path. */
  private all: Map<string, Unit> | undefined;

  private constructor(counts: ReadonlyMap<string, Unit>, countNames: readonly string[]) {
    this.counts = counts;
    this.countNames = countNames;
  }

  /** Only the built-in units (the calculator's default). */
  static readonly BUILTIN = new UnitRegistry(new Map(), []);

  /**
   * A registry with count units added; each gets its own dimension and a plural (`user`, `users`).
   * The caller has checked the names (see `countNameProblem`).
   */
  withCounts(names: readonly string[]): UnitRegistry {
    const counts = new Map(this.counts);
    for (const name of names) {
      const u: Unit = { name, dimension: Dimension.base(name), factor: 1, binary: false, count: true };
      counts.set(name, u);
      const plural = name.endsWith('s') ? undefined : name + 's';
      if (plural && !this.has(plural) && !names.includes(plural)) counts.set(plural, u);
    }
    return new UnitRegistry(counts, [...this.countNames, ...names]);
  }

  /** The unit with this exact name. */
  lookup(name: string): Unit | undefined {
    if (!this.all) this.all = this.counts.size === 0 ? builtinUnits() : new Map([...builtinUnits(), ...this.counts]);
    return this.all.get(name);
  }

  has(name: string): boolean {
    return this.lookup(name) !== undefined;
  }

  /** Every name this registry knows, for did-you-mean. */
  names(): string[] {
    return [...builtinUnits().keys(), ...this.counts.keys()];
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
