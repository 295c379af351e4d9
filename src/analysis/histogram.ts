/** Histograms of sampled outputs: equal-width bins between the 0.5th and 99.5th percentiles. */
import { type Results } from '../model/evaluate.js';
import { type Model, type ModelQuantity } from '../model/model.js';

/** One output's histogram: bin edges (base units; bins + 1 of them) and counts. */
export interface Histogram {
  readonly output: ModelQuantity;
  readonly edges: readonly number[];
  readonly counts: readonly number[];
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  /** Samples beyond the drawn bins (the far tails), so a long tail does not flatten the rest. */
  readonly outside: number;
}

/** The histograms of every sampled quantity, in model order. */
export function histograms(model: Model, results: Results, bins = 20): Histogram[] {
  const s = results.sampled;
  if (!s) return [];
  const out: Histogram[] = [];
  for (const q of model.quantities) {
    const xs = s.bySlot[q.slot];
    const sum = s.summaries[q.slot];
    if (!xs || !sum) continue;
    out.push({ output: q, ...histogramOf(xs, bins), p5: sum.p5, p50: sum.p50, p95: sum.p95 });
  }
  return out;
}

/** Bins a sample set. */
export function histogramOf(xs: Float64Array, bins: number): { edges: number[]; counts: number[]; outside: number } {
  const sorted = Float64Array.from(xs).sort();
  const lo = sorted[Math.floor(0.005 * (sorted.length - 1))]!;
  const hi = sorted[Math.ceil(0.995 * (sorted.length - 1))]!;
  const width = hi > lo ? (hi - lo) / bins : 1;
  const n = hi > lo ? bins : 1;
  const counts = new Array<number>(n).fill(0);
  let outside = 0;
  for (const x of xs) {
    if (x < lo || x > hi) {
      outside++;
      continue;
    }
    counts[Math.min(n - 1, Math.floor((x - lo) / width))]!++;
  }
  const edges = Array.from({ length: n + 1 }, (_, k) => (k === n ? (hi > lo ? hi : lo + 1) : lo + k * width));
  return { edges, counts, outside };
}
