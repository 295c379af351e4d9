/** `estimate diff A B`: two templates (or a template and its edited copy) side by side. */
import { diff } from '../../analysis/diff.js';
import { sanitize } from '../../diagnostics/sanitize.js';
import { evaluate } from '../../model/evaluate.js';
import { resolveOverrides } from '../../model/overrides.js';
import { analysisView } from '../../render/analysis-view.js';
import { type FormatName } from '../../render/formats.js';
import { type Io } from '../io.js';
import { checkOutputPath, writeAtomically } from '../write-output.js';
import { chosenFormat, loadModel } from './estimate.js';
import { samplingOptions } from './sampling.js';

/** Options of `estimate diff`. */
export interface DiffOptions {
  readonly format?: FormatName;
  readonly output?: string;
  readonly set: readonly string[];
  readonly ascii?: boolean;
  readonly ranges?: boolean;
  readonly samples?: string;
  readonly seed?: string;
}

/** Runs the diff; returns the exit status. */
export async function runDiff(a: string, b: string, opts: DiffOptions, io: Io): Promise<number> {
  const format = chosenFormat(opts.format, opts.output);
  const sampling = samplingOptions(opts);
  const left = loadModel(a, io);
  const right = loadModel(b, io);
  const outPath = opts.output ? checkOutputPath(opts.output, io.cwd, [...left.read, ...right.read]) : undefined;
  // --set applies to both sides where the input exists: the same change, compared.
  const setFor = (names: readonly string[]) => opts.set.filter((s) => names.includes(s.slice(0, Math.max(0, s.indexOf('='))).trim()));
  const ra = evaluate(left.model, resolveOverrides(left.model, setFor(left.model.inputs.map((i) => i.name))), sampling);
  const rb = evaluate(right.model, resolveOverrides(right.model, setFor(right.model.inputs.map((i) => i.name))), sampling);
  const same = a === b || left.model.spec.name === right.model.spec.name;
  // Two templates of one name (a built-in and an edited copy) are labelled as typed.
  const labelA = same ? a : left.model.spec.name;
  const labelB = same ? (a === b ? `${b} (B)` : b) : right.model.spec.name;
  const view = analysisView(diff({ label: labelA, model: left.model, results: ra }, { label: labelB, model: right.model, results: rb }));
  let text: string;
  switch (format) {
    case 'table':
      text = (await import('../../render/analysis-text.js')).renderAnalysesText([view], { columns: io.columns, ascii: opts.ascii === true || io.env['TERM'] === 'dumb' });
      break;
    case 'markdown':
      text = (await import('../../render/analysis-markdown.js')).renderAnalysesMarkdown([view], `${left.model.spec.title}: scenario diff`);
      break;
    case 'json':
      text = (await import('../../render/analysis-json.js')).renderAnalysesJson([view], left.model.spec.name);
      break;
    case 'csv':
      text = (await import('../../render/analysis-csv.js')).renderAnalysesCsv([view]);
      break;
    case 'html': {
      const { renderHtml } = await import('../../render/html.js');
      const { buildReport } = await import('../../render/report.js');
      text = renderHtml(buildReport(right.model, rb, { steps: true }), [view]);
      break;
    }
  }
  if (outPath) {
    writeAtomically(outPath, text);
    io.err(`wrote ${sanitize(outPath)}\n`);
  } else io.out(text);
  return 0;
}
