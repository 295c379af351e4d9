/** Tokens of the expression language. */

/** Token kinds; operators carry their text in `text`. */
export type TokenKind = 'number' | 'ident' | 'op' | 'eof';

/** One token with its UTF-16 offsets in the source. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Numbers: the value (digit groups removed); 0 for other tokens. */
  readonly value: number;
  /** True when whitespace comes right before the token. */
  readonly spaced: boolean;
}

/** Operator and punctuation tokens, longest first. */
export const OPERATORS = ['->', '+', '-', '*', '/', '^', '(', ')', ',', '%', '$'] as const;

/** Look-alike characters accepted as the ASCII operator they resemble. */
export const OPERATOR_ALIASES: ReadonlyMap<string, string> = new Map([
  ['×', '*'],
  ['·', '*'],
  ['⋅', '*'],
  ['÷', '/'],
  ['−', '-'],
  ['–', '-'],
  ['→', '->'],
]);

/** Whitespace besides ASCII space and tab that documents paste in (no-break and thin spaces). */
export const EXTRA_SPACES: ReadonlySet<string> = new Set(['\u00a0', '\u2009', '\u202f', '\u2007', '\u3000']);
