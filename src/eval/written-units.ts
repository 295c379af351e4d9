/**
 * The units a calculation's author wrote, as the unit to show its result in: `10 Mbps` stays
 * `10 Mbps`, `1000 USD / month` stays per month, `2 / month` is `2 /month` (not 24.33 /year).
 * A unit written is a preference like a template's `unit:`: its prefix still moves (formatter).
 */
import { assertNever } from '../lang/assert-never.js';
import { type Expr, type UnitExpr } from '../lang/ast.js';
import { leftSpine } from '../lang/spine.js';
import { printUnit } from '../lang/printer.js';
import { type Dimension } from '../units/dimension.js';
import { type ResolvedUnit } from '../units/quantity.js';
import { type UnitRegistry } from '../units/registry.js';
import { resolveUnit } from './resolve-unit.js';

/**
 * The first written unit (in reading order) of the result's dimension; else its reciprocal
 * (`/month`); else a quotient of two written units (`USD/GB`). Undefined for a plain number or
 * when nothing written fits: the formatter then picks the best unit.
 */
export function writtenUnitFor(expr: Expr, dimension: Dimension, registry: UnitRegistry): ResolvedUnit | undefined {
  if (dimension.isNone) return undefined;
  const units: ResolvedUnit[] = [];
  for (const u of unitsIn(expr, registry, [])) if (!units.some((k) => k.text === u.text)) units.push(u);
  const simple = (u: ResolvedUnit) => !/[/*^ ]/.test(u.text);
  // A quotient reads well over one plain unit of a second or more (`USD/month`, `GB/s`); over a
  // rate or a short time it does not (`KB/Gbps` is a time, `kB/us` a rate): the formatter picks then.
  const denominator = (u: ResolvedUnit) => simple(u) && u.dimension.entries.length === 1 && !(u.dimension.exponent('Time') !== 0 && u.factor < 1);
  const candidates: ResolvedUnit[] = [
    ...units,
    ...units.filter(simple).map((u) => ({ text: `/${u.text}`, dimension: u.dimension.pow(-1), factor: 1 / u.factor })),
    ...units.flatMap((a) => units.filter((b) => b !== a && denominator(b)).map((b) => ({ text: `${a.text}/${b.text}`, dimension: a.dimension.div(b.dimension), factor: a.factor / b.factor }))),
  ];
  return candidates.find((c) => c.dimension.equals(dimension) && Number.isFinite(c.factor) && c.factor > 0);
}

/** The units an expression writes after numbers or as names (`/ day`), in reading order. */
function unitsIn(e: Expr, registry: UnitRegistry, out: ResolvedUnit[]): ResolvedUnit[] {
  switch (e.kind) {
    case 'number':
    case 'percent':
      return out;
    case 'name': {
      const u = registry.lookup(e.name);
      if (u && !u.dimension.isNone) out.push({ text: e.name, dimension: u.dimension, factor: u.factor });
      return out;
    }
    case 'quantity': {
      unitsIn(e.amount, registry, out);
      // A plain-number unit is never the result's (writtenUnitFor's dimension is not none); kept
      // out as it is met, not filtered out of the whole list each time (quadratic on a long chain).
      const u = e.unit.kind.startsWith('unitOne') || e.unit.kind === 'unitPercent' ? undefined : unitOf(e.unit, registry);
      if (u && !u.dimension.isNone) out.push(u);
      return out;
    }
    case 'neg':
      return unitsIn(e.operand, registry, out);
    case 'binary': {
      // Down a chain's left spine in a loop (lang/spine.ts), in reading order.
      const { base, steps } = leftSpine(e);
      unitsIn(base, registry, out);
      for (const step of steps) unitsIn(step.right, registry, out);
      return out;
    }
    case 'range':
      unitsIn(e.low, registry, out);
      return unitsIn(e.high, registry, out);
    case 'call':
      for (const a of e.args) unitsIn(a, registry, out);
      return out;
    case 'convert':
      return unitsIn(e.expr, registry, out);
    default:
      return assertNever(e);
  }
}

function unitOf(u: UnitExpr, registry: UnitRegistry): ResolvedUnit {
  const r = resolveUnit(u, registry);
  return { ...r, text: printUnit(u) };
}
