/**
 * `estimate <template>` with what-if flags (--sensitivity, --sweep, --grow, --solve, --compare,
 * --hist) or `--format html`: the template is loaded and compiled once, each analysis runs on
 * the one evaluator, and the views are rendered in the chosen format (docs/analysis.md).
 */
import { type Analysis } from '../../analysis/analysis.js';
import { diff } from '../../analysis/diff.js';
import { Evaluator, inputNamed, outputsNamed } from '../../analysis/evaluator.js';
import { accumulatedQuantities, growth, parseGrowth, type Period } from '../../analysis/growth.js';
import { histograms } from '../../analysis/histogram.js';
import { sensitivity } from '../../analysis/sensitivity.js';
import { solve } from '../../analysis/solve.js';
import { parseCondition, parseSweep } from '../../analysis/specs.js';
import { grid, sweep } from '../../analysis/sweep.js';
import { EstimateError } from '../../diagnostics/error.js';
import { sanitize } from '../../diagnostics/sanitize.js';
import { evaluate, type Results } from '../../model/evaluate.js';
import { type Model } from '../../model/model.js';
import { resolveOverrides } from '../../model/overrides.js';
import { analysisView, type AnalysisView } from '../../render/analysis-view.js';
import { type FormatName, outputFormat } from '../../render/formats.js';
import { buildReport } from '../../render/report.js';
import { type Io } from '../io.js';
import { type AnalysisFlags, type EstimateOptions, type RootContext, wantsAnalysis } from '../options.js';
import { checkOutputPath, writeAtomically } from '../write-output.js';
import { chosenFormat, loadModel } from './estimate.js';
import { samplingOptions } from './sampling.js';

/** Throws E0966 when a what-if flag comes with -i or --samples-out, which would ignore it. */
export function refuseAnalysisWith(opts: EstimateOptions & AnalysisFlags): void {
  if (!wantsAnalysis(opts)) return;
  const flag = opts.interactive ? '--interactive' : `--samples-out ${opts.samplesOut ?? ''}`;
  throw new EstimateError('E0966', `${flag.split(' ')[0]} runs the plain estimate; the what-if flags do not combine with it`, { where: flag, help: ['run the analysis without it: the analysis is rendered in the chosen --format'] });
}

/** Runs the analyses asked for; returns the exit status. */
export async function runAnalyze(template: string, opts: EstimateOptions & AnalysisFlags, io: Io, context?: RootContext): Promise<number> {
  const format = chosenFormat(opts.format, opts.output);
  const sampling = samplingOptions(opts);
  checkCombination(opts);
  const { model, read } = loadModel(template, io, context);
  const outPath = opts.output ? checkOutputPath(opts.output, io.cwd, read) : undefined;
  const overrides = resolveOverrides(model, opts.set);
  // A plain estimate as a page (-o report.html) needs no evaluator: a quantity may hold a range there.
  const ev = wantsAnalysis(opts) ? new Evaluator(model, overrides, sampling) : undefined;
  const results = ev ? ev.results : evaluate(model, overrides, sampling);
  const views = ev ? runAll(model, ev, opts, io).map(analysisView) : [];
  const text = await render(format, model, results, views, opts, io);
  if (outPath) {
    writeAtomically(outPath, text);
    io.err(`wrote ${sanitize(outPath)}\n`);
  } else io.out(text);
  return 0;
}

function checkCombination(f: AnalysisFlags): void {
  const clash = (msg: string, where: string, help: string) => new EstimateError('E0966', msg, { where, help: [help] });
  if (f.years !== undefined && f.months !== undefined) throw clash('--years and --months both set the period', `--months ${f.months}`, 'give one of them');
  if (f.solve !== undefined && f.for === undefined) throw clash('--solve needs --for with the goal', `--solve ${f.solve}`, 'for example: --solve mau --for "write_servers <= 20"');
  if (f.for !== undefined && f.solve === undefined) throw clash('--for needs --solve with the input to move', `--for ${f.for}`, 'for example: --solve mau --for "write_servers <= 20"');
  if (f.swing !== undefined && f.sensitivity === undefined) throw clash('--swing belongs to --sensitivity', `--swing ${f.swing}`, 'for example: --sensitivity --swing 3');
  if (f.show !== undefined && !f.sweep?.length && !f.grow?.length) throw clash('--show picks the outputs of a sweep or a projection', `--show ${f.show}`, 'add --sweep or --grow, or name the outputs of --sensitivity directly');
  if ((f.sweep?.length ?? 0) > 2) throw clash('at most two --sweep flags (a grid)', `--sweep ${f.sweep![2]}`, 'sweep one input for rows, or two for a grid');
  const growthOnly = f.until !== undefined ? `--until ${f.until}` : f.years !== undefined ? `--years ${f.years}` : f.months !== undefined ? `--months ${f.months}` : f.accumulate?.length ? `--accumulate ${f.accumulate[0]}` : undefined;
  if (growthOnly !== undefined && !f.grow?.length) throw clash('--until, --years, --months and --accumulate belong to a growth projection', growthOnly, 'add --grow name=rate, such as --grow mau=40%/year');
}

