/**
 * What `estimate __complete SHELL WORDS...` answers: the candidates for the last word of a
 * command line, read from the program's own definition (commands, options) and registries
 * (templates, formats, reference cards, a template's inputs), so the shell scripts stay thin
 * and never fall out of step with the program.
 */
import { type Command, type Option } from 'commander';
import { projectErrors } from '../diagnostics/error.js';
import { CARDS } from '../reference/index.js';
import { OUTPUT_FORMATS } from '../render/formats.js';
import { parseTemplate } from '../template/load.js';
import { builtinFolder, findTemplate, readTemplateFile, scanTemplates } from '../template/read-file.js';

/** The shells a completion script exists for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** How the shell finishes a candidate: a space after it, none (`mau=`), or its own file completion. */
export type Finish = 'space' | 'nospace' | 'files';

export interface Candidate {
  readonly value: string;
  readonly description?: string;
}

export interface Completion {
  readonly finish: Finish;
  readonly candidates: readonly Candidate[];
}

/** What completes an option's value. */
type ValueKind = 'assignment' | 'inputs' | 'quantities' | 'names' | 'formats' | 'templates' | 'files' | 'shells' | 'none';

/**
 * The value of each option, by long name. The analysis flags (issue 14) take names of the
 * template's inputs and quantities; an option missing here completes nothing special.
 */
export const OPTION_VALUES: Readonly<Record<string, ValueKind>> = {
  '--set': 'assignment',
  '--format': 'formats',
  '--output': 'files',
  '--from': 'templates',
  '--to': 'none',
  '--units': 'none',
  '--samples': 'none',
  '--seed': 'none',
  '--sensitivity': 'inputs',
  '--sweep': 'assignment',
  '--grow': 'inputs',
  '--solve': 'assignment',
  '--compare': 'templates',
};

/** What a command's positional words are. */
const POSITIONALS: Readonly<Record<string, ValueKind>> = {
  ref: 'names',
  completion: 'shells',
  show: 'templates',
  check: 'templates',
  repl: 'templates',
  diff: 'templates',
  help: 'names',
  new: 'none',
  calc: 'none',
};

