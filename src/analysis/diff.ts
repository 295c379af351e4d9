/**
 * Scenario diff: two evaluations side by side (two templates, or one template with and without
 * --compare overrides). Inputs that differ are listed; every output both share is compared with
 * its absolute and relative change.
 */
import { type Results } from '../model/evaluate.js';
import { type Model, type ModelInput, type ModelQuantity } from '../model/model.js';

/** One side of a diff. */
export interface Side {
  readonly label: string;
  readonly model: Model;
  readonly results: Results;
}

/** An input whose value differs (or exists on one side only). */
export interface InputChange {
  readonly name: string;
  readonly a?: { readonly input: ModelInput; readonly value: number };
  readonly b?: { readonly input: ModelInput; readonly value: number };
}

/** An output on both sides. */
export interface OutputChange {
  readonly a: ModelQuantity;
  readonly b: ModelQuantity;
  readonly valueA: number;
  readonly valueB: number;
  /** b - a, when both sides have the same dimension. */
  readonly change?: number;
  /** (b - a) / |a|, when a is not zero. */
  readonly relative?: number;
}

/** A diff of two scenarios. */
export interface Diff {
  readonly kind: 'diff';
  readonly a: { readonly label: string };
  readonly b: { readonly label: string };
  readonly inputs: readonly InputChange[];
  readonly outputs: readonly OutputChange[];
  /** Outputs on one side only. */
  readonly onlyA: readonly string[];
  readonly onlyB: readonly string[];
}

/** Compares two evaluated scenarios. */
export function diff(a: Side, b: Side): Diff {
  const inputs: InputChange[] = [];
  const names = [...new Set([...a.model.inputs.map((i) => i.name), ...b.model.inputs.map((i) => i.name)])];
  for (const name of names) {
    const ia = a.model.inputs.find((i) => i.name === name);
    const ib = b.model.inputs.find((i) => i.name === name);
    const va = ia ? a.results.values[ia.slot]! : NaN;
    const vb = ib ? b.results.values[ib.slot]! : NaN;
    const same = ia && ib && ia.dimension.equals(ib.dimension) && va === vb;
    if (same) continue;
    inputs.push({ name, ...(ia ? { a: { input: ia, value: va } } : {}), ...(ib ? { b: { input: ib, value: vb } } : {}) });
  }
  const outputs: OutputChange[] = [];
  for (const qa of a.model.quantities) {
    const qb = b.model.quantities.find((q) => q.name === qa.name);
    if (!qb) continue;
    const valueA = a.results.values[qa.slot]!;
    const valueB = b.results.values[qb.slot]!;
    const comparable = qa.dimension.equals(qb.dimension);
    const change = comparable ? valueB - valueA : undefined;
    outputs.push({ a: qa, b: qb, valueA, valueB, ...(change === undefined ? {} : { change }), ...(change !== undefined && valueA !== 0 ? { relative: change / Math.abs(valueA) } : {}) });
  }
  // Shown in the order of the first side's sections, as the estimate shows them.
  const order = new Map(a.model.sections.flatMap((s) => s.items).map((it, k) => [it.name, k]));
  outputs.sort((x, y) => (order.get(x.a.name) ?? 1e9) - (order.get(y.a.name) ?? 1e9));
  return {
    kind: 'diff',
    a: { label: a.label },
    b: { label: b.label },
    inputs,
    outputs,
    onlyA: a.model.quantities.filter((q) => !b.model.quantities.some((x) => x.name === q.name)).map((q) => q.name),
    onlyB: b.model.quantities.filter((q) => !a.model.quantities.some((x) => x.name === q.name)).map((q) => q.name),
  };
}
