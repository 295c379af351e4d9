/**
 * The left spine of an operator chain. `a + b - c` parses to ((a + b) - c): a left-associative
 * chain is a tree as tall as it is long, so a pass that recursed on `left` would overflow the
 * stack on a few thousand terms. Every walker of binary nodes takes the spine from here and
 * walks it in a loop, bottom-up; it recurses only on the right operands (and the bottom's left),
 * which is real nesting, bounded by the parser's MAX_DEPTH.
 */
import { type Expr } from './ast.js';

/** A binary node. */
export type Binary = Extract<Expr, { kind: 'binary' }>;

/**
 * The binary nodes down the left edge of `e`, in evaluation order (the innermost first, `e`
 * last), and the operand at the bottom, which is not binary: for ((a + b) - c), `base` is `a`
 * and `steps` is [(a + b), ((a + b) - c)].
 */
export function leftSpine(e: Binary): { readonly base: Expr; readonly steps: readonly Binary[] } {
  const steps: Binary[] = [];
  let at: Expr = e;
  while (at.kind === 'binary') {
    steps.push(at);
    at = at.left;
  }
  steps.reverse();
  return { base: at, steps };
}
