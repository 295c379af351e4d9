/** `estimate <template>`: load, check, override, evaluate, render; to stdout or a file. */
import { EstimateError } from '../../diagnostics/error.js';
import { buildModel } from '../../model/build.js';
import { evaluate } from '../../model/evaluate.js';
import { type Model } from '../../model/model.js';
import { resolveOverrides, type Override } from '../../model/overrides.js';
import { renderCsv } from '../../render/csv.js';
import { wantsAsciiBorders } from '../../render/borders.js';
import { tableWidth } from '../../render/grid.js';
import { renderJson } from '../../render/json.js';
import { renderMarkdown } from '../../render/markdown.js';
import { buildReport } from '../../render/report.js';
import { renderTable } from '../../render/table.js';
import { parseTemplate } from '../../template/load.js';
import { builtinFolder, findTemplate, looksLikePath, readTemplateFile, type TemplateRef } from '../../template/read-file.js';
import { type Io } from '../io.js';
import { type EstimateOptions } from '../program.js';
import { checkOutputPath, formatFromPath, writeAtomically } from '../write-output.js';

/** A loaded template and where it came from. */
export interface LoadedModel {
  readonly ref: TemplateRef;
  readonly model: Model;
}

/** Finds, reads, parses and builds a template. */
export function loadModel(arg: string, io: Io): LoadedModel {
  const ref = findTemplate(arg, io.env, io.cwd);
  const display = looksLikePath(arg) ? arg : ref.builtin ? `templates/${ref.name}.yaml` : ref.path;
  const spec = parseTemplate(readTemplateFile(ref.path, display), ref.builtin ? { name: ref.name, folder: builtinFolder() } : undefined);
  return { ref, model: buildModel(spec) };
}

/** Runs an estimate; returns the exit status. */
export async function runEstimate(template: string | undefined, opts: EstimateOptions, io: Io): Promise<number> {
  const format = opts.format ?? (opts.output ? formatFromPath(opts.output) : 'table');
  if (!format) {
    throw new EstimateError('E0904', `cannot tell the format of ${opts.output} from its extension`, {
      where: `--output ${opts.output}`,
      help: ['use .md, .json, .csv or .txt, or give --format'],
    });
  }
  if (opts.interactive || template === undefined) {
    const { runInteractive } = await import('./interactive.js');
    return runInteractive(template, { ...opts, format }, io);
  }
  const { ref, model } = loadModel(template, io);
  const outPath = opts.output ? checkOutputPath(opts.output, io.cwd, [ref.path]) : undefined;
  const overrides = resolveOverrides(model, opts.set);
  emit(model, overrides, { format, explain: opts.explain, outPath, ascii: opts.ascii }, io);
  return 0;
}

/** What to render and how. */
export interface RenderChoice {
  readonly format: 'table' | 'markdown' | 'json' | 'csv';
  readonly explain: boolean;
  /** Table borders in ASCII (--ascii); emit also turns it on for TERM=dumb. */
  readonly ascii?: boolean;
}

/** Evaluates the model and renders the whole estimate as text. */
export function renderEstimate(model: Model, overrides: ReadonlyMap<string, Override>, how: RenderChoice, columns: number): string {
  // A table shows the derivation only with --explain; the exports always carry it.
  const report = buildReport(model, evaluate(model, overrides), { steps: how.format !== 'table' || how.explain });
  switch (how.format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'csv':
      return renderCsv(report);
    case 'table':
      return renderTable(report, { columns: tableWidth(columns), explain: how.explain, ascii: how.ascii });
  }
}

/** Renders, then prints or writes the file: nothing is written unless everything succeeded. */
export function emit(model: Model, overrides: ReadonlyMap<string, Override>, how: RenderChoice & { outPath: string | undefined }, io: Io): void {
  const text = renderEstimate(model, overrides, { ...how, ascii: wantsAsciiBorders(how.ascii, io.env['TERM']) }, io.columns);
  if (how.outPath) {
    writeAtomically(how.outPath, text);
    io.err(`wrote ${how.outPath}\n`);
  } else {
    io.out(text);
  }
}
