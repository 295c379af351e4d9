/** Evaluates a model: inputs (defaults or overrides, bounds-checked), then quantities in order. */
import { EstimateError } from '../diagnostics/error.js';
import { formatQuantity } from '../units/format.js';
import { type Model, type ModelInput } from './model.js';
import { type Override } from './overrides.js';

/** Every input's and quantity's value in base units, by slot. */
export interface Results {
  readonly values: Float64Array;
  /** The inputs the user overrode. */
  readonly overridden: ReadonlySet<string>;
}

/** Evaluates every quantity once, in dependency order. */
export function evaluate(model: Model, overrides: ReadonlyMap<string, Override> = new Map()): Results {
  const values = new Float64Array(model.slotCount);
  for (const input of model.inputs) {
    const o = overrides.get(input.name);
    const v = (o ? o.value : input.defaultValue).run(values);
    checkBounds(input, v, o);
    values[input.slot] = v;
  }
  for (const q of model.quantities) values[q.slot] = q.compiled.run(values);
  return { values, overridden: new Set(overrides.keys()) };
}

/** Throws when a value lies outside the input's bounds. */
export function checkBounds(input: ModelInput, v: number, o?: Override): void {
  const where = o ? { where: `--set ${input.name}=${o.text}` } : { span: input.spec.default.span };
  const shown = formatQuantity(v, input.dimension, input.unit).text;
  if (input.min && v < input.min.si) {
    throw new EstimateError('E0713', `\`${input.name}\` = ${shown} is below its minimum, ${input.min.text}`, { ...where, help: [`${input.spec.label}: from ${input.min.text}${input.max ? ' to ' + input.max.text : ''}`] });
  }
  if (input.max && v > input.max.si) {
    throw new EstimateError('E0713', `\`${input.name}\` = ${shown} is above its maximum, ${input.max.text}`, { ...where, help: [`${input.spec.label}: ${input.min ? 'from ' + input.min.text + ' ' : ''}up to ${input.max.text}`] });
  }
}
