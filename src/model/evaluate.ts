/**
 * Evaluates a model: inputs (defaults, declared ranges or overrides, bounds-checked), then
 * quantities in order. When nothing is uncertain every value is a number, computed exactly as
 * before ranges existed; otherwise uncertain values are arrays of N samples aligned by index
 * (a quantity read twice is the same array, so `x - x` is 0 in every sample).
 */
import { EstimateError } from '../diagnostics/error.js';
import { type Compiled } from '../eval/compile.js';
import { SampleError } from '../eval/kernels.js';
import { DEFAULT_SAMPLES, DEFAULT_SEED, MAX_SAMPLE_VALUES, type Magnitude, type Sampling } from '../eval/magnitude.js';
import { Random } from '../eval/random.js';
import { summarizer, type Summary } from '../eval/summary.js';
import { formatQuantity } from '../units/format.js';
import { namesIn } from './build.js';
import { type Model, type ModelInput } from './model.js';
import { type Override } from './overrides.js';

/** How to evaluate: whether declared ranges are used, and how to sample. */
export interface EvaluateOptions {
  /** Use every input's `range:` (`--ranges`). */
  readonly ranges?: boolean;
  readonly samples?: number;
  readonly seed?: number;
}

/** The samples of an uncertain run. */
export interface Sampled {
  readonly samples: number;
  readonly seed: number;
  /** By slot: the samples of each uncertain value; undefined for exact ones. */
  readonly bySlot: readonly (Float64Array | undefined)[];
  /** By slot: percentiles and mean of each uncertain value. */
  readonly summaries: readonly (Summary | undefined)[];
  /** The inputs that carried a range or distribution, in template order. */
  readonly uncertainInputs: readonly string[];
}

/** Every input's and quantity's value in base units, by slot. */
export interface Results {
  /** The exact value, or for an uncertain one its median. */
  readonly values: Float64Array;
  /** The inputs the user overrode. */
  readonly overridden: ReadonlySet<string>;
  /** Present when some value was uncertain. */
  readonly sampled?: Sampled;
}

/** Evaluates every quantity once, in dependency order. */
export function evaluate(model: Model, overrides: ReadonlyMap<string, Override> = new Map(), options: EvaluateOptions = {}): Results {
  const chosen = model.inputs.map((input) => chooseValue(input, overrides, options));
  const overridden = new Set(overrides.keys());
  if (!chosen.some((c) => c.uncertain) && !model.quantities.some((q) => q.compiled.uncertain)) {
    return { values: evaluateExact(model, chosen, overrides), overridden };
  }
  return evaluateSampled(model, chosen, overrides, options, overridden);
}

/** The value an input takes: its override, else its range with --ranges, else its default. */
function chooseValue(input: ModelInput, overrides: ReadonlyMap<string, Override>, options: EvaluateOptions): Compiled {
  const o = overrides.get(input.name);
  if (o) return o.value;
  return options.ranges && input.range ? input.range : input.defaultValue;
}

/** The exact path: one number per slot. */
function evaluateExact(model: Model, chosen: readonly Compiled[], overrides: ReadonlyMap<string, Override>): Float64Array {
  const values = new Float64Array(model.slotCount);
  model.inputs.forEach((input, k) => {
    const v = chosen[k]!.run(values);
    checkBounds(input, v, overrides.get(input.name));
    values[input.slot] = v;
  });
  for (const q of model.quantities) values[q.slot] = q.compiled.run(values);
  return values;
}

function evaluateSampled(model: Model, chosen: readonly Compiled[], overrides: ReadonlyMap<string, Override>, options: EvaluateOptions, overridden: ReadonlySet<string>): Results {
  const n = options.samples ?? DEFAULT_SAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  checkSampleBudget(model, chosen, n);
  // One stream per slot: changing one input's range leaves the other inputs' samples as they were.
  const sampling = (slot: number): Sampling => ({ n, rng: new Random(seed, slot) });
  const slots = new Array<Magnitude>(model.slotCount).fill(0);
  const uncertainInputs: string[] = [];
  model.inputs.forEach((input, k) => {
    const m = chosen[k]!.sample(slots, sampling(input.slot));
    checkBounds(input, m, overrides.get(input.name));
    if (typeof m !== 'number') uncertainInputs.push(input.name);
    slots[input.slot] = m;
  });
  for (const q of model.quantities) {
    try {
      slots[q.slot] = q.compiled.sample(slots, sampling(q.slot));
    } catch (e) {
      throw e instanceof SampleError ? withInputsOf(e, model, slots) : e;
    }
  }
  const values = new Float64Array(model.slotCount);
  const bySlot = new Array<Float64Array | undefined>(model.slotCount);
  const summaries = new Array<Summary | undefined>(model.slotCount);
  const summarize = summarizer();
  slots.forEach((m, slot) => {
    if (typeof m === 'number') {
      values[slot] = m;
      return;
    }
    const s = summarize(m);
    bySlot[slot] = m;
    summaries[slot] = s;
    values[slot] = s.p50;
  });
  return { values, overridden, sampled: { samples: n, seed, bySlot, summaries, uncertainInputs } };
}

