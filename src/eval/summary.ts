/**
 * Summaries of samples: the 5th, 50th and 95th percentiles, exact order statistics of the
 * samples (interpolated as numpy's default), and the mean. A sort of every output cost most of a
 * run, so large sets are summarised in a few passes instead: a small subsample brackets each
 * percentile, a pass counts the samples below the bracket and keeps those inside it, and a
 * selection among those few gives the order statistics. Should a bracket miss (it should not, by many standard errors), quickselect on a
 * copy gives the same numbers.
 */
import { derivationOf } from './magnitude.js';

/** The median, the 90% interval and the mean of an uncertain value, in base units. */
export interface Summary {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
  readonly samples: number;
}

/** The percentiles summarised, with the numpy-default interpolation between order statistics. */
const QUANTILES = [0.05, 0.5, 0.95] as const;

/** Below this many samples the exact selection is cheap enough. */
const BRACKET_FROM = 4096;
/** The subsample that places the brackets. */
const SUBSAMPLE = 2048;

/** Summarises samples (the input is not changed). */
export function summarize(samples: Float64Array): Summary {
  const found = ordersOf(samples);
  return fromOrders(found.orders, samples.length, identity, found.sum, samples);
}

/**
 * A summariser for one evaluation: an array derived from another by a rising function
 * (magnitude.ts) takes its order statistics from its source's, selected once, and only sums its
 * own samples for the mean. The numbers are those `summarize` gives, bit for bit.
 */
export function summarizer(): (samples: Float64Array) => Summary {
  const bySource = new Map<Float64Array, Orders>();
  return (samples) => {
    const d = derivationOf(samples);
    const source = d?.source ?? samples;
    let found = bySource.get(source);
    if (!found) {
      found = ordersOf(source);
      bySource.set(source, found);
    }
    return d ? fromOrders(found.orders, samples.length, d.f, NaN, samples) : fromOrders(found.orders, samples.length, identity, found.sum, samples);
  };
}

/** The order statistics a summary interpolates between, and the sum of the samples (NaN: not taken). */
interface Orders {
  /** For p5, p50 and p95 in turn: the values at ranks floor(h) and floor(h) + 1 (the last rank at the end). */
  readonly orders: Float64Array;
  readonly sum: number;
}

const identity = (x: number): number => x;

/**
 * The summary from order statistics mapped through `f`; the mean from `sum`, else from the
 * samples. Percentiles add 0, which turns -0 into 0: -0 and 0 tie, so which of them a selection
 * meets first depends on the order of the samples, and a derived array's may differ from its own.
 */
function fromOrders(orders: Float64Array, n: number, f: (x: number) => number, sum: number, samples: Float64Array): Summary {
  const last = n - 1;
  const p = [0, 0, 0];
  for (let q = 0; q < 3; q++) {
    const h = last * QUANTILES[q]!;
    p[q] = between(f(orders[2 * q]!), f(orders[2 * q + 1]!), h - Math.floor(h)) + 0;
  }
  return { p5: p[0]!, p50: p[1]!, p95: p[2]!, mean: Number.isFinite(sum) ? sum / n : mean(samples), samples: n };
}

/** The order statistics, by the bracketed pass when it can, else by exact selection. */
function ordersOf(samples: Float64Array): Orders {
  if (samples.length >= BRACKET_FROM) {
    const found = bracketed(samples);
    if (found) return found;
  }
  return { orders: selected(samples), sum: NaN };
}

/**
 * The one-pass order statistics: undefined when a percentile's neighbours fell outside its bracket. The
 * subsample is every (n / SUBSAMPLE)-th sample: samples are independent draws, so it is a random
 * subsample; for any other data a miss only costs the exact fallback.
 */
function bracketed(samples: Float64Array): Orders | undefined {
  const n = samples.length;
  const sub = new Float64Array(SUBSAMPLE);
  for (let k = 0; k < SUBSAMPLE; k++) sub[k] = samples[Math.floor((k * n) / SUBSAMPLE)]!;
  // Bracket values by selection: a typed-array sort costs about 100 ns a value here.
  // Each bracket spans 4 standard deviations of the subsample rank either side (binomial), plus 2.
  const lo = new Float64Array(3);
  const hi = new Float64Array(3);
  const ranks: number[] = [];
  for (const p of QUANTILES) {
    const center = p * (SUBSAMPLE - 1);
    const margin = 4 * Math.sqrt(SUBSAMPLE * p * (1 - p)) + 2;
    ranks.push(Math.max(0, Math.floor(center - margin)), Math.min(SUBSAMPLE - 1, Math.ceil(center + margin)));
  }
  const at = selectAll(sub, ranks);
  for (let q = 0; q < 3; q++) {
    lo[q] = at[2 * q]!;
    hi[q] = at[2 * q + 1]!;
  }
  const rooms = QUANTILES.map((p) => Math.ceil((2 * n * (2 * (4 * Math.sqrt(SUBSAMPLE * p * (1 - p)) + 2) + 2)) / SUBSAMPLE) + 64);
  const bufs = rooms.map((r) => new Float64Array(r));
  const counts = new Float64Array(7); // below and inside for each bracket, then the sum
  if (!scan(samples, lo, hi, bufs[0]!, bufs[1]!, bufs[2]!, counts)) return undefined;
  const orders = new Float64Array(6);
  for (let q = 0; q < 3; q++) {
    if (!orderStatistics(bufs[q]!, counts[2 * q + 1]!, counts[2 * q]!, n, QUANTILES[q]!, orders, 2 * q)) return undefined;
  }
  return { orders, sum: counts[6]! };
}


