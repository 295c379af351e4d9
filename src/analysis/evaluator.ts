/**
 * The one evaluator every what-if analysis shares: the template is loaded and compiled once,
 * the inputs are evaluated once, and each point re-runs only the quantities with some input
 * slots replaced. A point costs one pass over the compiled quantities, no more.
 */
import { EstimateError } from '../diagnostics/error.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { namesIn } from '../model/build.js';
import { evaluate, type EvaluateOptions, type Results } from '../model/evaluate.js';
import { type Model, type ModelInput, type ModelQuantity } from '../model/model.js';
import { type Override } from '../model/overrides.js';

/** A change of one input at one point: its slot and its value in base units. */
export interface Change {
  readonly slot: number;
  readonly value: number;
}

/** Evaluates a model many times with some inputs changed, from one base evaluation. */
export class Evaluator {
  /** The base point: every slot's value (medians where the base was sampled). */
  readonly base: Float64Array;
  readonly results: Results;

  constructor(
    readonly model: Model,
    readonly overrides: ReadonlyMap<string, Override>,
    readonly sampling: EvaluateOptions = {},
  ) {
    const uncertain = model.quantities.find((q) => q.compiled.uncertain);
    if (uncertain) {
      throw new EstimateError('E0744', `\`${uncertain.name}\` holds a range itself, so a what-if analysis cannot re-evaluate it point by point`, {
        span: uncertain.spec.value.span,
        help: ['move the range into an input (`range:`) and run the analysis on the exact template'],
      });
    }
    this.results = evaluate(model, overrides, sampling);
    this.base = this.results.values;
  }

  /**
   * The quantities downstream of one input, in evaluation order: those reading it, directly or
   * through other quantities. Moving the input changes these and no other slot.
   */
  downstreamOf(input: ModelInput): readonly ModelQuantity[] {
    const readers = this.readersBySlot();
    const hit = new Set<number>();
    const todo = [input.slot];
    while (todo.length > 0) {
      for (const k of readers.get(todo.pop()!) ?? []) {
        if (hit.has(k)) continue;
        hit.add(k);
        todo.push(this.model.quantities[k]!.slot);
      }
    }
    // model.quantities is in evaluation order: keep it.
    return [...hit].sort((a, b) => a - b).map((k) => this.model.quantities[k]!);
  }

  private readers?: Map<number, number[]>;

  /** Slot -> the indices of the quantities whose expression names it; built once. */
  private readersBySlot(): Map<number, number[]> {
    if (this.readers) return this.readers;
    const readers = new Map<number, number[]>();
    this.model.quantities.forEach((q, k) => {
      for (const name of namesIn(q.expr)) {
        const slot = this.model.byName.get(name)?.slot;
        if (slot === undefined) continue;
        const list = readers.get(slot);
        if (list) list.push(k);
        else readers.set(slot, [k]);
      }
    });
    this.readers = readers;
    return readers;
  }

  /**
   * One input changed from `from` (a full evaluation, left as it was on return): the values of
   * `downstream` (from downstreamOf), in its order. Costs one run per downstream quantity, so a
   * tornado over every input is linear in the template, not inputs × quantities.
   */
  moved(from: Float64Array, slot: number, value: number, downstream: readonly ModelQuantity[]): Float64Array {
    const was = from[slot]!;
    const saved = new Float64Array(downstream.length);
    const out = new Float64Array(downstream.length);
    from[slot] = value;
    downstream.forEach((q, k) => {
      saved[k] = from[q.slot]!;
      from[q.slot] = q.compiled.run(from);
      out[k] = from[q.slot]!;
    });
    // Put the buffer back: the next input moves from the same point.
    from[slot] = was;
    downstream.forEach((q, k) => {
      from[q.slot] = saved[k]!;
    });
    return out;
  }

  /** Every slot's value with the given inputs changed. */
  at(changes: readonly Change[]): Float64Array {
    const v = this.base.slice();
    for (const c of changes) v[c.slot] = c.value;
    for (const q of this.model.quantities) v[q.slot] = q.compiled.run(v);
    return v;
  }
}

/** The input of that name, or a usage error naming where it was asked for. */
export function inputNamed(model: Model, name: string, where: string): ModelInput {
  const input = model.inputs.find((i) => i.name === name);
  if (input) return input;
  const q = model.quantities.find((x) => x.name === name);
  if (q) {
    throw new EstimateError('E0964', `\`${name}\` is a quantity computed from the inputs, not an input`, {
      where,
      help: [`the inputs are ${model.inputs.map((i) => i.name).join(', ')}`],
    });
  }
  const hint = didYouMean(name, model.inputs.map((i) => i.name));
  throw new EstimateError('E0903', `unknown input \`${name}\`${hint ? `; ${hint}` : ''}`, {
    where,
    help: [`the inputs are ${model.inputs.map((i) => i.name).join(', ') || '(none)'}`],
  });
}

/** The quantity (output) of that name, or a usage error. An input is accepted as an output too. */
export function outputNamed(model: Model, name: string, where: string): ModelQuantity {
  const q = model.quantities.find((x) => x.name === name);
  if (q) return q;
  const hint = didYouMean(name, model.quantities.map((x) => x.name));
  const isInput = model.inputs.some((i) => i.name === name);
  throw new EstimateError('E0960', isInput ? `\`${name}\` is an input, not an output computed from the inputs` : `unknown output \`${name}\`${hint ? `; ${hint}` : ''}`, {
    where,
    help: [`the outputs are ${model.quantities.map((x) => x.name).join(', ')}`],
  });
}

/** The outputs named (comma lists allowed), or every quantity when none is named. */
export function outputsNamed(model: Model, names: readonly string[], where: string): ModelQuantity[] {
  const words = names.flatMap((n) => n.split(',')).map((n) => n.trim()).filter((n) => n !== '');
  if (words.length === 0) return [...model.quantities];
  const out: ModelQuantity[] = [];
  for (const w of words) {
    const q = outputNamed(model, w, where);
    if (!out.includes(q)) out.push(q);
  }
  return out;
}
