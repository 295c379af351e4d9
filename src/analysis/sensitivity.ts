/**
 * Sensitivity (a tornado): each input moved alone, the others fixed. An input with a declared
 * range moves from its 5th to its 95th percentile; a point input from value/swing to
 * value*swing (2 unless --swing), kept within its bounds. When the run is sampled, each
 * uncertain input's rank correlation with the output is given too.
 */
import { EstimateError } from '../diagnostics/error.js';
import { summarize } from '../eval/summary.js';
import { type ModelInput, type ModelQuantity } from '../model/model.js';
import { type Evaluator } from './evaluator.js';
import { QuantileRandom } from './quantile-random.js';
import { rankCorrelation } from './rank.js';

/** How one input moves one output. */
export interface SensitivityBar {
  readonly input: ModelInput;
  /** The input's low and high values (base units) and how they were chosen. */
  readonly inputLow: number;
  readonly inputHigh: number;
  readonly how: 'range p5-p95' | 'swing';
  /** The output at the input's low and high values. */
  readonly low: number;
  readonly high: number;
  /** |high - low| */
  readonly swing: number;
  /** Spearman's rank correlation with the output, when the run is sampled and the input uncertain. */
  readonly rankCorrelation?: number;
}

/** The tornado of one output: bars sorted by swing, largest first; inputs with no effect left out. */
export interface SensitivityTable {
  readonly output: ModelQuantity;
  readonly base: number;
  readonly bars: readonly SensitivityBar[];
  /** Inputs that do not move this output at all: the first MAX_UNAFFECTED_NAMES of them. */
  readonly unaffectedBy: readonly string[];
  /** How many inputs do not move this output (unaffectedBy may name fewer). */
  readonly unaffected: number;
}

/** The sensitivity analysis of several outputs. */
export interface Sensitivity {
  readonly kind: 'sensitivity';
  readonly swingFactor: number;
  readonly tables: readonly SensitivityTable[];
}

/**
 * The most inputs named as not moving an output: each output's note would otherwise list every
 * other input (12,000 inputs × 3,000 outputs made a note of hundreds of megabytes).
 */
export const MAX_UNAFFECTED_NAMES = 20;

/** Runs the tornado: two evaluations per input, shared by every output. */
export function sensitivity(ev: Evaluator, outputs: readonly ModelQuantity[], swingFactor = 2): Sensitivity {
  const model = ev.model;
  const movable = model.inputs.filter((i) => !ev.overrides.has(i.name) || !ev.overrides.get(i.name)!.value.uncertain);
  if (model.inputs.length === 0) {
    throw new EstimateError('E0967', `template \`${model.spec.name}\` has no inputs, so nothing can move its outputs`, { where: '--sensitivity', help: ['add inputs to the template, or run it without --sensitivity'] });
  }
  const center = ev.at([]);
  // Each input re-runs only the quantities downstream of it, from one shared buffer, and keeps
  // only their values: all inputs × all slots made 12,000 inputs take 59 s and 5 GB (redteam F10).
  const moves = movable.map((input) => {
    const [lo, hi, how] = endsOf(ev, input, swingFactor);
    const downstream = ev.downstreamOf(input);
    const at = new Map(downstream.map((q, k) => [q.slot, k]));
    return { input, lo, hi, how, at, atLo: ev.moved(center, input.slot, lo, downstream), atHi: ev.moved(center, input.slot, hi, downstream) };
  });
  const sampled = ev.results.sampled;
  const tables = outputs.map((output): SensitivityTable => {
    const bars: SensitivityBar[] = [];
    const unaffectedBy: string[] = [];
    let unaffected = 0;
    for (const m of moves) {
      const k = m.at.get(output.slot);
      const low = k === undefined ? center[output.slot]! : m.atLo[k]!;
      const high = k === undefined ? center[output.slot]! : m.atHi[k]!;
      const swing = Math.abs(high - low);
      if (!(swing > 0) && !Number.isNaN(swing)) {
        unaffected++;
        if (unaffectedBy.length < MAX_UNAFFECTED_NAMES) unaffectedBy.push(m.input.name);
        continue;
      }
      const xs = sampled?.bySlot[m.input.slot];
      const ys = sampled?.bySlot[output.slot];
      const rho = xs && ys ? rankCorrelation(xs, ys) : undefined;
      bars.push({ input: m.input, inputLow: m.lo, inputHigh: m.hi, how: m.how, low, high, swing, ...(rho === undefined ? {} : { rankCorrelation: rho }) });
    }
    bars.sort((a, b) => b.swing - a.swing || a.input.name.localeCompare(b.input.name));
    return { output, base: center[output.slot]!, bars, unaffectedBy, unaffected };
  });
  return { kind: 'sensitivity', swingFactor, tables };
}

/** The low and high values an input moves between. */
function endsOf(ev: Evaluator, input: ModelInput, factor: number): [number, number, SensitivityBar['how']] {
  if (input.range && !ev.overrides.has(input.name)) {
    // A sampled run moves the input over the percentiles of its own samples; an exact run over
    // the exact percentiles of the declared distribution.
    const s = ev.results.sampled?.bySlot[input.slot];
    if (s) {
      const sum = summarize(s);
      return [sum.p5, sum.p95, 'range p5-p95'];
    }
    const q = input.range.sample([], { n: 2, rng: new QuantileRandom() });
    if (typeof q !== 'number') return [Math.min(q[0]!, q[1]!), Math.max(q[0]!, q[1]!), 'range p5-p95'];
  }
  const v = ev.base[input.slot]!;
  let lo = v < 0 ? v * factor : v / factor;
  let hi = v < 0 ? v / factor : v * factor;
  if (input.min && lo < input.min.si) lo = input.min.si;
  if (input.max && hi > input.max.si) hi = input.max.si;
  return [lo, hi, 'swing'];
}