/**
 * The one pass: for each bracket, counts the samples below it and keeps those inside it; also
 * sums the samples. False when a bracket overflows its buffer. (A function of its own, so the
 * optimising compiler sees the whole loop and its exit.)
 */
function scan(samples: Float64Array, lo: Float64Array, hi: Float64Array, b0: Float64Array, b1: Float64Array, b2: Float64Array, counts: Float64Array): boolean {
  const lo0 = lo[0]!;
  const hi0 = hi[0]!;
  const lo1 = lo[1]!;
  const hi1 = hi[1]!;
  const lo2 = lo[2]!;
  const hi2 = hi[2]!;
  const r0 = b0.length;
  const r1 = b1.length;
  const r2 = b2.length;
  let below0 = 0;
  let below1 = 0;
  let below2 = 0;
  let n0 = 0;
  let n1 = 0;
  let n2 = 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i]!;
    sum += x;
    // Counted without branching on the data: for the median a branch would mispredict half the
    // time. Only the rare samples inside a bracket take a branch.
    // Inside a bracket is "not below it, and not above it": 1 - 0, from the count's own
    // comparison, one rarely taken branch (two tests would make the median's a coin toss).
    const a0 = +(x < lo0);
    const a1 = +(x < lo1);
    const a2 = +(x < lo2);
    below0 += a0;
    below1 += a1;
    below2 += a2;
    if (+(x <= hi0) - a0) {
      if (n0 === r0) return false;
      b0[n0++] = x;
    }
    if (+(x <= hi1) - a1) {
      if (n1 === r1) return false;
      b1[n1++] = x;
    }
    if (+(x <= hi2) - a2) {
      if (n2 === r2) return false;
      b2[n2++] = x;
    }
  }
  counts[0] = below0;
  counts[1] = n0;
  counts[2] = below1;
  counts[3] = n1;
  counts[4] = below2;
  counts[5] = n2;
  counts[6] = sum;
  return true;
}

/** The percentile's two order statistics from the samples inside its bracket, into out[at], out[at + 1]; false when they are not both there. */
function orderStatistics(buf: Float64Array, count: number, below: number, n: number, p: number, out: Float64Array, to: number): boolean {
  const h = (n - 1) * p;
  const r = Math.floor(h);
  const next = Math.min(r + 1, n - 1);
  if (r < below || next >= below + count) return false;
  const at = select(buf, r - below, 0, count - 1);
  out[to] = at;
  out[to + 1] = next === r ? at : minOf(buf, r - below + 1, count - 1);
  return true;
}

/** The exact order statistics by quickselect on one copy. */
function selected(samples: Float64Array): Float64Array {
  const a = samples.slice();
  const n = a.length;
  const last = n - 1;
  // The median first, over everything; then the 5th percentile left of it and the 95th right of
  // it. Each quantile interpolates between the order statistics at floor(h) and floor(h) + 1.
  const i50 = Math.floor(last * 0.5);
  const v50 = select(a, i50, 0, last);
  const next50 = i50 < last ? minOf(a, i50 + 1, last) : v50;
  const i5 = Math.floor(last * 0.05);
  const v5 = select(a, i5, 0, i50);
  const next5 = i5 < i50 ? minOf(a, i5 + 1, i50) : next50;
  const i95 = Math.floor(last * 0.95);
  const v95 = select(a, i95, i50, last);
  const next95 = i95 < last ? minOf(a, i95 + 1, last) : v95;
  return Float64Array.of(v5, next5, v50, next50, v95, next95);
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
 * The values of ranks `ks` (ascending) in `a`, which is reordered: the middle rank is selected
 * first, then the lower ranks only left of it and the higher only right of it, so six ranks cost
 * little more than one selection over the whole array.
 */
function selectAll(a: Float64Array, ks: readonly number[]): number[] {
  const out = new Array<number>(ks.length).fill(0);
  const visit = (from: number, to: number, lo: number, hi: number): void => {
    if (from > to) return;
    const mid = (from + to) >>> 1;
    const k = ks[mid]!;
    out[mid] = select(a, k, lo, hi);
    visit(from, mid - 1, lo, k);
    visit(mid + 1, to, k, hi);
  };
  visit(0, ks.length - 1, 0, a.length - 1);
  return out;
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
