/**
 * `--set name=expr` overrides and the answers typed at the interactive prompts: one reading for
 * both, by the engine, with two newcomer rules (docs/templates.md, "Overrides"):
 *
 * - a bare number takes the unit of the input's default: `mau=1.5bn` is 1.5bn user, and for an
 *   input written as a percentage `60` is 60% (and `0.6` is 0.6%);
 * - a value that lacks only the trailing count denominator of the input's unit takes it:
 *   `media_size=2MB` for an input in MB/tweet is 2 MB/tweet. Only count units (user, tweet)
 *   written last in the input's own unit are filled in; any other difference stays an error.
 */
import { EstimateError } from '../diagnostics/error.js';
import { source } from '../diagnostics/source.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { compile, scaledBy, unitScope, withByteHint, type Compiled } from '../eval/compile.js';
import { DISTRIBUTIONS } from '../eval/distributions.js';
import { type Expr, type UnitExpr } from '../lang/ast.js';
import { parse } from '../lang/parser.js';
import { type Dimension } from '../units/dimension.js';
import { type ResolvedUnit } from '../units/quantity.js';
import { type UnitRegistry } from '../units/registry.js';
import { type Model, type ModelInput } from './model.js';
import { writtenUnit } from './units-of.js';

/** An override: the input and its compiled value, the text as given and as it is written down. */
export interface Override {
  readonly input: ModelInput;
  readonly value: Compiled;
  readonly text: string;
  /** The value with what a rule filled in (`60%`, `2MB/tweet`): what a saved template holds. */
  readonly written: string;
}

/** An answer read for an input: its value and its text with the unit a rule filled in. */
export interface Answer {
  readonly value: Compiled;
  readonly written: string;
}

/** Splits `name=expr`; a usage error (exit 2) when there is no `=` or no name. */
export function splitAssignment(raw: string): { name: string; text: string } {
  const eq = raw.indexOf('=');
  if (eq <= 0) {
    throw new EstimateError('E0902', `--set needs name=value, got \`${raw}\``, {
      where: `--set ${raw}`,
      help: ['for example: --set mau=1.5bn --set media_size=2MB'],
    });
  }
  return { name: raw.slice(0, eq).trim(), text: raw.slice(eq + 1) };
}

/**
 * Resolves every `--set` against the model. The last `--set` of an input wins (as with most
 * command-line tools); unknown inputs are usage errors, bad values are expression errors.
 */
export function resolveOverrides(model: Model, assignments: readonly string[], flag = '--set'): Map<string, Override> {
  const out = new Map<string, Override>();
  for (const raw of assignments) {
    const { name, text } = splitAssignment(raw);
    const input = model.inputs.find((i) => i.name === name);
    if (!input) {
      const isQuantity = model.quantities.some((q) => q.name === name);
      const hint = didYouMean(name, model.inputs.map((i) => i.name));
      throw new EstimateError('E0903', isQuantity ? `\`${name}\` is computed, not an input` : `unknown input \`${name}\``, {
        where: `${flag} ${raw}`,
        help: [...(hint ? [hint] : []), `the inputs are ${model.inputs.map((i) => i.name).join(', ')}`],
      });
    }
    const answer = readAnswer(input, text, model, `${flag} ${input.name}`);
    out.set(name, { input, value: answer.value, text, written: answer.written });
  }
  return out;
}

/**
 * Reads an answer for an input by the rules above, the same for `--set` and for the interactive
 * prompts; E0708 when its dimension still differs.
 */
