// The Monte Carlo reference model: twitter (templates/twitter.yaml, "System Design Interview"
// ch. 2.4) with four inputs as 90% ranges. One definition, used by the Squiggle cross-check test
// (test/eval/squiggle-check.test.ts), the Monte Carlo bench (bench/monte-carlo.js) and the
// reference script (bench/squiggle-reference.js), so the three cannot drift apart.
//
// DAU is ranged through `mau` (daily_active_ratio stays the template's exact 50%): `--set` can
// only change inputs, and dau = mau × daily_active_ratio is a quantity. Every range is centred
// (geometrically) on the template default, so each p50 lands near the book's figure.
import { run } from '@quri/squiggle-lang';

/** Seconds in a day and in a year (the template's convention: year = 365 days). */
export const DAY = 86_400;
export const YEAR = 365 * DAY;

/**
 * The four ranged inputs: 5th and 95th percentiles in base units (user, tweet/user/s, ratio,
 * B/tweet), and the text given to `--set` (a bare range takes the input's unit, as bare numbers do).
 */
export const RANGES = {
  mau: { low: 200e6, high: 450e6, set: '200M to 450M' },
  tweets_per_user: { low: 1 / DAY, high: 4 / DAY, set: '1 to 4' },
  media_ratio: { low: 0.05, high: 0.2, set: '5% to 20%' },
  media_size: { low: 0.5e6, high: 2e6, set: '0.5 to 2' },
};

/** The template's exact inputs that the four outputs use, in base units. */
export const EXACT = { daily_active_ratio: 0.5, peak_factor: 2, retention: 5 * YEAR };

const ALL = ['mau', 'tweets_per_user', 'media_ratio', 'media_size'];

/**
 * The checked outputs: the base unit of the JSON `si` field, the template's display unit and its
 * size in base units, the exact factor of the formula, and the ranged inputs it multiplies.
 */
export const OUTPUTS = {
  tweet_qps: { base: 'tweet/s', unit: 'tweet/s', perUnit: 1, factor: EXACT.daily_active_ratio, inputs: ['mau', 'tweets_per_user'] },
  peak_tweet_qps: { base: 'tweet/s', unit: 'tweet/s', perUnit: 1, factor: EXACT.daily_active_ratio * EXACT.peak_factor, inputs: ['mau', 'tweets_per_user'] },
  media_per_day: { base: 'B/s', unit: 'TB/day', perUnit: 1e12 / DAY, factor: EXACT.daily_active_ratio, inputs: ALL },
  media_storage: { base: 'B', unit: 'PB', perUnit: 1e15, factor: EXACT.daily_active_ratio * EXACT.retention, inputs: ALL },
};

/** The 95th percentile of the standard normal: `a to b` puts a and b at mu ∓ Z95·sigma in log space. */
export const Z95 = 1.6448536269514722;

/** `estimate` arguments for the same model: `twitter --set ... --samples N --seed S --format json`. */
export function cliArgs(samples, seed = 1) {
  const sets = Object.entries(RANGES).flatMap(([name, r]) => ['--set', `${name}=${r.set}`]);
  return ['twitter', ...sets, '--samples', String(samples), '--seed', String(seed), '--format', 'json'];
}

/**
 * The model in Squiggle, in base units (tweet/s, B/s, B), each line the template's formula.
 * `quantiles` adds a final dictionary of p5, p50, p95 and mean per output (Squiggle's own `inv`:
 * linear interpolation in the sorted samples); without it the program ends at the last output.
 */
export function squiggleCode({ quantiles = true } = {}) {
  const r = RANGES;
  const lines = [
    `mau = ${r.mau.low} to ${r.mau.high}`,
    `daily_active_ratio = ${EXACT.daily_active_ratio}`,
    `tweets_per_user = (${r.tweets_per_user.low * DAY} to ${r.tweets_per_user.high * DAY}) / ${DAY}`,
    `media_ratio = ${r.media_ratio.low} to ${r.media_ratio.high}`,
    `media_size = ${r.media_size.low} to ${r.media_size.high}`,
    `peak_factor = ${EXACT.peak_factor}`,
    `retention = ${EXACT.retention}`,
    'dau = mau * daily_active_ratio',
    'tweet_qps = dau * tweets_per_user',
    'peak_tweet_qps = tweet_qps * peak_factor',
    'media_per_day = tweet_qps * media_ratio * media_size',
    'media_storage = media_per_day * retention',
  ];
  if (!quantiles) return [...lines, 'media_storage'].join('\n');
  const dict = Object.keys(OUTPUTS).map((o) => `${o}: {p5: inv(${o}, 0.05), p50: inv(${o}, 0.5), p95: inv(${o}, 0.95), mean: mean(${o})}`);
  return [...lines, `{${dict.join(', ')}}`].join('\n');
}

/** Squiggle's environment for a run: N samples, a fixed seed. */
export function squiggleEnvironment(samples, seed = 'estimate') {
  return { sampleCount: samples, xyPointLength: 1000, seed };
}

/** Runs the model in Squiggle; returns p5, p50, p95 and mean of each output, in base units. */
export async function squiggleQuantiles(samples, seed = 'estimate') {
  const out = await run(squiggleCode(), { environment: squiggleEnvironment(samples, seed) });
  if (!out.result.ok) throw new Error(`Squiggle failed: ${out.result.value.toString()}`);
  const dict = out.result.value.result.value; // SqDict of SqDicts of SqNumberValues
  const number = (o, k) => {
    const v = dict.get(o)?.value.get(k)?.value;
    if (typeof v !== 'number') throw new Error(`Squiggle gave no number for ${o}.${k}`);
    return v;
  };
  return Object.fromEntries(
    Object.keys(OUTPUTS).map((o) => [o, { p5: number(o, 'p5'), p50: number(o, 'p50'), p95: number(o, 'p95'), mean: number(o, 'mean') }]),
  );
}

/**
 * The exact percentiles of factor × X1 × ... × Xk for independent Xi = `low to high`: a product
 * of lognormals is lognormal, with the log-space means and variances added (the exact factor
 * adds its log to the mean).
 */
export function lognormalProduct(ranges, factor = 1) {
  let mu = Math.log(factor);
  let variance = 0;
  for (const { low, high } of ranges) {
    mu += (Math.log(low) + Math.log(high)) / 2;
    variance += ((Math.log(high) - Math.log(low)) / (2 * Z95)) ** 2;
  }
  const sigma = Math.sqrt(variance);
  const q = (z) => Math.exp(mu + z * sigma);
  return { mu, sigma, p5: q(-Z95), p50: q(0), p95: q(Z95), mean: Math.exp(mu + variance / 2) };
}

/** The exact percentiles of each output of the model. */
export function closedForm() {
  return Object.fromEntries(Object.entries(OUTPUTS).map(([o, { factor, inputs }]) => [o, lognormalProduct(inputs.map((name) => RANGES[name]), factor)]));
}
