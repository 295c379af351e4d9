/**
 * The distributions a value can be drawn from: `a to b` (a 90% interval) and the named ones,
 * `normal`, `uniform`, `triangular`. Parameters are exact numbers in base units; each
 * distribution checks them, then fills an array of samples from the seeded generator.
 */
import { EstimateError } from '../diagnostics/error.js';
import { type Span } from '../diagnostics/source.js';
import { type Random } from './random.js';

/** The standard normal's 95th percentile: a 90% interval spans ±Z95 standard deviations. */
export const Z95 = 1.6448536269514722;

/** A named distribution. */
export interface DistributionDef {
  readonly arity: number;
  readonly doc: string;
  /** Throws the project's error when the parameters make no distribution. */
  readonly check: (params: readonly number[], spans: readonly Span[], call: Span) => void;
  readonly sample: (params: readonly number[], n: number, rng: Random) => Float64Array;
}

/**
 * Samples of `low to high`, the 5th and 95th percentiles: lognormal when 0 < low < high, normal
 * otherwise, as Squiggle defines `to`. low = high gives that value in every sample.
 */
export function sampleRange(low: number, high: number, n: number, rng: Random): Float64Array {
  const out = new Float64Array(n);
  if (low > 0 && high > low) {
    const lo = Math.log(low);
    const hi = Math.log(high);
    return rng.fillLognormal(out, (lo + hi) / 2, (hi - lo) / (2 * Z95));
  }
  return rng.fillNormal(out, (low + high) / 2, (high - low) / (2 * Z95));
}

/** Throws E0620 when the high end of a range is below its low end. */
export function checkRange(low: number, high: number, lowSpan: Span, highSpan: Span, op: Span): void {
  if (high >= low) return;
  throw new EstimateError('E0620', 'the high end of a range is below its low end', {
    span: op,
    labels: [
      { span: lowSpan, text: 'low (5th percentile)' },
      { span: highSpan, text: 'high (95th percentile)' },
    ],
    help: [`write the smaller value first: \`${textOf(highSpan)} to ${textOf(lowSpan)}\``],
  });
}

const textOf = (s: Span): string => s.source.text.slice(s.start, s.end);

function badParameter(message: string, span: Span, help: string): EstimateError {
  return new EstimateError('E0620', message, { span, help: [help] });
}

/** Every named distribution (a Map: names never come from object properties). */
export const DISTRIBUTIONS: ReadonlyMap<string, DistributionDef> = new Map<string, DistributionDef>([
  [
    'normal',
    {
      arity: 2,
      doc: 'normal(mean, sd): a normal distribution; sd is not negative and has the dimension of mean',
      check: ([, sd], spans) => {
        if (sd! < 0) throw badParameter('the standard deviation of a normal distribution is negative', spans[1]!, 'write a standard deviation of 0 or more');
      },
      sample: ([mean, sd], n, rng) => rng.fillNormal(new Float64Array(n), mean!, sd!),
    },
  ],
  [
    'uniform',
    {
      arity: 2,
      doc: 'uniform(low, high): every value between low and high equally likely',
      check: ([low, high], spans, call) => {
        if (high! < low!) throw badParameter('the high end of a uniform distribution is below its low end', spans[1] ?? call, 'write uniform(low, high) with low ≤ high');
      },
      sample: ([low, high], n, rng) => rng.fillUniform(new Float64Array(n), low!, high!),
    },
  ],
  [
    'triangular',
    {
      arity: 3,
      doc: 'triangular(low, mode, high): most likely at mode, never outside low and high',
      check: ([low, mode, high], spans, call) => {
        if (!(low! <= mode! && mode! <= high!)) throw badParameter('a triangular distribution needs low ≤ mode ≤ high', spans[1] ?? call, 'write triangular(low, most likely, high)');
      },
      sample: ([low, mode, high], n, rng) => {
        const out = new Float64Array(n);
        const a = low!;
        const c = mode!;
        const b = high!;
        const w = b - a;
        const split = w === 0 ? 0 : (c - a) / w;
        // The inverse of the cumulative distribution, on each side of the mode, written as
        // w * sqrt(...) so tiny widths do not underflow; clamped against rounding at the ends.
        for (let i = 0; i < n; i++) {
          const u = rng.float();
          const x = u < split ? a + w * Math.sqrt(u * split) : b - w * Math.sqrt((1 - u) * (1 - split));
          out[i] = x < a ? a : x > b ? b : x;
        }
        return out;
      },
    },
  ],
]);
