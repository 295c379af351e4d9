/**
 * Goal seek: the value of one input where an output meets a target. The output is probed at
 * the input's value times 2^k (doubling and halving, within the input's bounds) to learn its
 * direction and find a bracket; bisection then closes the bracket to 1 part in 10^13. Says so
 * when the output does not depend on the input, is not monotone, or never meets the target.
 */
import { EstimateError } from '../diagnostics/error.js';
import { formatQuantity } from '../units/format.js';
import { type ModelInput } from '../model/model.js';
import { type Evaluator } from './evaluator.js';
import { type Condition } from './specs.js';

/** The answer of a goal seek. */
export interface Solve {
  readonly kind: 'solve';
  readonly input: ModelInput;
  readonly condition: Condition;
  /** Which end of the satisfying values was asked for. */
  readonly want: 'largest' | 'smallest' | 'exact';
  /** The input's value (base units) and the output there. */
  readonly value: number;
  readonly outputThere: number;
  /** Today's input and output. */
  readonly baseValue: number;
  readonly baseOutput: number;
  readonly direction: 'increasing' | 'decreasing';
  /** The output around the answer (the input from ÷4 to ×4, within its bounds), for a chart. */
  readonly curve: { readonly xs: readonly number[]; readonly ys: readonly number[] };
}

const STEPS = 64;

