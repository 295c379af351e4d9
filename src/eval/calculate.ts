/** One expression from text to a formatted result: the calculator's whole pipeline. */
import { source } from '../diagnostics/source.js';
import { parse, parseUnit } from '../lang/parser.js';
import { formatQuantity, type Formatted } from '../units/format.js';
import { UnitRegistry } from '../units/registry.js';
import { checkConversion, compile, evaluateClosed, unitScope } from './compile.js';
import { formatSummary, type FormattedSummary } from './format-summary.js';
import { DEFAULT_SAMPLES, DEFAULT_SEED } from './magnitude.js';
import { resolveUnit } from './resolve-unit.js';
import { summarize } from './summary.js';
import { writtenUnitFor } from './written-units.js';

/** Options of one calculation. */
export interface CalculateOptions {
  /** Converts the result to this unit (like `-> UNIT`). */
  readonly to?: string;
  /** Count units to declare (`user`, `tweet`). */
  readonly registry?: UnitRegistry;
  readonly sourceName?: string;
  /** Samples drawn when the expression holds a range (default 10,000). */
  readonly samples?: number;
  readonly seed?: number;
  /** Significant digits shown (default 4). */
  readonly digits?: number;
  /** The best unit for the dimension instead of the units written (reference cards: `1 day * 0.1%` is 1.44 min). */
  readonly bestUnit?: boolean;
  /** People's words: `$2`, `$1,000/month`, `5 years` (human output); scripts keep `2 USD`. */
  readonly words?: boolean;
}

/** Parses, checks, evaluates and formats one expression (an uncertain one by its median). */
export function calculate(text: string, options: CalculateOptions = {}): Formatted {
  return calculateSampled(text, options).value;
}

/** A calculation's result: the value (the median, when uncertain) and, when uncertain, its summary. */
export interface Calculation {
  readonly value: Formatted;
  readonly summary?: FormattedSummary;
  /** The samples, in base units, when uncertain. */
  readonly samples?: Float64Array;
}

/** Parses, checks, evaluates and formats one expression, with its interval when it holds a range. */
export function calculateSampled(text: string, options: CalculateOptions = {}): Calculation {
  const registry = options.registry ?? UnitRegistry.BUILTIN;
  const expr = parse(source(options.sourceName ?? '<expr>', text));
  const compiled = compile(expr, unitScope(registry));
  let target = compiled.target;
  if (options.to !== undefined) {
    const unitExpr = parseUnit(source('--to', options.to));
    target = resolveUnit(unitExpr, registry);
    checkConversion(compiled.dimension, target, unitExpr.span);
  }
  const m = compiled.uncertain ? evaluateClosed(compiled, options.samples ?? DEFAULT_SAMPLES, options.seed ?? DEFAULT_SEED) : compiled.run([]);
  const style = { registry, ...(options.digits !== undefined ? { digits: options.digits } : {}), ...(options.words ? { words: true } : {}) };
  // An explicit conversion is exact and fixed; otherwise the units the user wrote are a preference.
  const precise = target !== undefined;
  const shown = target ?? (options.bestUnit ? undefined : writtenUnitFor(expr, compiled.dimension, registry));
  if (typeof m === 'number') return { value: formatQuantity(m, compiled.dimension, shown, precise, style) };
  const summary = formatSummary(summarize(m), compiled.dimension, shown, precise, style);
  return { value: summary.median, summary, samples: m };
}
