/**
 * Which resource binds each sized fleet, read from the evaluated values: the resource needing
 * the most servers (the first listed on a tie). With ranges each sample has its own binding
 * resource; the one binding most often is reported with its share of the samples.
 */
import { type Results } from '../model/evaluate.js';
import { type Model } from '../model/model.js';
import { resourceName } from './expand.js';

/** One resource of a fleet as evaluated. */
export interface ResourceNeed {
  readonly resource: string;
  /** The quantity holding its server count (`brokers.disk`). */
  readonly name: string;
  /** Servers it alone needs (the median with ranges). */
  readonly servers: number;
  /** The share of the binding resource's count it leaves unused: 1 - servers / binding servers. */
  readonly headroom: number;
}

/** A fleet's binding resource. */
export interface FleetBinding {
  readonly fleet: string;
  readonly binds: string;
  /** With ranges: the share of samples in which `binds` binds. */
  readonly share?: number;
  readonly needs: readonly ResourceNeed[];
}

/** The binding of every fleet the model sizes, by fleet name. */
export function bindings(model: Model, results: Results): ReadonlyMap<string, FleetBinding> {
  const out = new Map<string, FleetBinding>();
  for (const f of model.spec.sizing ?? []) {
    const slots: { resource: string; name: string; slot: number }[] = [];
    for (const r of f.resources) {
      const name = resourceName(f.name.text, r.name.text);
      const q = model.byName.get(name);
      if (q) slots.push({ resource: r.name.text, name, slot: q.slot });
    }
    if (slots.length === 0 || !model.byName.has(f.name.text)) continue;
    const servers = slots.map((s) => results.values[s.slot]!);
    const sampled = results.sampled;
    let bindsAt = argmax(servers);
    let share: number | undefined;
    if (sampled && slots.some((s) => sampled.bySlot[s.slot] !== undefined)) {
      const wins = sampleWins(slots.map((s) => sampled.bySlot[s.slot] ?? results.values[s.slot]!), sampled.samples);
      bindsAt = argmax(wins);
      share = wins[bindsAt]! / sampled.samples;
    }
    const top = servers[bindsAt]!;
    out.set(f.name.text, {
      fleet: f.name.text,
      binds: slots[bindsAt]!.resource,
      ...(share !== undefined ? { share } : {}),
      needs: slots.map((s, k) => ({ resource: s.resource, name: s.name, servers: servers[k]!, headroom: top > 0 ? 1 - servers[k]! / top : 0 })),
    });
  }
  return out;
}

/** The index of the largest value; the first on a tie. */
function argmax(xs: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < xs.length; k++) if (xs[k]! > xs[best]!) best = k;
  return best;
}

/** How many samples each resource binds (the first listed on a tie). */
function sampleWins(values: readonly (number | Float64Array)[], n: number): number[] {
  const wins = new Array<number>(values.length).fill(0);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestValue = at(values[0]!, i);
    for (let k = 1; k < values.length; k++) {
      const v = at(values[k]!, i);
      if (v > bestValue) {
        best = k;
        bestValue = v;
      }
    }
    wins[best]!++;
  }
  return wins;
}

const at = (m: number | Float64Array, i: number): number => (typeof m === 'number' ? m : m[i]!);