/** Solves `condition` for `input`. */
export function solve(ev: Evaluator, input: ModelInput, condition: Condition): Solve {
  const where = `--solve ${input.name} --for "${condition.text}"`;
  const f = (x: number): number => ev.at([{ slot: input.slot, value: x }])[condition.output.slot]!;
  const lo = Math.max(input.min?.si ?? 0, 0);
  const hi = input.max?.si ?? Infinity;
  const base = ev.base[input.slot]!;
  const x0 = base > 0 ? base : hi < Infinity && hi > 0 ? hi / 2 : 1;
  const probes = [...new Set([lo, ...Array.from({ length: 2 * STEPS + 1 }, (_, k) => x0 * 2 ** (k - STEPS)).filter((x) => x > lo && x < hi), ...(hi < Infinity ? [hi] : [])])].sort((a, b) => a - b);
  // A probe far out may overflow the model (E0602): that probe is left out, not the whole search.
  const ys = probes.map((x) => {
    try {
      return f(x);
    } catch (e) {
      if (e instanceof EstimateError) return NaN;
      throw e;
    }
  });
  const finite = ys.filter(Number.isFinite);
  const show = (v: number) => formatQuantity(v, condition.output.dimension, condition.output.unit).text;
  const showX = (v: number) => formatQuantity(v, input.dimension, input.unit).text;
  if (finite.length === 0 || finite.every((y) => y === finite[0])) {
    throw new EstimateError('E0742', `\`${condition.output.name}\` does not depend on \`${input.name}\`: it stays ${finite.length ? show(finite[0]!) : 'undefined'} whatever \`${input.name}\` is`, {
      where,
      help: ['solve for an input the output is computed from; --sensitivity shows which inputs move it'],
    });
  }
  const direction = monotoneDirection(probes, ys, () => {
    throw new EstimateError('E0743', `\`${condition.output.name}\` is not monotone in \`${input.name}\` between ${showX(probes[0]!)} and ${showX(probes[probes.length - 1]!)}: goal seek would find one answer of several`, {
      where,
      help: ['sweep the input (--sweep) to see the shape, then narrow the input with min: and max:'],
    });
  });
  const up = direction === 'increasing';
  const want: Solve['want'] = condition.op === '=' ? 'exact' : (condition.op === '<=' || condition.op === '<') === up ? 'largest' : 'smallest';
  // pred(x) holds on one side of the answer: the satisfying side for <= and >=, and for = the
  // side at or below the target when increasing (its boundary is the smallest x reaching it).
  const pred = (y: number): boolean => {
    switch (condition.op) {
      case '<=':
        return y <= condition.target;
      case '<':
        return y < condition.target;
      case '>=':
        return y >= condition.target;
      case '>':
        return y > condition.target;
      case '=':
        return up ? y >= condition.target : y <= condition.target;
    }
  };
  const truths = ys.map((y) => !Number.isNaN(y) && pred(y));
  // The satisfying set is one end of the probes: [first .. t] for `largest`, [t .. last] for `smallest` (and exact).
  const fromStart = want === 'largest';
  const firstTrue = truths.indexOf(true);
  if (firstTrue < 0) throw unreachable(condition, input, showX(probes[0]!), showX(probes[probes.length - 1]!), show(finite.reduce((a, b) => Math.min(a, b), Infinity)), show(finite.reduce((a, b) => Math.max(a, b), -Infinity)), where);
  let a: number;
  let b: number;
  if (fromStart) {
    const lastTrue = truths.lastIndexOf(true);
    if (lastTrue === probes.length - 1) return finish(probes[lastTrue]!);
    if (!truths[0]) throw unreachable(condition, input, showX(probes[0]!), showX(probes[probes.length - 1]!), show(finite.reduce((a, b) => Math.min(a, b), Infinity)), show(finite.reduce((a, b) => Math.max(a, b), -Infinity)), where);
    [a, b] = [probes[lastTrue]!, probes[lastTrue + 1]!];
  } else {
    if (firstTrue === 0) return finish(probes[0]!);
    [a, b] = [probes[firstTrue]!, probes[firstTrue - 1]!];
  }
  // a satisfies, b does not: bisect.
  for (let i = 0; i < 200 && Math.abs(a - b) > 1e-13 * Math.max(Math.abs(a), Math.abs(b)); i++) {
    const m = (a + b) / 2;
    if (pred(f(m))) a = m;
    else b = m;
  }
  return finish(a);

  function finish(x: number): Solve {
    const y = f(x);
    if (condition.op === '=' && Math.abs(y - condition.target) > 1e-9 * Math.max(Math.abs(condition.target), 1e-300)) {
      throw new EstimateError('E0741', `\`${condition.output.name}\` jumps past ${show(condition.target)} at \`${input.name}\` = ${showX(x)} (to ${show(y)}): no value gives it exactly`, {
        where,
        help: [`ask for the largest or smallest value instead: --for "${condition.output.name} <= ${condition.text.split(/=+/).pop()!.trim()}"`],
      });
    }
    const xs = Array.from({ length: 17 }, (_, k) => x * 2 ** ((k - 8) / 4)).filter((v) => v >= lo && v <= hi);
    return { kind: 'solve', input, condition, want, value: x, outputThere: y, baseValue: base, baseOutput: f(base), direction, curve: { xs, ys: xs.map(f) } };
  }
}

/** 'increasing' or 'decreasing' over the probes (flat steps allowed); calls notMonotone otherwise. */
function monotoneDirection(xs: readonly number[], ys: readonly number[], notMonotone: () => never): 'increasing' | 'decreasing' {
  let rises = false;
  let falls = false;
  for (let i = 1; i < ys.length; i++) {
    const d = ys[i]! - ys[i - 1]!;
    if (Number.isNaN(d)) continue;
    // Rounding in a long chain of products may wobble the last bits; that is not a turn.
    const tol = 1e-12 * Math.max(Math.abs(ys[i]!), Math.abs(ys[i - 1]!));
    if (d > tol) rises = true;
    if (d < -tol) falls = true;
  }
  void xs;
  if (rises && falls) notMonotone();
  return falls ? 'decreasing' : 'increasing';
}

function unreachable(c: Condition, input: ModelInput, fromX: string, toX: string, minY: string, maxY: string, where: string): EstimateError {
  return new EstimateError('E0741', `\`${c.text}\` cannot be met by moving \`${input.name}\`: between ${fromX} and ${toX}, \`${c.output.name}\` only goes from ${minY} to ${maxY}`, {
    where,
    help: ['change another input with --set first, or ask for a target within reach'],
  });
}
