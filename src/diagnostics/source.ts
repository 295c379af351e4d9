/** Source texts and spans: where a piece of input came from, so errors can point at it. */

/** A named text that expressions and templates are read from (a file, `<expr>`, `--set mau`). */
export interface Source {
  readonly name: string;
  readonly text: string;
  /**
   * Where this text sits inside a larger source (an expression inside a YAML file). When
   * `exact` is false (an escaped or folded YAML string) spans map to the whole snippet.
   */
  readonly origin?: { readonly source: Source; readonly start: number; readonly end: number; readonly exact: boolean };
}

/** A half-open range of UTF-16 offsets [start, end) into a source's text. */
export interface Span {
  readonly source: Source;
  readonly start: number;
  readonly end: number;
}

/** A 1-based line and column (columns count code points, as editors show them). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Makes a source. */
export function source(name: string, text: string): Source {
  return { name, text };
}

/** A snippet of a larger source: errors in it point into the larger one. */
export function subSource(parent: Source, start: number, end: number, text: string, exact: boolean): Source {
  return { name: parent.name, text, origin: { source: parent, start, end, exact } };
}

/** The same place in the outermost source (the file), so line numbers are the file's. */
export function absolute(s: Span): Span {
  const o = s.source.origin;
  if (!o) return s;
  const mapped = o.exact ? span(o.source, o.start + s.start, o.start + s.end) : span(o.source, o.start, o.end);
  return absolute(mapped);
}

/** Makes a span, clamped to the source's text. */
export function span(src: Source, start: number, end: number = start): Span {
  const len = src.text.length;
  const s = Math.max(0, Math.min(start, len));
  return { source: src, start: s, end: Math.max(s, Math.min(end, len)) };
}

/** The smallest span that covers both. */
export function cover(a: Span, b: Span): Span {
  return { source: a.source, start: a.start < b.start ? a.start : b.start, end: a.end > b.end ? a.end : b.end };
}

/** Where each line of a text starts, made once per source: thousands of errors in one file stay linear. */
const lineStarts = new WeakMap<Source, readonly number[]>();

function startsOf(src: Source): readonly number[] {
  let starts = lineStarts.get(src);
  if (!starts) {
    const list = [0];
    const text = src.text;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) list.push(i + 1);
    starts = list;
    lineStarts.set(src, starts);
  }
  return starts;
}

/** Line and column of an offset. */
export function positionOf(src: Source, offset: number): Position {
  const text = src.text;
  const at = Math.max(0, Math.min(offset, text.length));
  const starts = startsOf(src);
  // The last line start at or before the offset (binary search).
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  const lineStart = starts[lo]!;
  return { line: lo + 1, column: codePointLength(text.slice(lineStart, at)) + 1 };
}

/** The whole line (without its newline) that holds an offset, and where it starts. */
export function lineAt(src: Source, offset: number): { text: string; start: number } {
  const text = src.text;
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const lineStart = offset > 0 && text.charCodeAt(offset - 1) === 10 ? offset : start;
  let end = text.indexOf('\n', lineStart);
  if (end < 0) end = text.length;
  let line = text.slice(lineStart, end);
  if (line.endsWith('\r')) line = line.slice(0, -1);
  return { text: line, start: lineStart };
}

/** Number of code points in a string. */
export function codePointLength(s: string): number {
  let n = s.length;
  // Each surrogate pair is one code point in two UTF-16 units.
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
