/** One expression from text to a formatted result: the calculator's whole pipeline. */
import { source } from '../diagnostics/source.js';
import { parse, parseUnit } from '../lang/parser.js';
import { formatQuantity, type Formatted } from '../units/format.js';
import { UnitRegistry } from '../units/registry.js';
import { checkConversion, compile, unitScope } from './compile.js';
import { resolveUnit } from './resolve-unit.js';

/** Options of one calculation. */
export interface CalculateOptions {
  /** Converts the result to this unit (like `-> UNIT`). */
  readonly to?: string;
  /** Count units to declare (`user`, `tweet`). */
  readonly registry?: UnitRegistry;
  readonly sourceName?: string;
}

/** Parses, checks, evaluates and formats one expression. */
export function calculate(text: string, options: CalculateOptions = {}): Formatted {
  const registry = options.registry ?? UnitRegistry.BUILTIN;
  const compiled = compile(parse(source(options.sourceName ?? '<expr>', text)), unitScope(registry));
  const si = compiled.run([]);
  let target = compiled.target;
  if (options.to !== undefined) {
    const unitExpr = parseUnit(source('--to', options.to));
    target = resolveUnit(unitExpr, registry);
    checkConversion(compiled.dimension, target, unitExpr.span);
  }
  return formatQuantity(si, compiled.dimension, target, target !== undefined);
}
