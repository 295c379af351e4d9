/** `estimate <template>`: load, check, override, evaluate, render; to stdout or a file. */
import { EstimateError, projectErrors } from '../../diagnostics/error.js';
import { sanitize } from '../../diagnostics/sanitize.js';
import { suggest } from '../../diagnostics/suggest.js';
import { buildModel } from '../../model/build.js';
import { commandLineConventions } from '../../model/conventions.js';
import { type ConventionEntry } from '../../units/conventions.js';
import { evaluate, type EvaluateOptions, type Results } from '../../model/evaluate.js';
import { type Model } from '../../model/model.js';
import { resolveOverrides, type Override } from '../../model/overrides.js';
import { formatOfPath, knownExtensions, outputFormat, type FormatName } from '../../render/formats.js';
import { renderSamplesCsv } from '../../render/samples-csv.js';
import { wantsAsciiBorders } from '../../render/borders.js';
import { buildReport } from '../../render/report.js';
import { parseTemplate } from '../../template/load.js';
import { readPrices } from '../../prices/file.js';
import { resolve } from 'node:path';
import { builtinFolder, findTemplate, listTemplates, looksLikePath, readTemplateFile, type TemplateRef } from '../../template/read-file.js';
import { verboseNotes, type Io } from '../io.js';
import { type EstimateOptions, quotedArg, type RootContext } from '../options.js';
import { checkOutputPath, isStreamTarget, type ReadFile, writeAtomically } from '../write-output.js';
import { digitsOption } from './digits.js';
import { samplingOptions } from './sampling.js';

/** A loaded template and where it came from. */
export interface LoadedModel {
  readonly ref: TemplateRef;
  readonly model: Model;
  /** Every file the run read (the template, its sub-models, a prices file): `-o` may overwrite none. */
  readonly read: readonly ReadFile[];
}

/** Finds, reads, parses and builds a template; an unknown name is also checked against the commands. */
export function loadModel(arg: string, io: Io, context: RootContext = { commands: [] }, pricesFile?: string, conventions: readonly ConventionEntry[] = []): LoadedModel {
  const ref = findOrSuggest(arg, io, context.commands);
  const display = looksLikePath(arg) ? arg : ref.builtin ? `templates/${ref.name}.yaml` : ref.path;
  const spec = parseTemplate(readTemplateFile(ref.path, display), ref.builtin ? { name: ref.name, folder: builtinFolder() } : undefined);
  const prices = pricesFile === undefined ? undefined : readPrices(readTemplateFile(resolve(io.cwd, pricesFile), pricesFile));
  const read: ReadFile[] = [{ path: ref.path, what: 'the template' }];
  if (pricesFile !== undefined) read.push({ path: resolve(io.cwd, pricesFile), what: 'the prices file' });
  const model = buildModel(spec, { path: ref.path, conventions, ...(prices ? { prices } : {}), filesRead: (path) => read.push({ path, what: 'a sub-model template' }) });
  return { ref, model, read };
}

/**
 * The root takes a template name, so a mistyped command (`estimate lst`) arrives here as an
 * unknown template: the did-you-mean looks at the commands and the templates together.
 */
