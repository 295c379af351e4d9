/**
 * Formats an uncertain value: its median as any value is formatted, and the 90% interval and
 * mean in the median's unit, so `3,472 tweet/s (2,310 – 5,220)` reads as one unit.
 */
import { type Dimension } from '../units/dimension.js';
import { bestUnit, formatQuantity, formatShownIn, movePrefix, type FormatStyle, type Formatted } from '../units/format.js';
import { type ResolvedUnit } from '../units/quantity.js';
import { type Summary } from './summary.js';

/** The median, percentiles and mean, formatted in one unit. */
export interface FormattedSummary {
  readonly median: Formatted;
  readonly p5: Formatted;
  readonly p95: Formatted;
  readonly mean: Formatted;
  readonly samples: number;
  /** The interval as shown beside the median: `(2,310 – 5,220)`. */
  readonly interval: string;
}

/** Formats a summary; `unit` is the display unit asked for, if any. */
export function formatSummary(s: Summary, dimension: Dimension, unit?: ResolvedUnit, precise = false, style: FormatStyle = {}): FormattedSummary {
  // One unit for all four texts: a preferred unit's prefix moves for the median, then stays.
  // `value` and `unit` stay in the unit asked for, as for an exact value (see formatQuantity).
  const shown = unit ? (precise || unit.fixed ? unit : { ...movePrefix(s.p50, unit, style.registry), fixed: true }) : unitOf(s.p50, dimension, style);
  const one = (si: number): Formatted => (unit && !precise ? formatShownIn(si, dimension, unit, shown, style) : formatQuantity(si, dimension, shown, precise, style));
  const median = one(s.p50);
  const p5 = one(s.p5);
  const p95 = one(s.p95);
  const mean = one(s.mean);
  return { median, p5, p95, mean, samples: s.samples, interval: `(${bare(p5)} – ${bare(p95)})` };
}

/** The unit the median would be shown in by itself. */
function unitOf(si: number, dimension: Dimension, style: FormatStyle): ResolvedUnit {
  const best = bestUnit(si, dimension, style.registry);
  return { text: best.text, dimension, factor: best.factor, fixed: true };
}

/** The number of a formatted value without its unit (`2,310` of `2,310 tweet/s`); `%` stays. */
function bare(f: Formatted): string {
  if (f.number !== undefined && f.unit !== '%') return f.number;
  const suffix = ` ${f.unit}`;
  return f.unit !== '%' && f.text.endsWith(suffix) ? f.text.slice(0, -suffix.length) : f.text;
}
