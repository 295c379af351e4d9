/**
 * The REPL's state and what each line does, without a terminal: variables (`x = 300M user`),
 * `ans`, a template's inputs and quantities in scope, and the `:` commands. Every line returns
 * the text to show; an error is rendered (located in the line, with a caret) and the session
 * goes on. The terminal side (prompt, history, Tab, Ctrl-C/D) is src/cli/commands/repl.ts.
 */
import { EstimateError, projectErrors } from '../diagnostics/error.js';
import { renderError } from '../diagnostics/render.js';
import { source } from '../diagnostics/source.js';
import { compile, type Compiled, type Scope } from '../eval/compile.js';
import { FUNCTIONS } from '../eval/functions.js';
import { parse } from '../lang/parser.js';
import { evaluate } from '../model/evaluate.js';
import { type Model } from '../model/model.js';
import { checkQuantityName } from '../model/names.js';
import { readAnswer, type Override } from '../model/overrides.js';
import { buildReport } from '../render/report.js';
import { outputFormat } from '../render/formats.js';
import { withDefaults } from '../template/with-defaults.js';
import { formatQuantity, type FormatStyle } from '../units/format.js';
import { countNameProblem, UnitRegistry } from '../units/registry.js';

/** The longest line read; longer ones are refused whole (an expression is never that long). */
export const MAX_LINE = 4096;

/** What a line gave: the text to print, and whether it was an error. */
export interface LineResult {
  readonly text: string;
  readonly error: boolean;
  /** `:quit`: leave the session. */
  readonly quit?: boolean;
}

/** Writes a file for `:save` (the terminal side checks the path and writes atomically). */
export type SaveFile = (path: string, text: string, replace: boolean) => string;

interface Variable {
  readonly name: string;
  readonly text: string;
  readonly compiled: Compiled;
  readonly slot: number;
}

const COMMANDS: readonly [string, string][] = [
  [':set NAME=VALUE', 'change a template input and re-evaluate'],
  [':explain NAME', 'how a quantity (or a variable) is derived'],
  [':show', 'the tables of the template'],
  [':vars', 'the variables of this session'],
  [':save FILE', 'write a template of the session (:save! replaces a file)'],
  [':help', 'this list'],
  [':quit', 'leave (or Ctrl-D)'],
];

export class ReplSession {
  private registry: UnitRegistry;

  /** Human output, as calc and the tables print it: `$2`, `5 years`, units sized by the registry's conventions. */
  private get style(): FormatStyle {
    return { registry: this.registry, words: true };
  }
  private readonly variables = new Map<string, Variable>();
  private values: Float64Array;
  private overrides = new Map<string, Override>();
  private readonly scope: Scope;
  private lineNo = 0;
  /** Count units the session's lines declared, for :save. */
  private readonly counts: string[] = [];
  /** A note to print before the line's answer (a count unit declared). */
  private note = '';

  constructor(
    private readonly model?: Model,
    private readonly save?: SaveFile,
  ) {
    this.registry = model?.registry ?? UnitRegistry.BUILTIN;
    this.values = new Float64Array(Math.max(16, (model?.slotCount ?? 0) + 16));
    if (model) this.values.set(evaluate(model).values);
    // A getter: the registry grows when a line declares a count unit (`x = 300M user`).
    const session = this as unknown as { registry: UnitRegistry };
    this.scope = {
      get registry() {
        return session.registry;
      },
      lookup: (name) => {
        const v = this.variables.get(name);
        if (v) return { slot: v.slot, dimension: v.compiled.dimension };
        const item = this.model?.byName.get(name);
        return item ? { slot: item.slot, dimension: item.dimension } : undefined;
      },
      names: () => [...this.variables.keys(), ...(this.model ? this.model.byName.keys() : [])],
    };
  }

  /** Names for Tab: variables, the template's names, commands, functions and units. */
  completions(): string[] {
    return [...this.variables.keys(), ...(this.model ? this.model.byName.keys() : []), ...FUNCTIONS.keys(), ...this.registry.names(), ...COMMANDS.map(([c]) => c.split(' ')[0]!)];
  }

