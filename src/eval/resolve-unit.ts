/** Resolves unit expressions (`TB/day`, `req/s`, `%`) against a registry, with did-you-mean. */
import { EstimateError } from '../diagnostics/error.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { type UnitExpr } from '../lang/ast.js';
import { printUnit } from '../lang/printer.js';
import { COUNT_WORDS, MAGNITUDES } from '../units/catalogue.js';
import { Dimension } from '../units/dimension.js';
import { type ResolvedUnit } from '../units/quantity.js';
import { ambiguity, type UnitRegistry } from '../units/registry.js';

/** The letters a multiplier is written with after a number (`14x`, `30X`). */
const MULTIPLIER_SIGNS: ReadonlySet<string> = new Set(['x', 'X']);
/** A multiplier sign: a plain factor of one, so `14x` is 14. */
const TIMES = { dimension: Dimension.NONE, factor: 1 };

/** Tells whether a name is a model quantity (so a unit position can say "not a unit"). */
export type IsQuantity = (name: string) => boolean;

/** The dimension, size and canonical text of a unit expression. */
export function resolveUnit(u: UnitExpr, registry: UnitRegistry, isQuantity: IsQuantity = () => false): ResolvedUnit {
  const r = walk(u, registry, isQuantity);
  return { text: printUnit(u), dimension: r.dimension, factor: r.factor, percent: u.kind === 'unitPercent' };
}

/** The dimension and size of a unit expression, without its text (the hot path of compiling). */
export function unitValue(u: UnitExpr, registry: UnitRegistry, isQuantity: IsQuantity = () => false): { dimension: Dimension; factor: number } {
  return walk(u, registry, isQuantity);
}

function walk(u: UnitExpr, registry: UnitRegistry, isQuantity: IsQuantity): { dimension: Dimension; factor: number } {
  switch (u.kind) {
    case 'unit': {
      const found = registry.lookup(u.name);
      if (found) return found;
      // `14x`, `5X` (readers F2): sources write multipliers so ("14x L1 cache", "peak = 5x"). Not a
      // unit of the catalogue, so a quantity named `x` keeps its error (E0306) instead of
      // silently becoming a factor.
      if (MULTIPLIER_SIGNS.has(u.name) && !isQuantity(u.name)) return TIMES;
      throw unknownUnit(u.name, u.span, registry, isQuantity);
    }
    case 'unitOne':
      return { dimension: Dimension.NONE, factor: 1 };
    case 'unitPercent':
      return { dimension: Dimension.NONE, factor: 0.01 };
    case 'unitPow': {
      const b = walk(u.base, registry, isQuantity);
      return { dimension: b.dimension.pow(u.exponent), factor: b.factor ** u.exponent };
    }
    case 'unitMul':
    case 'unitDiv': {
      const l = walk(u.left, registry, isQuantity);
      const r = walk(u.right, registry, isQuantity);
      return u.kind === 'unitMul'
        ? { dimension: l.dimension.mul(r.dimension), factor: l.factor * r.factor }
        : { dimension: l.dimension.div(r.dimension), factor: l.factor / r.factor };
    }
  }
}

/** The error for a name that is no unit: ambiguous, a magnitude, a quantity, or unknown. */
export function unknownUnit(
  name: string,
  where: UnitExpr['span'],
  registry: UnitRegistry,
  isQuantity: IsQuantity,
  extraCandidates: Iterable<string> = [],
): EstimateError {
  const options = ambiguity(name);
  if (options) {
    return new EstimateError('E0302', `\`${name}\` is ambiguous`, {
      span: where,
      help: [`write ${options.map(quoteOption).join(' or ')}`, 'see docs/language.md, "Ambiguous names"'],
    });
  }
  if (MAGNITUDES.has(name)) {
    return new EstimateError('E0301', `\`${name}\` is a magnitude, not a unit`, {
      span: where,
      help: [`write it right after a number: \`300${name}\``],
    });
  }
  if (isQuantity(name)) {
    return new EstimateError('E0306', `\`${name}\` is a quantity, not a unit`, {
      span: where,
      help: [`multiply by it instead: \`2 * ${name}\``],
    });
  }
  const count = COUNT_WORDS.get(name);
  if (count !== undefined) return new EstimateError('E0301', `unknown unit \`${name}\``, { span: where, help: [count] });
  const hint = didYouMean(name, [...registry.names(), ...extraCandidates]);
  return new EstimateError('E0301', `unknown unit \`${name}\``, {
    span: where,
    help: hint ? [hint] : ['docs/language.md lists the units; a template declares its own counts under `units:`'],
  });
}

/** "min (minute)" -> "`min` (minute)". */
function quoteOption(o: string): string {
  const i = o.indexOf(' ');
  return i < 0 ? '`' + o + '`' : '`' + o.slice(0, i) + '`' + o.slice(i);
}