function runAll(model: Model, ev: Evaluator, f: EstimateOptions & AnalysisFlags, io: Io): Analysis[] {
  const out: Analysis[] = [];
  const shown = (where: string) => outputsNamed(model, f.show ? [f.show] : [], where);
  if (f.sensitivity !== undefined) {
    const named = Array.isArray(f.sensitivity) ? f.sensitivity : [];
    if (model.inputs.length === 0) throw new EstimateError('E0967', `template \`${model.spec.name}\` has no inputs, so nothing can move its outputs`, { where: '--sensitivity', help: ['add inputs to the template, or run it without --sensitivity'] });
    out.push(sensitivity(ev, outputsNamed(model, named, `--sensitivity ${named.join(' ')}`.trim()), swingOf(f.swing)));
  }
  if (f.sweep?.length === 1) out.push(sweep(ev, parseSweep(model, f.sweep[0]!), shown(`--show ${f.show ?? ''}`)));
  if (f.sweep?.length === 2) out.push(grid(ev, parseSweep(model, f.sweep[0]!), parseSweep(model, f.sweep[1]!), shown(`--show ${f.show ?? ''}`)));
  if (f.grow?.length) {
    const period: Period = f.months !== undefined ? 'month' : 'year';
    const periods = f.months !== undefined ? count(f.months, '--months', 12 * 100) : f.years !== undefined ? count(f.years, '--years', 100) : undefined;
    const rates = f.grow.map((g) => parseGrowth(model, g, period));
    const until = f.until === undefined ? undefined : parseCondition(model, f.until, `--until ${f.until}`, ['>', '>=', '<', '<=']);
    const today = todayOf(io);
    out.push(growth(ev, rates, period, periods, shown(`--show ${f.show ?? ''}`), accumulatedQuantities(model, f.accumulate ?? []), until, today));
  }
  if (f.solve !== undefined && f.for !== undefined) {
    out.push(solve(ev, inputNamed(model, f.solve.trim(), `--solve ${f.solve}`), parseCondition(model, f.for, `--for ${f.for}`, ['=', '<=', '>=', '<', '>'])));
  }
  if (f.compare?.length) {
    const b = resolveOverridesFor(model, f.set, f.compare);
    out.push(diff({ label: 'base', model, results: ev.results }, { label: `with ${f.compare.join(', ')}`, model, results: evaluate(model, b, samplingOptions(f)) }));
  }
  if (f.hist) {
    if (!ev.results.sampled) throw new EstimateError('E0967', 'nothing in this run is uncertain, so there is no distribution to draw', { where: '--hist', help: ['add --ranges to use the template\'s ranges, or make an input uncertain: --set mau="200M to 400M"'] });
    out.push({ kind: 'histograms', histograms: histograms(model, ev.results), samples: ev.results.sampled.samples });
  }
  return out;
}

/** --compare uses --set's reading; an error points at --compare. */
/** The scenario of `--compare`: the run's `--set`, then the `--compare` values (each located as its own flag). */
function resolveOverridesFor(model: Model, set: readonly string[], compare: readonly string[]) {
  for (const a of compare) {
    if (a.indexOf('=') <= 0) throw new EstimateError('E0968', `--compare needs name=value, got \`${a}\``, { where: `--compare ${a}`, help: ['for example: --compare mau=600M --compare media_size=2MB'] });
  }
  return new Map([...resolveOverrides(model, set), ...resolveOverrides(model, compare, '--compare')]);
}

function swingOf(text: string | undefined): number {
  if (text === undefined) return 2;
  const v = Number(text.trim().replace(/^[x×*]/, ''));
  if (!Number.isFinite(v) || v <= 1 || v > 1e6) throw new EstimateError('E0904', `--swing must be a factor above 1, not \`${text}\``, { where: `--swing ${text}`, help: ['--swing 2 moves each point input from half to double; --swing 1.5 from ÷1.5 to ×1.5'] });
  return v;
}

function count(text: string, flag: string, max: number): number {
  const v = Number(text.trim());
  if (!Number.isInteger(v) || v < 1 || v > max) throw new EstimateError('E0963', `${flag} must be a whole number from 1 to ${max}, not \`${text}\``, { where: `${flag} ${text}`, help: ['for example: --years 5 or --months 18'] });
  return v;
}

/** Today, or ESTIMATE_TODAY (YYYY-MM-DD) for reproducible documents and tests. */
function todayOf(io: Io): Date {
  const t = io.env['ESTIMATE_TODAY'];
  if (t !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(t))) return new Date(`${t}T00:00:00Z`);
  return new Date();
}

async function render(format: FormatName, model: Model, results: Results, views: AnalysisView[], f: AnalysisFlags & EstimateOptions, io: Io): Promise<string> {
  const onlyHist = views.length > 0 && views.every((v) => v.kind === 'histograms');
  switch (format) {
    case 'table': {
      const { renderAnalysesText } = await import('../../render/analysis-text.js');
      const ascii = f.ascii === true || io.env['TERM'] === 'dumb';
      const pictures = renderAnalysesText(views, { columns: io.columns, ascii });
      if (!onlyHist) return pictures;
      return (await estimateText(format, model, results, f, io)) + '\n' + pictures;
    }
    case 'markdown': {
      const { renderAnalysesMarkdown } = await import('../../render/analysis-markdown.js');
      return renderAnalysesMarkdown(views, `${model.spec.title}: what-if`);
    }
    case 'json':
      return (await import('../../render/analysis-json.js')).renderAnalysesJson(views, model.spec.name);
    case 'csv':
      return (await import('../../render/analysis-csv.js')).renderAnalysesCsv(views);
    case 'html': {
      const { renderHtml } = await import('../../render/html.js');
      // The page shows every sampled output's distribution, asked for or not.
      const all = results.sampled && !views.some((v) => v.kind === 'histograms') ? [...views, analysisView({ kind: 'histograms', histograms: histograms(model, results), samples: results.sampled.samples })] : views;
      return renderHtml(buildReport(model, results, { steps: true }), all);
    }
  }
}

async function estimateText(format: FormatName, model: Model, results: Results, f: EstimateOptions, io: Io): Promise<string> {
  const r = await outputFormat(format).report();
  return r(buildReport(model, results, { steps: f.explain }), { columns: io.columns, explain: f.explain });
}