  /** Runs one line; never throws a project error. */
  async run(raw: string): Promise<LineResult> {
    this.lineNo++;
    this.note = '';
    try {
      const line = checkLine(raw);
      const text = line.trim();
      if (text === '' || text.startsWith('#')) return { text: '', error: false };
      if (text.startsWith(':')) return await this.command(text);
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)(.*)$/s.exec(text);
      const answer = assign ? this.assign(assign[1]!, assign[2]!) : this.evaluate(text, 'ans');
      return { text: this.note ? `${this.note}\n${answer}` : answer, error: false };
    } catch (e) {
      const errs = projectErrors(e);
      if (!errs) throw e;
      return { text: errs.map((x) => renderError(x)).join('\n'), error: true };
    }
  }

  private source(text: string) {
    return source(`<line ${this.lineNo}>`, text);
  }

  /** Evaluates an expression, keeps it as `name` (ans, or a variable), returns it formatted. */
  private evaluate(text: string, name: string): string {
    const expr = parse(this.source(text));
    const declared: string[] = [];
    let compiled: Compiled | undefined;
    while (!compiled) {
      try {
        compiled = compile(expr, this.scope);
      } catch (e) {
        const count = e instanceof EstimateError && declared.length < 8 ? this.newCount(e, text, name) : undefined;
        if (!count) throw e;
        declared.push(count);
        this.registry = this.registry.withCounts([count]);
      }
    }
    // A range (`200M to 400M user`, with the Monte Carlo engine) has samples, not one value: the
    // session keeps one number per name, so it says so instead of failing inside the engine.
    if ((compiled as { uncertain?: boolean }).uncertain === true) {
      throw new EstimateError('E0984', 'a range or distribution has no single value to keep in the REPL', {
        where: `line ${this.lineNo}`,
        help: ['use `estimate calc "..."` for its percentiles, or give one value'],
      });
    }
    if (declared.length) {
      this.counts.push(...declared);
      this.note = `(new count unit${declared.length > 1 ? 's' : ''}: ${declared.join(', ')})`;
    }
    return this.format(expr, compiled, name, text);
  }

  /**
   * The word an unknown-unit error names, when the line means it as a count unit: a lower-case
   * word right after a number or a `/` (`300M user`, `2 tweet/user/day`). A typo of a name
   * elsewhere (`tweet_qsp * 2`) keeps its error and its did-you-mean.
   */
  private newCount(e: EstimateError, text: string, defining: string): string | undefined {
    if (e.code !== 'E0301' || !e.span || e.span.source.text !== text) return undefined;
    const word = text.slice(e.span.start, e.span.end);
    // Its plural (`users`) would become a unit too: not while a variable has that name.
    if (defining === word + 's' || this.variables.has(word + 's')) return undefined;
    if (!/^[a-z][a-z_]*$/.test(word) || this.scope.lookup(word) || countNameProblem(word, this.registry)) return undefined;
    return /(\d[\w.,]*\s*|\/\s*)$/.test(text.slice(0, e.span.start)) ? word : undefined;
  }

  private format(expr: ReturnType<typeof parse>, compiled: Compiled, name: string, text: string): string {
    const si = compiled.run(this.values);
    this.define(name, text, compiled);
    // A template name alone is shown in its own display unit.
    const item = expr.kind === 'name' ? this.model?.byName.get(expr.name) : undefined;
    if (item && !compiled.target) return formatQuantity(si, item.dimension, item.unit, false, this.style).text;
    return formatQuantity(si, compiled.dimension, compiled.target, compiled.target !== undefined, this.style).text;
  }

  private assign(name: string, text: string): string {
    if (name !== 'ans') {
      const bad = checkQuantityName({ text: name, span: { source: this.source(name), start: 0, end: name.length }, source: this.source(name) }, this.registry);
      if (bad) throw bad;
    }
    if (this.model?.byName.has(name)) {
      const isInput = this.model.inputs.some((i) => i.name === name);
      throw new EstimateError('E0706', `\`${name}\` belongs to the template`, {
        where: `line ${this.lineNo}`,
        help: [isInput ? `change it with \`:set ${name}=${text.trim()}\`` : 'a quantity follows from the inputs: change those with :set'],
      });
    }
    return `${name} = ${this.evaluate(text, name)}`;
  }

  private define(name: string, text: string, compiled: Compiled): void {
    const old = this.variables.get(name);
    let slot = old?.slot;
    if (slot === undefined) {
      slot = (this.model?.slotCount ?? 0) + this.variables.size;
      if (slot >= this.values.length) {
        const grown = new Float64Array(this.values.length * 2);
        grown.set(this.values);
        this.values = grown;
      }
    }
    this.values[slot] = compiled.run(this.values);
    // Re-defining keeps the original order: variables are recomputed in it after :set.
    this.variables.set(name, { name, text, compiled, slot });
  }

  private async command(text: string): Promise<LineResult> {
    const word = text.split(/\s+/)[0] ?? '';
    const arg = text.slice(word.length).trim();
    switch (word) {
      case ':set':
        return { text: this.set(arg), error: false };
      case ':explain':
        return { text: this.explain(arg), error: false };
      case ':show':
        return { text: await this.show(), error: false };
      case ':vars':
        return { text: [...this.variables.values()].map((v) => `${v.name} = ${v.text.trim()}  (${formatQuantity(this.values[v.slot]!, v.compiled.dimension, undefined, false, this.style).text})`).join('\n') || 'no variables yet: x = 300M user', error: false };
      case ':save':
      case ':save!':
        return { text: this.saveAs(arg, word === ':save!'), error: false };
      case ':help':
        return { text: helpText(), error: false };
      case ':quit':
      case ':q':
      case ':exit':
        return { text: '', error: false, quit: true };
      default:
        throw new EstimateError('E0985', `unknown command \`${word.slice(0, 40)}\``, { where: `line ${this.lineNo}`, help: ['the commands are ' + COMMANDS.map(([c]) => c.split(' ')[0]).join(', ')] });
    }
  }

  private needModel(what: string): Model {
    if (!this.model) throw new EstimateError('E0985', `${what} needs a template`, { where: `line ${this.lineNo}`, help: ['start the REPL with one: `estimate repl twitter`'] });
    return this.model;
  }

  private set(arg: string): string {
    const model = this.needModel(':set');
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new EstimateError('E0902', ':set needs name=value', { where: `line ${this.lineNo}`, help: ['for example: :set mau=600M'] });
    const name = arg.slice(0, eq).trim();
    const input = model.inputs.find((i) => i.name === name);
    if (!input) {
      throw new EstimateError('E0903', model.byName.has(name) ? `\`${name}\` is computed, not an input` : `unknown input \`${name}\``, {
        where: `line ${this.lineNo}`,
        help: [`the inputs are ${model.inputs.map((i) => i.name).join(', ')}`],
      });
    }
    const valueText = arg.slice(eq + 1);
    const answer = readAnswer(input, valueText, model, `:set ${name}`);
    const next = new Map(this.overrides);
    next.set(name, { input, value: answer.value, text: valueText, written: answer.written });
    const results = evaluate(model, next);
    this.overrides = next;
    this.values.set(results.values);
    for (const v of this.variables.values()) this.values[v.slot] = v.compiled.run(this.values);
    const shown = model.sections.flatMap((s) => s.items).filter((i) => i.kind === 'quantity');
    const lines = shown.slice(0, 12).map((q) => `  ${q.name} = ${formatQuantity(this.values[q.slot]!, q.dimension, q.unit, false, this.style).text}`);
    return [`${name} = ${formatQuantity(this.values[input.slot]!, input.dimension, input.unit, false, this.style).text}`, ...lines].join('\n');
  }

  private explain(name: string): string {
    const v = this.variables.get(name);
    if (v) return `${name} = ${v.text.trim()}\n  = ${formatQuantity(this.values[v.slot]!, v.compiled.dimension, undefined, false, this.style).text}`;
    const model = this.needModel(':explain');
    const report = buildReport(model, this.results(model), { steps: true });
    const step = report.steps.find((s) => s.name === name);
    if (step) return `${step.label} (${step.name})\n  ${step.name} = ${step.formula}\n  ${' '.repeat(step.name.length)} = ${step.substituted}\n  ${' '.repeat(step.name.length)} = ${step.result}`;
    const input = model.inputs.find((i) => i.name === name);
    if (input) return `${input.spec.label} (${name}) is an input: ${formatQuantity(this.values[input.slot]!, input.dimension, input.unit, false, this.style).text}${this.overrides.has(name) ? ' (set)' : ''}`;
    throw new EstimateError('E0903', `nothing is called \`${name.slice(0, 60)}\``, { where: `line ${this.lineNo}`, help: ['give a quantity of the template or a variable: :explain tweet_qps'] });
  }

  private results(model: Model) {
    return { values: this.values.slice(0, model.slotCount), overridden: new Set(this.overrides.keys()) };
  }

  private async show(): Promise<string> {
    const model = this.needModel(':show');
    const render = await outputFormat('table').report();
    return render(buildReport(model, this.results(model), { steps: false }), { columns: 100, explain: false }).trimEnd();
  }

  private saveAs(path: string, replace: boolean): string {
    if (path === '') throw new EstimateError('E0902', ':save needs a file name', { where: `line ${this.lineNo}`, help: ['for example: :save my-estimate.yaml'] });
    if (!this.save) throw new EstimateError('E0906', 'this session cannot write files', { where: `line ${this.lineNo}` });
    return this.save(path, this.templateText(path), replace);
  }

  /** A template of the session: the template with its :set answers, or the variables as one. */
  templateText(path: string): string {
    const stem = (path.split('/').pop() ?? 'session').replace(/\.ya?ml$/i, '');
    const name = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(stem) ? stem : 'session';
    if (this.model) {
      const defaults = new Map([...this.overrides.values()].map((o) => [o.input.name, o.written]));
      return withDefaults(this.model.spec, defaults, { name, title: `${this.model.spec.title} (session)` });
    }
    if (this.variables.size === 0) throw new EstimateError('E0902', 'nothing to save yet: define a variable first (x = 300M user)', { where: `line ${this.lineNo}` });
    const reads = (v: Variable) => [...this.variables.keys()].some((n) => n !== v.name && new RegExp(`(?<![A-Za-z0-9_])${n}(?![A-Za-z0-9_])`).test(v.text));
    const vars = [...this.variables.values()];
    const inputs = vars.filter((v) => !reads(v));
    const quantities = vars.filter((v) => reads(v));
    const shown = quantities.length > 0 ? quantities : inputs;
    const yamlText = (s: string) => JSON.stringify(s.trim());
    return [
      `name: ${name}`,
      `title: ${yamlText(`${name}: a REPL session`)}`,
      ...(this.counts.length ? [`units: [${this.counts.join(', ')}]`] : []),
      'inputs:',
      ...inputs.map((v) => `  ${v.name}:\n    default: ${yamlText(v.text)}\n    help: ${yamlText(`defined in the REPL as ${v.text.trim()}`)}`),
      ...(inputs.length === 0 ? ['  one: 1'] : []),
      'quantities:',
      ...quantities.map((v) => `  ${v.name}: ${yamlText(v.text)}`),
      ...(quantities.length === 0 ? [`  ${inputs[0]!.name === 'result' ? 'result_value' : 'result'}: ${inputs[0]!.name}`] : []),
      'sections:',
      `  Results: [${(quantities.length > 0 ? shown.map((v) => v.name) : [inputs[0]!.name === 'result' ? 'result_value' : 'result']).join(', ')}]`,
      '',
    ].join('\n');
  }
}

/** Refuses a line too long or binary before anything reads it. */
function checkLine(line: string): string {
  if (line.length > MAX_LINE) {
    throw new EstimateError('E0984', `the line is too long (${line.length.toLocaleString('en-US')} characters; at most ${MAX_LINE.toLocaleString('en-US')})`, {
      where: 'repl input',
      help: ['define parts as variables: x = ..., then use x'],
    });
  }
  // eslint-disable-next-line no-control-regex
  const binary = /[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/.exec(line);
  if (binary) {
    const code = binary[0].codePointAt(0)!;
    throw new EstimateError('E0984', `the line holds a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}) at column ${binary.index + 1}: it looks binary`, {
      where: 'repl input',
      help: ['type an expression, a variable (x = 300M user) or a command (:help)'],
    });
  }
  return line;
}

function helpText(): string {
  const w = Math.max(...COMMANDS.map(([c]) => c.length));
  return [
    'Type an expression (300M user * 2 / day), define a variable (x = 300M user), or use ans.',
    ...COMMANDS.map(([c, d]) => `  ${c.padEnd(w)}  ${d}`),
  ].join('\n');
}

