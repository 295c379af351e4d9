/**
 * Interactive mode: choose a template, answer one question per input (read by the engine, with
 * the same rules as --set), see the tables, then export or save the answers as a template.
 * Answers only fill in the options that flags produce; nothing is written until the end, and
 * no existing file is replaced without asking.
 */
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { isatty, WriteStream } from 'node:tty';
import { basename, resolve } from 'node:path';
import { EstimateError, projectErrors } from '../../diagnostics/error.js';
import { sanitize } from '../../diagnostics/sanitize.js';
import { checkAnswer } from '../../model/evaluate.js';
import { type Model } from '../../model/model.js';
import { readAnswer, resolveOverrides } from '../../model/overrides.js';
import { extensionOf, formatNamed, formatOfPath, menuLabel, OUTPUT_FORMATS, outputFormat, type FormatName } from '../../render/formats.js';
import { parseTemplate } from '../../template/load.js';
import { builtinFolder, listTemplates, readTemplateFile } from '../../template/read-file.js';
import { withDefaults, type DerivedName } from '../../template/with-defaults.js';
import { type Io } from '../io.js';
import { type EstimateOptions } from '../options.js';
import { type Prompter } from '../prompts.js';
import { checkOutputPath, type ReadFile, writeAtomically } from '../write-output.js';
import { commandLineConventions } from '../../model/conventions.js';
import { emit, loadModel, renderEstimate } from './estimate.js';
import { samplingOptions } from './sampling.js';

/** The options of an interactive run, the format already chosen. */
export type InteractiveOptions = EstimateOptions & { readonly format: FormatName };

/**
 * Runs the interactive mode on the terminal. Questions need a person typing (standard input a
 * terminal) and a terminal to draw on: standard output, else standard error, else /dev/tty, so
 * the estimate itself may go to a file or a pipe (`estimate twitter -i > out.txt`).
 */
export async function runInteractive(template: string | undefined, opts: InteractiveOptions, io: Io): Promise<number> {
  const screen = io.stdinIsTTY && !io.stdoutIsTTY ? promptScreen() : undefined;
  if (!io.stdinIsTTY || (!io.stdoutIsTTY && !screen)) {
    throw new EstimateError('E0907', 'interactive mode needs a terminal', {
      where: '--interactive',
      help: ['give the answers as flags instead: --set name=value (see `estimate show <template>` for the inputs)'],
    });
  }
  const { terminalPrompter } = await import('../prompts.js');
  try {
    return await interview(template, opts, io, await terminalPrompter(screen?.stream));
  } finally {
    screen?.close();
  }
}

/**
 * /dev/tty as a stream that outlives each question: the prompt library ends its output stream
 * when a question is answered (standard error is exempt from that, an opened terminal is not),
 * and the next question must still be drawn.
 */
class LastingTerminal extends WriteStream {
  override end(...args: unknown[]): this {
    const done = args.find((a) => typeof a === 'function') as (() => void) | undefined;
    done?.();
    return this;
  }
}