interface Env {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** The candidates for the last of `words` (the words after `estimate`; the last may be empty). */
export function complete(program: Command, words: readonly string[], where: Env): Completion {
  const current = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  let command: Command = program;
  let template: string | undefined;
  let pending: Option | undefined;
  let afterDashes = false;
  for (const w of before) {
    if (pending) {
      pending = undefined;
      continue;
    }
    if (w === '--') {
      afterDashes = true;
      continue;
    }
    if (!afterDashes && w.startsWith('-') && w !== '-') {
      const opt = findOption(command, w.split('=')[0]!);
      if (opt && (opt.required || opt.optional) && !w.includes('=')) pending = opt;
      continue;
    }
    if (command === program) {
      const sub = visibleCommands(program).find((c) => c.name() === w || c.aliases().includes(w));
      if (sub && template === undefined) {
        command = sub;
        continue;
      }
    }
    template ??= w;
  }
  if (pending) return values(valueKind(pending), current, '', program, command, template, where);
  if (!afterDashes && current.startsWith('--') && current.includes('=')) {
    const [name] = current.split('=', 1) as [string];
    const opt = findOption(command, name);
    if (opt) return values(valueKind(opt), current.slice(name.length + 1), `${name}=`, program, command, template, where);
  }
  if (!afterDashes && current.startsWith('-')) return filtered('space', options(command), current);
  if (command === program) {
    if (template !== undefined) return { finish: 'space', candidates: [] };
    return filtered('space', [...visibleCommands(program).map((c) => ({ value: c.name(), description: c.description() })), ...templates(where)], current);
  }
  const kind = POSITIONALS[command.name()] ?? 'none';
  if (kind === 'names') {
    const names = command.name() === 'help' ? visibleCommands(program).map((c) => ({ value: c.name(), description: c.description() })) : [...CARDS].map(([n, c]) => ({ value: n, description: c.summary }));
    return filtered('space', names, current);
  }
  return values(kind, current, '', program, command, template, where);
}

function visibleCommands(program: Command): Command[] {
  return program.commands.filter((c) => !c.name().startsWith('_'));
}

function findOption(command: Command, flag: string): Option | undefined {
  return command.options.find((o) => o.long === flag || o.short === flag);
}

function valueKind(opt: Option): ValueKind {
  return (opt.long && OPTION_VALUES[opt.long]) || 'none';
}

/** Every visible option of a command, long forms first, with its help. */
function options(command: Command): Candidate[] {
  const out: Candidate[] = [];
  for (const o of command.options) {
    if (o.hidden) continue;
    if (o.long) out.push({ value: o.long, description: o.description });
  }
  out.push({ value: '--help', description: 'show help' });
  return out;
}

function values(kind: ValueKind, current: string, prefix: string, program: Command, command: Command, template: string | undefined, where: Env): Completion {
  const add = (c: Completion): Completion => (prefix ? { ...c, candidates: c.candidates.map((x) => ({ ...x, value: prefix + x.value })) } : c);
  switch (kind) {
    case 'formats':
      return add(filtered('space', OUTPUT_FORMATS.flatMap((f) => [{ value: f.name, description: f.title }, ...f.aliases.map((a) => ({ value: a, description: f.title }))]), current));
    case 'templates':
      return add(command.name() === 'check' ? { finish: 'files', candidates: filtered('space', templates(where), current).candidates } : filtered('space', templates(where), current));
    case 'files':
      return { finish: 'files', candidates: [] };
    case 'shells':
      return add(filtered('space', SHELLS.map((s) => ({ value: s })), current));
    case 'inputs':
    case 'quantities':
      return add(filtered('space', names(template ?? (command !== program ? undefined : template), where, kind), current));
    case 'assignment': {
      const eq = current.indexOf('=');
      if (eq >= 0) {
        // After `name=`: the default, so Tab shows what is being changed.
        const name = current.slice(0, eq);
        const input = names(template, where, 'inputs').find((c) => c.value === name);
        return add(input?.default !== undefined ? filtered('space', [{ value: `${name}=${input.default}`, description: input.description }], current) : { finish: 'space', candidates: [] });
      }
      return add(filtered('nospace', names(template, where, 'inputs').map((c) => ({ value: `${c.value}=`, ...(c.description !== undefined ? { description: c.description } : {}) })), current));
    }
    case 'names':
    case 'none':
      return { finish: 'space', candidates: [] };
  }
}

function filtered(finish: Finish, all: readonly Candidate[], current: string): Completion {
  const seen = new Set<string>();
  const candidates = all.filter((c) => c.value.startsWith(current) && !seen.has(c.value) && seen.add(c.value));
  return { finish, candidates };
}

function templates(where: Env): Candidate[] {
  return scanTemplates(where.env).templates.map((t) => ({ value: t.name, description: t.builtin ? 'built-in template' : `template in ${t.path}` }));
}

/** A template's inputs (`mau`, described by its default, unit and label) or quantities; none when it cannot be read. */
function names(template: string | undefined, where: Env, kind: 'inputs' | 'quantities'): (Candidate & { default?: string })[] {
  if (template === undefined) return [];
  try {
    const ref = findTemplate(template, where.env, where.cwd);
    const spec = parseTemplate(readTemplateFile(ref.path, ref.path), ref.builtin ? { name: ref.name, folder: builtinFolder() } : undefined);
    if (kind === 'quantities') return spec.quantities.map((q) => ({ value: q.name.text, description: q.label }));
    return spec.inputs.map((i) => ({
      value: i.name.text,
      default: i.default.text.trim(),
      description: `${i.default.text.trim()}${i.unit ? ` (in ${i.unit.text.trim()})` : ''} · ${i.label}`,
    }));
  } catch (e) {
    if (projectErrors(e)) return [];
    throw e;
  }
}

/** The answer as lines for a shell script: the finish, then `value<TAB>description` per candidate. */
export function completionLines(c: Completion, shell: Shell, current: string): string {
  // bash completes the text after the last `=` or `:` (COMP_WORDBREAKS): candidates lose that prefix.
  const cut = shell === 'bash' ? Math.max(current.lastIndexOf('='), current.lastIndexOf(':')) + 1 : 0;
  const clean = (s: string) => s.replace(/[\t\n\r]/g, ' ');
  const lines = c.candidates.map((x) => {
    const value = clean(x.value.slice(cut));
    return x.description && shell !== 'bash' ? `${value}\t${clean(x.description)}` : value;
  });
  return [c.finish, ...lines].join('\n') + '\n';
}
