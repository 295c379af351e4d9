/**
 * Summaries of samples: the 5th, 50th and 95th percentiles by selection (one copy of the
 * samples, then quickselect: linear time, where a sort of every output cost most of a run),
 * and the mean.
 */

/** The median, the 90% interval and the mean of an uncertain value, in base units. */
export interface Summary {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
  readonly samples: number;
}

/** Summarises samples (the input is not changed: one copy is reordered). */
export function summarize(samples: Float64Array): Summary {
  const a = samples.slice();
  const n = a.length;
  const last = n - 1;
  // The median first, over everything; then the 5th percentile left of it and the 95th right of
  // it. Each quantile interpolates between the order statistics at floor(h) and floor(h) + 1.
  const h50 = last * 0.5;
  const i50 = Math.floor(h50);
  const v50 = select(a, i50, 0, last);
  const next50 = i50 < last ? minOf(a, i50 + 1, last) : v50;
  const p50 = between(v50, next50, h50 - i50);
  const h5 = last * 0.05;
  const i5 = Math.floor(h5);
  const v5 = select(a, i5, 0, i50);
  const p5 = between(v5, i5 < i50 ? minOf(a, i5 + 1, i50) : next50, h5 - i5);
  const h95 = last * 0.95;
  const i95 = Math.floor(h95);
  const v95 = select(a, i95, i50, last);
  const p95 = between(v95, i95 < last ? minOf(a, i95 + 1, last) : v95, h95 - i95);
  return { p5, p50, p95, mean: mean(samples), samples: n };
}

/** The q-quantile of sorted samples, interpolating between neighbours (type 7, as numpy's default). */
export function quantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 1) return sorted[0]!;
  const h = (n - 1) * q;
  const i = Math.floor(h);
  return between(sorted[i]!, sorted[Math.min(i + 1, n - 1)]!, h - i);
}

function between(lo: number, hi: number, t: number): number {
  return lo === hi || t === 0 ? lo : lo + t * (hi - lo);
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

function minOf(a: Float64Array, from: number, to: number): number {
  let m = a[from]!;
  for (let i = from + 1; i <= to; i++) if (a[i]! < m) m = a[i]!;
  return m;
}

/**
 * Reorders a[lo..hi] so that a[k] is its k-th smallest element, everything before it no larger
 * and everything after it no smaller (Hoare's quickselect, median-of-three pivot). Returns a[k].
 */
export function select(a: Float64Array, k: number, lo: number, hi: number): number {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  // A short run: insertion sort.
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= lo && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
  return a[k]!;
}
