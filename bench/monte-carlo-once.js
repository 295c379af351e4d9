// One Monte Carlo run of twitter with four ranged inputs, for the peak-memory row of
// `npm run bench` (run in a fresh process). Uses the public functions of the built engine.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { source } from '../dist/diagnostics/source.js';
import { buildModel } from '../dist/model/build.js';
import { evaluate } from '../dist/model/evaluate.js';
import { resolveOverrides } from '../dist/model/overrides.js';
import { parseTemplate } from '../dist/template/load.js';

/** The four ranged inputs of the Monte Carlo benchmark (the Squiggle cross-check uses the same). */
export const RANGES = ['mau=250M to 350M', 'tweets_per_user=1 to 4', 'media_ratio=5% to 20%', 'media_size=0.5 to 2'];

/** The twitter model and its overrides with the four ranges, built once. */
export function twitterWithRanges() {
  const text = readFileSync(fileURLToPath(new URL('../templates/twitter.yaml', import.meta.url)), 'utf8');
  const model = buildModel(parseTemplate(source('templates/twitter.yaml', text)));
  return { model, overrides: resolveOverrides(model, RANGES) };
}

/** Evaluates twitter with the four ranges at `samples` samples (and `seed`); returns the results. */
export function run(samples, seed) {
  const { model, overrides } = twitterWithRanges();
  return evaluate(model, overrides, { samples, ...(seed === undefined ? {} : { seed }) });
}