/** Where the questions go when standard output is not a terminal: stderr, else /dev/tty. */
function promptScreen(): { stream: NodeJS.WritableStream; close: () => void } | undefined {
  if (process.stderr.isTTY) return { stream: process.stderr, close: () => undefined };
  let fd: number | undefined;
  try {
    fd = openSync('/dev/tty', 'w');
    if (!isatty(fd)) throw new Error('not a terminal');
    const stream = new LastingTerminal(fd);
    return { stream, close: () => stream.destroy() };
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
}

/** A file to write at the end. */
interface Save {
  readonly path: string;
  readonly text: () => Promise<string> | string;
}

/** The question flow, with any prompter (tests inject scripted answers). */
export async function interview(template: string | undefined, opts: InteractiveOptions, io: Io, ask: Prompter): Promise<number> {
  const name = template ?? (await chooseTemplate(io, ask));
  const { model, read } = loadModel(name, io, undefined, opts.prices, commandLineConventions(opts.convention));
  const answers = await askInputs(model, opts.set, ask);
  const overrides = resolveOverrides(model, [...opts.set, ...answers]);
  const outPath = opts.output ? checkOutputPath(opts.output, io.cwd, read) : undefined;
  const sampling = samplingOptions(opts);
  await emit(model, overrides, { format: opts.format, explain: opts.explain, outPath, sampling, ascii: opts.ascii === true }, io);
  if (outPath) return 0;

  const saves: Save[] = [];
  const exportAs = await ask.select('Export this estimate?', [{ value: 'none', name: 'No' }, ...OUTPUT_FORMATS.map((f) => ({ value: f.name, name: menuLabel(f) }))]);
  const format = formatNamed(exportAs);
  if (format) {
    const path = await askPath(ask, io, read, 'File name', `${model.spec.name}-estimate${format.extensions[0]}`, exportExtension(format.name), saves);
    saves.push({ path, text: () => renderEstimate(model, overrides, { format: format.name, explain: opts.explain, sampling }, io.columns) });
  }
  if (overrides.size > 0 && (await ask.confirm('Save these answers as a template you can re-run?', false))) {
    const path = await askPath(ask, io, read, 'Template file', `${model.spec.name}-custom.yaml`, yamlExtension, saves);
    // A range answer goes under the input's `range:` (used with --ranges); its default stays exact.
    const answered = [...overrides.values()];
    const defaults = new Map(answered.filter((o) => !o.value.uncertain).map((o) => [o.input.name, o.written]));
    const ranges = new Map(answered.filter((o) => o.value.uncertain).map((o) => [o.input.name, o.written]));
    const text = withDefaults(model.spec, defaults, derivedName(model, path), ranges);
    saves.push({ path, text: () => text });
  }
  for (const s of saves) {
    writeAtomically(checkOutputPath(s.path, io.cwd, read), await s.text());
    io.err(`wrote ${sanitize(s.path)}\n`);
  }
  return 0;
}

/** A file name's extension checked against what the file will hold: the name to use, or why not. */
type ExtensionRule = (path: string) => { path: string } | { problem: string };

/** An export keeps its format's extension: none is added, another format's is refused. */
function exportExtension(format: FormatName): ExtensionRule {
  const f = outputFormat(format);
  return (path) => {
    const ext = extensionOf(path);
    if (ext === undefined) return { path: path + f.extensions[0] };
    const implied = formatOfPath(path);
    if (implied && implied.name !== format) return { problem: `${ext} is for ${implied.title}; a ${f.title} file ends in ${f.extensions.join(' or ')}` };
    return { path };
  };
}

/** A template is a .yaml (or .yml) file: `.yaml` is added to a bare name, another extension refused. */
const yamlExtension: ExtensionRule = (path) => {
  const ext = extensionOf(path);
  if (ext === undefined) return { path: path + '.yaml' };
  if (ext === '.yaml' || ext === '.yml') return { path };
  return { problem: `a template file ends in .yaml, not ${ext}` };
};

/**
 * Asks for a file name until it is one that may be written: the folder exists, it is not the
 * template, its extension fits, and an existing file is replaced only when the user says so.
 */
async function askPath(ask: Prompter, io: Io, read: readonly ReadFile[], message: string, proposed: string, rule: ExtensionRule, taken: readonly Save[]): Promise<string> {
  for (;;) {
    const typed = (
      await ask.input(message, {
        default: proposed,
        // What the user typed comes back in the messages, escaped like every echo.
        validate: (p) => {
          const problem = fileNameProblem(p.trim(), io, read, rule, taken);
          return problem === undefined ? true : sanitize(problem);
        },
      })
    ).trim();
    const r = rule(typed);
    const path = 'path' in r ? r.path : typed;
    if (!existsSync(resolve(io.cwd, path))) return path;
    if (await ask.confirm(`${sanitize(path)} exists. Replace it?`, false)) return path;
    proposed = path;
  }
}

/** Why a typed file name cannot be used, or undefined when it can. */
function fileNameProblem(typed: string, io: Io, read: readonly ReadFile[], rule: ExtensionRule, taken: readonly Save[]): string | undefined {
  if (typed === '') return 'give a file name';
  if (/[/\\]$/.test(typed) || isFolder(resolve(io.cwd, typed))) return `${typed} is a folder; give a file name`;
  const r = rule(typed);
  if ('problem' in r) return r.problem;
  if (taken.some((s) => resolve(io.cwd, s.path) === resolve(io.cwd, r.path))) return `${r.path} is already chosen for the other file`;
  const problem = pathProblem(r.path, io, read);
  return problem === true ? undefined : problem;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The saved template's name (from its file name when that is a valid name) and title. */
function derivedName(model: Model, path: string): DerivedName {
  const stem = basename(path).replace(/\.ya?ml$/i, '');
  const name = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(stem) && stem !== model.spec.name ? stem : `${model.spec.name}-custom`;
  const title = model.spec.title.endsWith(' (custom)') ? model.spec.title : `${model.spec.title} (custom)`;
  return { name, title };
}

async function chooseTemplate(io: Io, ask: Prompter): Promise<string> {
  const choices = listTemplates(io.env).map((t) => {
    let title = '';
    try {
      title = parseTemplate(readTemplateFile(t.path, t.path), t.builtin ? { name: t.name, folder: builtinFolder() } : undefined).title;
    } catch {
      title = '(has errors)';
    }
    return { value: t.builtin ? t.name : t.path, name: `${t.name}  ${sanitize(title)}` };
  });
  return ask.select('Which estimate?', choices, true);
}

/** One question per input, in template order; returns `name=text` for each changed answer. */
async function askInputs(model: Model, preset: readonly string[], ask: Prompter): Promise<string[]> {
  const answers: string[] = [];
  for (const input of model.inputs) {
    const given = [...preset].reverse().find((s) => s.startsWith(input.name + '='));
    const shown = given ? given.slice(input.name.length + 1) : input.spec.default.text;
    const help = input.spec.help ? `\n  ${sanitize(input.spec.help)}` : '';
    const text = await ask.input(`${sanitize(input.spec.label)} (${input.name})${help}\n `, {
      default: shown,
      validate: (t) => {
        try {
          checkAnswer(input, readAnswer(input, t, model, `answer ${input.name}`).value);
          return true;
        } catch (e) {
          const err = projectErrors(e)?.[0];
          if (!err) throw e;
          return `${err.message}${err.details.help?.[0] ? ` (${err.details.help[0]})` : ''}`;
        }
      },
    });
    if (text.trim() !== input.spec.default.text.trim()) answers.push(`${input.name}=${readAnswer(input, text, model, `answer ${input.name}`).written}`);
  }
  return answers;
}

function pathProblem(path: string, io: Io, read: readonly ReadFile[]): true | string {
  try {
    checkOutputPath(path, io.cwd, read);
    return true;
  } catch (e) {
    return (e as Error).message;
  }
}
