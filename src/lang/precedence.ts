/**
 * The precedence table as data (lowest first). The Pratt parser reads binding powers from here;
 * docs/language.md shows the same table.
 *
 *   conversion   -> in to          lowest, only at the end of an expression
 *   additive     + -               left
 *   multiplicative * / per         left
 *   range        to                a 90% interval, `1 to 3 MB`; not chained
 *   unary        -                 prefix
 *   power        ^                 right
 *   juxtaposition  300 MB, $5      a number and its unit bind tightest
 */

/** Left and right binding powers of the infix operators. */
export const INFIX: ReadonlyMap<string, { readonly left: number; readonly right: number; readonly op: '+' | '-' | '*' | '/' | '^' }> = new Map([
  ['+', { left: 10, right: 11, op: '+' as const }],
  ['-', { left: 10, right: 11, op: '-' as const }],
  ['*', { left: 20, right: 21, op: '*' as const }],
  ['/', { left: 20, right: 21, op: '/' as const }],
  ['per', { left: 20, right: 21, op: '/' as const }],
  ['^', { left: 40, right: 39, op: '^' as const }],
]);

/**
 * Binding powers of `a to b` as a range: tighter than `*` (`1 to 3 * 2` is (1 to 3) * 2, as in
 * Squiggle), looser than unary minus and `^` (`-1 to 2^3` is (-1) to (2^3)).
 */
export const RANGE = { left: 25, right: 26 } as const;

/** Binding power of unary minus: below `^`, so -2^2 is -(2^2). */
export const PREFIX_MINUS = 30;

/** Precedence of each binary operator, for the printer's parentheses. */
export const BINARY_PRECEDENCE: Readonly<Record<'+' | '-' | '*' | '/' | '^', number>> = {
  '+': 10,
  '-': 10,
  '*': 20,
  '/': 20,
  '^': 40,
};

/** Words reserved by the grammar; they cannot name quantities. */
export const KEYWORDS: ReadonlySet<string> = new Set(['per', 'in', 'to']);