export function readAnswer(input: ModelInput, text: string, model: Model, sourceName = `--set ${input.name}`): Answer {
  const expr: Expr = parse(source(sourceName, text));
  const value = compile(expr, unitScope(model.registry));
  const trimmed = text.trim();
  const unit = input.unit;
  // A percent input is one whose default is written as a percentage (`50%`); a default written
  // as a fraction (`0.5`, even with `unit: "%"`) keeps bare numbers fractions, like itself.
  const percent = writtenUnit(input.defaultExpr, model.registry)?.kind === 'unitPercent';
  if (value.dimension.isNone && isBareNumber(expr) && unit && (percent || !input.dimension.isNone)) {
    // A bare number takes the unit of the input's default: mau=1.5bn means 1.5bn user, and
    // daily_active_ratio=60 means 60% (the default is written `50%`).
    // So do the ends of a range and a distribution's parameters (`200M to 400M`).
    const factor = percent ? 0.01 : unit.factor;
    const written = percent ? `${trimmed}%` : `${trimmed} ${unit.text}`;
    return { value: scaledBy(value, factor, input.dimension), written: checkedText(written, trimmed, percent ? '* 1%' : `* 1 ${unit.text}`, model) };
  }
  if (value.dimension.equals(input.dimension)) return { value, written: trimmed };
  const filled = missingDenominator(input, value.dimension, model.registry);
  if (filled) {
    // `2MB` where MB/tweet is asked: the input's own count denominator, shown in the echo.
    const filledValue = scaledBy(value, 1 / filled.factor, input.dimension);
    return { value: filledValue, written: appended(`${trimmed}/${filled.text}`, `(${trimmed}) / ${filled.text}`, filledValue, model) };
  }
  const err = new EstimateError('E0708', `\`${input.name}\` is ${input.dimension}, but \`${trimmed}\` is ${value.dimension}`, {
    span: expr.span,
    spanLabel: value.dimension.toString(),
    help: [input.dimension.isNone ? `write a plain number or a percentage, such as \`${input.spec.default.text}\`` : `write it in a unit of ${input.dimension}, such as \`${input.spec.default.text}\``],
  });
  throw withByteHint(err, expr);
}

/**
 * A value written without a unit where an input expects one takes the input's unit: mau=1.5bn
 * means 1.5bn user, and so do `200M to 400M` and `normal(300M, 50M)`.
 */
export function inUnitOf(expr: Expr, value: Compiled, dimension: Dimension, unit: ResolvedUnit | undefined): Compiled {
  if (value.dimension.isNone && !dimension.isNone && isBareNumber(expr) && unit && !unit.percent) return scaledBy(value, unit.factor, dimension);
  return value;
}

/** A number, a range or a distribution written without any unit. */
function isBareNumber(e: Expr): boolean {
  switch (e.kind) {
    case 'number':
      return true;
    case 'neg':
      return isBareNumber(e.operand);
    case 'range':
      return isBareNumber(e.low) && isBareNumber(e.high);
    case 'call':
      return DISTRIBUTIONS.has(e.fn) && e.args.every(isBareNumber);
    default:
      return false;
  }
}

/** `1.5bn user` reads back as written; an unusual number (`1e3`) gets the unit by multiplication. */
function checkedText(written: string, trimmed: string, times: string, model: Model): string {
  try {
    compile(parse(source('written', written)), unitScope(model.registry));
    return written;
  } catch {
    return `(${trimmed}) ${times}`;
  }
}

/** `2MB/tweet` when it reads back as the same value (`1 MB + 1 MB/tweet` does not), else the parenthesised form. */
function appended(plain: string, safe: string, want: Compiled, model: Model): string {
  try {
    const got = compile(parse(source('written', plain)), unitScope(model.registry));
    // A sampled value reads back the same when its dimension and its spread do: compare the dimension.
    if (got.dimension.equals(want.dimension) && (want.uncertain ? got.uncertain : !got.uncertain && got.run([]) === want.run([]))) return plain;
  } catch {
    // not an expression as written: the parenthesised form is
  }
  return safe;
}

/**
 * The count units written last in the input's unit (`MB/tweet` -> tweet; `tweet/s/server` ->
 * server; `B/user/tweet` -> tweet, then user/tweet) whose division turns `have` into the input's
 * dimension; undefined when none does. Units between them and a non-count unit stop the search.
 */
function missingDenominator(input: ModelInput, have: Dimension, registry: UnitRegistry): { text: string; factor: number } | undefined {
  let u: UnitExpr | undefined = writtenUnit(input.defaultExpr, registry);
  const names: string[] = [];
  let dimension = have;
  let factor = 1;
  while (u && u.kind === 'unitDiv' && u.right.kind === 'unit') {
    const count = registry.lookup(u.right.name);
    if (!count || !count.count) return undefined;
    names.unshift(u.right.name);
    dimension = dimension.div(count.dimension);
    factor *= count.factor;
    if (dimension.equals(input.dimension)) return { text: names.join('/'), factor };
    u = u.left;
  }
  return undefined;
}