/** Adds the uncertain inputs' values in the failing sample, so the user sees what produced it. */
function withInputsOf(e: SampleError, model: Model, slots: readonly Magnitude[]): EstimateError {
  const parts: string[] = [];
  for (const input of model.inputs) {
    const m = slots[input.slot];
    if (m === undefined || typeof m === 'number') continue;
    parts.push(`${input.name} = ${formatQuantity(m[e.sample]!, input.dimension, input.unit).text}`);
  }
  return parts.length > 0 ? e.withHelp(`the uncertain inputs in that sample: ${parts.join(', ')}`) : e;
}

/**
 * Refuses a run whose samples would not fit the memory budget, before anything is drawn: the
 * uncertain values (inputs with a range, quantities holding or reading one) times the samples.
 */
function checkSampleBudget(model: Model, chosen: readonly Compiled[], n: number): void {
  // Cheap bound first: most runs fit even if every value were uncertain.
  if ((model.inputs.length + model.quantities.length) * n <= MAX_SAMPLE_VALUES) return;
  const sampled = new Set<string>();
  model.inputs.forEach((input, k) => {
    if (chosen[k]!.uncertain) sampled.add(input.name);
  });
  for (const q of model.quantities) if (q.compiled.uncertain || namesIn(q.expr).some((name) => sampled.has(name))) sampled.add(q.name);
  const count = sampled.size;
  if (count * n <= MAX_SAMPLE_VALUES) return;
  const fits = Math.floor(MAX_SAMPLE_VALUES / count);
  throw new EstimateError('E0922', `${count.toLocaleString('en-US')} uncertain values × ${n.toLocaleString('en-US')} samples is more than the ${MAX_SAMPLE_VALUES.toLocaleString('en-US')} sample values a run may hold (8 bytes each)`, {
    where: '--samples',
    help: [fits >= 1 ? `use \`--samples ${fits}\` or fewer, or give fewer inputs a range` : 'give fewer inputs a range'],
  });
}

/** Throws when a value (or any of its samples) lies outside the input's bounds. */
export function checkBounds(input: ModelInput, v: Magnitude, o?: Override): void {
  if (typeof v === 'number') {
    checkOne(input, v, o, undefined);
    return;
  }
  const lo = input.min?.si ?? -Infinity;
  const hi = input.max?.si ?? Infinity;
  for (let i = 0; i < v.length; i++) {
    if (v[i]! < lo || v[i]! > hi) checkOne(input, v[i]!, o, `in sample ${(i + 1).toLocaleString('en-US')} of ${v.length.toLocaleString('en-US')}; narrow the range, or use a distribution that stays within the bounds`);
  }
}

function checkOne(input: ModelInput, v: number, o: Override | undefined, sample: string | undefined): void {
  const where = o ? { where: `--set ${input.name}=${o.text}` } : { span: sample && input.spec.range ? input.spec.range.span : input.spec.default.span };
  const shown = formatQuantity(v, input.dimension, input.unit).text;
  const extra = sample ? [sample] : [];
  if (input.min && v < input.min.si) {
    throw new EstimateError('E0713', `\`${input.name}\` = ${shown} is below its minimum, ${input.min.text}`, { ...where, help: [`${input.spec.label}: from ${input.min.text}${input.max ? ' to ' + input.max.text : ''}`, ...extra] });
  }
  if (input.max && v > input.max.si) {
    throw new EstimateError('E0713', `\`${input.name}\` = ${shown} is above its maximum, ${input.max.text}`, { ...where, help: [`${input.spec.label}: ${input.min ? 'from ' + input.min.text + ' ' : ''}up to ${input.max.text}`, ...extra] });
  }
}

/** Checks an answer given at a prompt against the input's bounds, exact or sampled. */
export function checkAnswer(input: ModelInput, value: Compiled): void {
  const m = value.uncertain ? value.sample([], { n: DEFAULT_SAMPLES, rng: new Random(DEFAULT_SEED, input.slot) }) : value.run([]);
  checkBounds(input, m);
}