function findOrSuggest(arg: string, io: Io, commands: readonly string[]): TemplateRef {
  try {
    return findTemplate(arg, io.env, io.cwd, verboseNotes(io));
  } catch (e) {
    const err = projectErrors(e)?.[0];
    if (!err || err.code !== 'E0901' || commands.length === 0 || looksLikePath(arg)) throw e;
    const templates = listTemplates(io.env).map((t) => t.name);
    const close = suggest(arg, [...commands, ...templates]);
    const kind = (c: string) => (commands.includes(c) ? 'command' : 'template');
    throw new EstimateError('E0901', `unknown template or command ${quotedArg(arg)}${close.length ? `; did you mean \`${close[0]}\`?` : ''}`, {
      where: 'command line',
      help: [
        ...(close.length > 1 ? [`or the ${close.slice(1).map((c) => `${kind(c)} \`${c}\``).join(', ')}`] : []),
        // What the lookup itself said: the templates there are, and a file of that name that
        // was skipped and why.
        ...(err.details.help ?? []),
        `the commands are ${commands.join(', ')}`,
      ],
    });
  }
}

/** The format asked for, else the one the output file's extension implies, else table. */
export function chosenFormat(format: FormatName | undefined, output: string | undefined): FormatName {
  if (format) return format;
  if (output === undefined || output === '-') return 'table';
  const f = formatOfPath(output);
  if (!f && isStreamTarget(output)) return 'table';
  if (!f) {
    throw new EstimateError('E0904', `cannot tell the format of ${output} from its extension`, {
      where: `--output ${output}`,
      help: [`use ${knownExtensions().join(', ')}, or give --format`],
    });
  }
  return f.name;
}

/** Runs an estimate; returns the exit status. */
export async function runEstimate(template: string | undefined, opts: EstimateOptions, io: Io, context?: RootContext): Promise<number> {
  const format = chosenFormat(opts.format, opts.output);
  if (opts.interactive || template === undefined) {
    const { runInteractive } = await import('./interactive.js');
    return runInteractive(template, { ...opts, format }, io);
  }
  const sampling = samplingOptions(opts);
  const digits = digitsOption(opts.digits);
  const { model, read } = loadModel(template, io, context, opts.prices, commandLineConventions(opts.convention));
  const outPath = opts.output ? checkOutputPath(opts.output, io.cwd, read) : undefined;
  const samplesOut = opts.samplesOut ? checkOutputPath(opts.samplesOut, io.cwd, [...read, ...(outPath ? [{ path: outPath, what: 'the --output file' }] : [])], '--samples-out') : undefined;
  const overrides = resolveOverrides(model, opts.set);
  await emit(model, overrides, { format, explain: opts.explain, outPath, sampling, samplesOut, ascii: opts.ascii === true, napkin: opts.napkin === true, ...(digits !== undefined ? { digits } : {}) }, io);
  return 0;
}

/** What to render and how. */
export interface RenderChoice {
  readonly format: FormatName;
  readonly explain: boolean;
  /** --ranges, --samples, --seed (exact defaults when absent). */
  readonly sampling?: EvaluateOptions;
  /** Table borders in ASCII (--ascii); emit also turns it on for TERM=dumb. */
  readonly ascii?: boolean;
  /** --digits: significant digits of every shown number. */
  readonly digits?: number;
  /** --napkin: add the whiteboard form of every result. */
  readonly napkin?: boolean;
}

/** Evaluates the model and renders the whole estimate as text. */
export async function renderEstimate(model: Model, overrides: ReadonlyMap<string, Override>, how: RenderChoice, columns: number): Promise<string> {
  return renderResults(model, evaluate(model, overrides, how.sampling), how, columns);
}

/** Renders one evaluation's results in the chosen format. */
async function renderResults(model: Model, results: Results, how: RenderChoice, columns: number): Promise<string> {
  // A table shows the derivation only with --explain; the exports always carry it.
  const report = buildReport(model, results, { steps: how.format !== 'table' || how.explain, ...(how.digits !== undefined ? { digits: how.digits } : {}), napkin: how.napkin === true });
  const render = await outputFormat(how.format).report();
  return render(report, { columns, explain: how.explain, ascii: how.ascii === true });
}

/** Renders, then prints or writes the files: nothing is written unless everything succeeded. */
export async function emit(model: Model, overrides: ReadonlyMap<string, Override>, how: RenderChoice & { outPath: string | undefined; samplesOut?: string | undefined }, io: Io): Promise<void> {
  const results = evaluate(model, overrides, how.sampling);
  const text = await renderResults(model, results, { ...how, ascii: wantsAsciiBorders(how.ascii, io.env['TERM']) }, io.columns);
  let samplesText: string | undefined;
  if (how.samplesOut) {
    if (!results.sampled) {
      throw new EstimateError('E0904', 'nothing in this run is uncertain, so there are no samples to write', {
        where: `--samples-out ${how.samplesOut}`,
        help: ['add --ranges to use the template\'s ranges, or make an input uncertain: --set mau="200M to 400M"'],
      });
    }
    samplesText = renderSamplesCsv(model, results);
  }
  // Everything is rendered before anything is written.
  if (how.samplesOut && samplesText !== undefined) {
    writeAtomically(how.samplesOut, samplesText, how.samplesOut, '--samples-out');
    io.err(`wrote ${sanitize(how.samplesOut)}\n`);
  }
  if (how.outPath) {
    writeAtomically(how.outPath, text);
    io.err(`wrote ${sanitize(how.outPath)}\n`);
  } else {
    io.out(text);
  }
}
