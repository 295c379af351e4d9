/**
 * Interactive mode: choose a template, answer one question per input (read by the engine, with
 * the same rules as --set), see the tables, then export or save the answers as a template.
 * Answers only fill in the options that flags produce; nothing is written until the end.
 */
import { EstimateError, projectErrors } from '../../diagnostics/error.js';
import { sanitize } from '../../diagnostics/sanitize.js';
import { checkBounds } from '../../model/evaluate.js';
import { type Model } from '../../model/model.js';
import { overrideValue, resolveOverrides, withUnit, type Override } from '../../model/overrides.js';
import { parseTemplate } from '../../template/load.js';
import { builtinFolder, listTemplates, readTemplateFile } from '../../template/read-file.js';
import { type Io } from '../io.js';
import { type EstimateOptions } from '../program.js';
import { type Prompter } from '../prompts.js';
import { checkOutputPath, writeAtomically } from '../write-output.js';
import { emit, loadModel, renderEstimate } from './estimate.js';

type Format = 'table' | 'markdown' | 'json' | 'csv';

/** Runs the interactive mode on the terminal; exits 2 without one. */
export async function runInteractive(template: string | undefined, opts: EstimateOptions & { format: Format }, io: Io): Promise<number> {
  if (!io.stdinIsTTY || !io.stdoutIsTTY) {
    throw new EstimateError('E0907', 'interactive mode needs a terminal', {
      where: '--interactive',
      help: ['give the answers as flags instead: --set name=value (see `estimate show <template>` for the inputs)'],
    });
  }
  const { terminalPrompter } = await import('../prompts.js');
  return interview(template, opts, io, await terminalPrompter());
}

/** The question flow, with any prompter (tests inject scripted answers). */
export async function interview(template: string | undefined, opts: EstimateOptions & { format: Format }, io: Io, ask: Prompter): Promise<number> {
  const name = template ?? (await chooseTemplate(io, ask));
  const { ref, model } = loadModel(name, io);
  const answers = await askInputs(model, opts.set, ask);
  const set = [...opts.set, ...answers];
  const overrides = resolveOverrides(model, set);
  const outPath = opts.output ? checkOutputPath(opts.output, io.cwd, [ref.path]) : undefined;
  emit(model, overrides, { format: opts.format, explain: opts.explain, outPath, ascii: opts.ascii }, io);
  if (outPath) return 0;

  const exportAs = await ask.select('Export this estimate?', [
    { value: 'none', name: 'No' },
    { value: 'markdown', name: 'Markdown (.md)' },
    { value: 'json', name: 'JSON (.json)' },
  ]);
  const saves: { path: string; text: () => string }[] = [];
  if (exportAs === 'markdown' || exportAs === 'json') {
    const path = await ask.input('File name', { default: `${model.spec.name}-estimate.${exportAs === 'markdown' ? 'md' : 'json'}`, validate: (p) => pathProblem(p, io, ref.path) });
    saves.push({ path, text: () => renderEstimate(model, overrides, { format: exportAs, explain: opts.explain }, io.columns) });
  }
  if (answers.length > 0 && (await ask.confirm('Save these answers as a template you can re-run?', false))) {
    const path = await ask.input('Template file', { default: `${model.spec.name}-custom.yaml`, validate: (p) => pathProblem(p, io, ref.path) });
    saves.push({ path, text: () => withDefaults(model, overrides) });
  }
  for (const s of saves) {
    writeAtomically(checkOutputPath(s.path, io.cwd, [ref.path]), s.text());
    io.err(`wrote ${s.path}\n`);
  }
  return 0;
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
          checkBounds(input, overrideValue(input, t, model, `answer ${input.name}`).run([]));
          return true;
        } catch (e) {
          const err = projectErrors(e)?.[0];
          if (!err) throw e;
          return `${err.message}${err.details.help?.[0] ? ` (${err.details.help[0]})` : ''}`;
        }
      },
    });
    if (text.trim() !== input.spec.default.text.trim()) answers.push(`${input.name}=${withUnit(input, text, model)}`);
  }
  return answers;
}

function pathProblem(path: string, io: Io, templatePath: string): true | string {
  try {
    checkOutputPath(path, io.cwd, [templatePath]);
    return true;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The template's text with each overridden input's default replaced by its value as given. */
function withDefaults(model: Model, overrides: ReadonlyMap<string, Override>): string {
  const text = model.spec.file.text;
  const edits = [...overrides.values()]
    .map((o) => ({ span: o.input.spec.default.span, value: JSON.stringify(o.text.trim()) }))
    .sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of edits) {
    const { start, end } = e.span;
    const quoted = /^["']/.test(text.slice(start - 1, start)) ? 1 : 0;
    out = out.slice(0, start - quoted) + e.value + out.slice(end + quoted);
  }
  return out;
}
