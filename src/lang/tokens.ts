/** Tokens of the expression language. */
import { type Span } from '../diagnostics/source.js';

/** Token kinds; operators carry their text in `text`. */
export type TokenKind = 'number' | 'ident' | 'op' | 'eof';

/** One token with its UTF-16 offsets: it is also its own span, so the tree points at it as is. */
export interface Token extends Span {
  readonly kind: TokenKind;
  /** Names and operators: the text (`->` for `→`). Numbers: NUMBER_TEXT; see `tokenText`. */
  readonly text: string;
}

/** The `text` of every number token: the lexer does not copy numbers out of the source. */
export const NUMBER_TEXT = '#';

/** Operator and punctuation tokens, longest first. */
export const OPERATORS = ['->', '+', '-', '*', '/', '^', '(', ')', ',', '%', '$', ':'] as const;

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
