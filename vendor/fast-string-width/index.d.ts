/** Terminal columns of a string: ANSI sequences and marks 0, wide characters and emoji 2. */
declare function stringWidth(text: string): number;
declare namespace stringWidth {
  /** The same function (string-width@4 exports it both ways). */
  const _default: typeof stringWidth;
  export { _default as default };
  /** The longest start of an ANSI-free string that fits in `columns`, cut between clusters. */
  export function cutToWidth(text: string, columns: number): string;
  /** The grapheme clusters of an ANSI-free string, each with the columns it takes. */
  export function graphemes(text: string): { text: string; width: number }[];
  /** The string without ANSI escape sequences. */
  export function stripAnsi(text: string): string;
}
export = stringWidth;
