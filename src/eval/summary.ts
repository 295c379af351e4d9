/** Summaries of samples: percentiles from one sort per output, and the mean. */

/** The median, the 90% interval and the mean of an uncertain value, in base units. */
export interface Summary {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
  readonly samples: number;
}

/** Summarises samples (the input is not changed: one sorted copy is made). */
export function summarize(samples: Float64Array): Summary {
  const sorted = Float64Array.from(samples).sort();
  return { p5: quantile(sorted, 0.05), p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), mean: mean(samples), samples: samples.length };
}

/** The mean; a sum that overflows (samples near 1.8e308) falls back to a running mean. */
function mean(xs: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  if (Number.isFinite(sum)) return sum / xs.length;
  let m = 0;
  for (let i = 0; i < xs.length; i++) m += (xs[i]! - m) / (i + 1);
  return m;
}

/** The q-quantile of sorted samples, interpolating between neighbours (type 7, as numpy's default). */
export function quantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 1) return sorted[0]!;
  const h = (n - 1) * q;
  const i = Math.floor(h);
  const lo = sorted[i]!;
  const hi = sorted[Math.min(i + 1, n - 1)]!;
  return lo === hi ? lo : lo + (h - i) * (hi - lo);
}
