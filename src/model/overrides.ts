/** `--set name=expr` overrides: parsed by the engine, a bare number taking the input's unit. */
import { EstimateError } from '../diagnostics/error.js';
import { source } from '../diagnostics/source.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { compile, scaledBy, unitScope, withByteHint, type Compiled } from '../eval/compile.js';
import { DISTRIBUTIONS } from '../eval/distributions.js';
import { type Expr } from '../lang/ast.js';
import { parse } from '../lang/parser.js';
import { type Dimension } from '../units/dimension.js';
import { type ResolvedUnit } from '../units/quantity.js';
import { type Model, type ModelInput } from './model.js';

/** An override: the input and its compiled value, and the text as given. */
export interface Override {
  readonly input: ModelInput;
  readonly value: Compiled;
  readonly text: string;
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
export function resolveOverrides(model: Model, assignments: readonly string[]): Map<string, Override> {
  const out = new Map<string, Override>();
  for (const raw of assignments) {
    const { name, text } = splitAssignment(raw);
    const input = model.inputs.find((i) => i.name === name);
    if (!input) {
      const isQuantity = model.quantities.some((q) => q.name === name);
      const hint = didYouMean(name, model.inputs.map((i) => i.name));
      throw new EstimateError('E0903', isQuantity ? `\`${name}\` is computed, not an input` : `unknown input \`${name}\``, {
        where: `--set ${raw}`,
        help: [...(hint ? [hint] : []), `the inputs are ${model.inputs.map((i) => i.name).join(', ')}`],
      });
    }
    out.set(name, { input, value: overrideValue(input, text, model), text });
  }
  return out;
}

/** Compiles an answer for an input: the same rule for `--set` and for the interactive prompts. */
export function overrideValue(input: ModelInput, text: string, model: Model, sourceName = `--set ${input.name}`): Compiled {
  const src = source(sourceName, text);
  const expr: Expr = parse(src);
  const value = inUnitOf(expr, compile(expr, unitScope(model.registry)), input.dimension, input.unit);
  if (!value.dimension.equals(input.dimension)) {
    const err = new EstimateError('E0708', `\`${input.name}\` is ${input.dimension}, but \`${text.trim()}\` is ${value.dimension}`, {
      span: expr.span,
      spanLabel: value.dimension.toString(),
      help: [`write it in a unit of ${input.dimension}, such as \`${input.spec.default.text}\``],
    });
    throw withByteHint(err, expr);
  }
  return value;
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

/** The answer as it should be written down: a bare number gets the input's unit (`3` -> `3 MB/tweet`). */
export function withUnit(input: ModelInput, text: string, model: Model): string {
  const expr = parse(source(`answer ${input.name}`, text));
  const value = compile(expr, unitScope(model.registry));
  if (value.dimension.isNone && !input.dimension.isNone && isBareNumber(expr) && input.unit && !input.unit.percent) {
    return `${text.trim()} ${input.unit.text}`;
  }
  return text.trim();
}
