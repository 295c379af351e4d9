// What-if analyses (issue 14), side by side with plain evaluations in the same run: the
// template is loaded and compiled once per analysis, so a point costs less than one plain
// `evaluate` with that --set. `node bench/analysis.js` runs these rows alone.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { source } from '../dist/diagnostics/source.js';
import { parseTemplate } from '../dist/template/load.js';
import { buildModel } from '../dist/model/build.js';
import { evaluate } from '../dist/model/evaluate.js';
import { resolveOverrides } from '../dist/model/overrides.js';
import { Evaluator, outputsNamed } from '../dist/analysis/evaluator.js';
import { parseSweep } from '../dist/analysis/specs.js';
import { sweep } from '../dist/analysis/sweep.js';
import { sensitivity } from '../dist/analysis/sensitivity.js';
import { summary } from './stats.js';

const TWITTER = fileURLToPath(new URL('../templates/twitter.yaml', import.meta.url));

/** Median time of f over alternating rounds with g: both see the same load. */
function sideBySide(f, g, rounds = 41) {
  for (let i = 0; i < 20; i++) {
    f();
    g();
  }
  const a = [];
  const b = [];
  for (let i = 0; i < rounds; i++) {
    let t0 = performance.now();
    f();
    a.push(performance.now() - t0);
    t0 = performance.now();
    g();
    b.push(performance.now() - t0);
  }
  return [summary(a), summary(b), summary(a.map((x, i) => x / b[i]))];
}

/** The rows [suite, measure, result, comparison]. */
export function analysisRows() {
  const model = buildModel(parseTemplate(source('templates/twitter.yaml', readFileSync(TWITTER, 'utf8'))));
  const rows = [];
  // A 100-point sweep of mau: the analysis (one evaluator, 100 points) against 100 plain
  // evaluations, each with its own --set mau=... resolved and evaluated.
  const values = Array.from({ length: 100 }, (_, k) => `${100 + 10 * k}M`);
  const plainSweep = () => {
    for (const v of values) evaluate(model, resolveOverrides(model, [`mau=${v}`]));
  };
  const analysisSweep = () => sweep(new Evaluator(model, new Map()), parseSweep(model, 'mau=100M..1090M:100'), outputsNamed(model, [], ''));
  const [s, p, r] = sideBySide(analysisSweep, plainSweep);
  rows.push(['What-if', 'sweep of twitter, 100 points (analysis)', `${((s.median / 100) * 1000).toFixed(1)} µs a point`, `${r.median.toFixed(2)}x one plain evaluation a point (target <= 1.5x)`]);
  rows.push(['What-if', 'twitter, 100 plain evaluations with --set mau', `${((p.median / 100) * 1000).toFixed(1)} µs each`, '1.00x']);
  // A tornado over twitter's 12 inputs: 24 moved points plus the base, against 25 plain evaluations.
  const sets = model.inputs.flatMap((i) => [`${i.name}=${i.spec.default.text}`, `${i.name}=${i.spec.default.text}`]);
  const plainTornado = () => {
    evaluate(model);
    for (const s of sets) evaluate(model, resolveOverrides(model, [s]));
  };
  const analysisTornado = () => sensitivity(new Evaluator(model, new Map()), model.quantities);
  const points = 2 * model.inputs.length + 1;
  const [t, q, r2] = sideBySide(analysisTornado, plainTornado);
  rows.push(['What-if', `tornado of twitter, ${model.inputs.length} inputs, every output (analysis)`, `${((t.median / points) * 1000).toFixed(1)} µs a point`, `${r2.median.toFixed(2)}x one plain evaluation a point (target <= 1.5x)`]);
  rows.push(['What-if', `twitter, ${points} plain evaluations with one --set each`, `${((q.median / points) * 1000).toFixed(1)} µs each`, '1.00x']);
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of analysisRows()) console.log(`| ${r.join(' | ')} |`);
}
