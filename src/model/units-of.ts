/** Units written in a template: the unit a default is written in, and declared dimensions. */
import { EstimateError } from '../diagnostics/error.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { assertNever } from '../lang/assert-never.js';
import { type Expr, type UnitExpr } from '../lang/ast.js';
import { leftSpine, type Binary } from '../lang/spine.js';
import { BASE_DIMENSIONS, Dimension } from '../units/dimension.js';
import { type UnitRegistry } from '../units/registry.js';

/**
 * The unit a value is written in: `2 tweet/user/day` -> tweet/user/day, `50%` -> %, `$0.02/GB`
 * -> USD/GB; undefined for a plain number or anything more involved.
 */
export function writtenUnit(e: Expr, registry: UnitRegistry): UnitExpr | undefined {
  switch (e.kind) {
    case 'percent':
      return { kind: 'unitPercent', span: e.span };
    case 'quantity':
      return e.unit;
    case 'name':
      return registry.has(e.name) ? { kind: 'unit', name: e.name, span: e.span } : undefined;
    case 'neg':
      return writtenUnit(e.operand, registry);
    case 'binary':
      return writtenProduct(e, registry);
    case 'range':
      // `200M to 400M user`: the unit is written at the high end.
      return writtenUnit(e.high, registry);
    case 'number':
    case 'call':
    case 'convert':
      return undefined;
    default:
      return assertNever(e);
  }
}

/**
 * The most unit factors a written unit is taken from: the bound the parser puts on a unit
 * expression (its powers add up to at most 1024), which keeps the unit walkers' recursion short.
 */
const MAX_WRITTEN_FACTORS = 1024;

/**
 * `2 tweet / user / day` -> tweet/user/day: a chain of `*` and `/` by unit names, walked down its
 * left spine in a loop (lang/spine.ts); undefined past any other operator or name.
 */
function writtenProduct(e: Binary, registry: UnitRegistry): UnitExpr | undefined {
  const { base, steps } = leftSpine(e);
  if (steps.length > MAX_WRITTEN_FACTORS || steps.some((s) => s.op !== '*' && s.op !== '/')) return undefined;
  let left: UnitExpr | undefined;
  for (const s of steps) {
    const right = s.right.kind === 'name' ? writtenUnit(s.right, registry) : undefined;
    // `10M /month`: a rate without a count keeps `/month` as its unit (a bare `--set writes=20M` is per month).
    if (s === steps[0] && s.op === '/' && right && base.kind === 'number') {
      left = { kind: 'unitDiv', left: { kind: 'unitOne', span: { ...base.span, start: base.span.end } }, right, span: s.span };
      continue;
    }
    if (s === steps[0]) left = writtenUnit(base, registry);
    if (!left || !right || left.kind === 'unitPercent') return undefined;
    left = { kind: s.op === '*' ? 'unitMul' : 'unitDiv', left, right, span: s.span };
  }
  return left;
}

/** The dimension a `dimension:` field names: `Data / Time`, `tweet / Time`, `Scalar`, or a unit's (`req/s`). */
export function resolveDimension(u: UnitExpr, registry: UnitRegistry): Dimension {
  switch (u.kind) {
    case 'unit': {
      if ((BASE_DIMENSIONS as readonly string[]).includes(u.name)) return Dimension.base(u.name);
      if (u.name === 'Scalar') return Dimension.NONE;
      const unit = registry.lookup(u.name);
      if (unit) return unit.dimension;
      const hint = didYouMean(u.name, [...BASE_DIMENSIONS, 'Scalar', ...registry.countNames]);
      throw new EstimateError('E0301', `unknown dimension \`${u.name}\``, {
        span: u.span,
        help: [hint ?? `dimensions are built from ${BASE_DIMENSIONS.join(', ')}, Scalar and the template's count units`],
      });
    }
    case 'unitOne':
    case 'unitPercent':
      return Dimension.NONE;
    case 'unitPow':
      return resolveDimension(u.base, registry).pow(u.exponent);
    case 'unitMul':
      return resolveDimension(u.left, registry).mul(resolveDimension(u.right, registry));
    case 'unitDiv':
      return resolveDimension(u.left, registry).div(resolveDimension(u.right, registry));
  }
}
