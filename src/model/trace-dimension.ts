/**
 * Traces a dimension mismatch back to its cause. When `send_qps` comes out as
 * message/Time/user because the input `dau: 500M` was written without `user`, the fix belongs on
 * `dau`, not on the quantity's `unit:` (removing it only hides the wrong dimension).
 */
import { type Expr } from '../lang/ast.js';
import { type Dimension } from '../units/dimension.js';
import { type ModelInput, type ModelQuantity } from './model.js';

/** The names an expression reads (build.ts's `namesIn`, passed in to keep the import one way). */
export type NamesIn = (e: Expr) => readonly string[];

/** The input a mismatch traces back to, and what to write there. */
export interface DimensionCause {
  readonly input: ModelInput;
  /** The input's default with the missing unit, as the author should write it (`500M user`). */
  readonly fix: string;
  /** The count unit the input lacks. */
  readonly unit: string;
}

/**
 * The input to blame when a quantity of dimension `have` should be `want` and the difference is
 * one count unit to multiply by (`user`): among the plain-number inputs the quantity reads
 * (directly or through other quantities), not percentages, the largest, since a count of users
 * or messages is what a bare `500M` usually means. Undefined when no input fits.
 */
export function traceCause(expr: Expr, have: Dimension, want: Dimension, byName: ReadonlyMap<string, ModelInput | ModelQuantity>, namesIn: NamesIn): DimensionCause | undefined {
  const ratio = want.div(have);
  const [only] = ratio.entries;
  if (ratio.entries.length !== 1 || !only || only[1] !== 1 || /^[A-Z]/.test(only[0])) return undefined;
  const unit = only[0];
  let best: { input: ModelInput; size: number } | undefined;
  for (const input of inputsRead(expr, byName, namesIn)) {
    if (!input.dimension.isNone || input.unit?.percent || /%/.test(input.spec.default.text)) continue;
    const size = Math.abs(input.defaultValue.uncertain ? 0 : Number(input.defaultValue.run([])));
    if (!best || size > best.size) best = { input, size };
  }
  if (!best || best.size < 1) return undefined;
  return { input: best.input, unit, fix: `${best.input.spec.default.text.trim()} ${unit}` };
}

/** Every input an expression reads, through the quantities it reads, each once. */
function inputsRead(expr: Expr, byName: ReadonlyMap<string, ModelInput | ModelQuantity>, namesIn: NamesIn): ModelInput[] {
  const seen = new Set<string>();
  const found: ModelInput[] = [];
  const visit = (names: readonly string[]) => {
    for (const n of names) {
      if (seen.has(n)) continue;
      seen.add(n);
      const item = byName.get(n);
      if (item?.kind === 'input') found.push(item);
      else if (item) visit(namesIn(item.expr));
    }
  };
  visit(namesIn(expr));
  return found;
}
