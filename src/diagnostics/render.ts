/**
 * Renders project errors for people (rustc-style snippets with carets) and for scripts (JSON
 * lines). Everything from the input is escaped by the one rule of sanitize.ts, and cut to a
 * window: a 1 MB name or source line prints as about a hundred columns, with `…` where it was
 * cut and the carets still under the span.
 */
import { type EstimateError } from './error.js';
import { charWidth, sanitize, visibleChar } from './sanitize.js';
import { absolute, lineAt, positionOf, type Span } from './source.js';

/** Columns of a source line shown in a frame. */
export const FRAME_WIDTH = 100;
/** Columns kept before the span when a line is cut. */
const CONTEXT_BEFORE = 40;
/** Code points of a quoted name (`…`) kept in a message. */
const MAX_QUOTED = 60;
const LONG_QUOTED = new RegExp(`\`([^\`]{${MAX_QUOTED + 1},})\``, 'g');
/** Code points of a message, help line or place kept. */
const MAX_LINE = 300;

/**
 * A caret or dash run under the source line with its label. Before the line is escaped and cut
 * (`toRaw`) `from`/`to` are UTF-16 offsets into the line; after (`frameLine`) they are columns.
 */
interface Mark {
  readonly from: number;
  readonly to: number;
  readonly char: '^' | '-';
  readonly text: string;
}

/**
 * The error as a multi-line message with the source line and carets. With `columns` (a person
 * at a terminal) long help lines wrap at spaces under their own start.
 */
export function renderError(err: EstimateError, columns = Infinity): string {
  const out: string[] = [`error[${err.code}]: ${sanitize(shortMessage(err.message))}`];
  const primary = err.details.span && absolute(err.details.span);
  if (primary) {
    const pos = positionOf(primary.source, primary.start);
    out.push(...snippet(err, primary, `${pos.line}`));
  } else if (err.details.where) {
    out.push(` --> ${sanitize(clip(err.details.where, MAX_LINE))}`);
  }
  for (const help of err.details.help ?? []) out.push(...wrapHelp(sanitize(shortMessage(help)), columns));
  return out.join('\n');
}

const HELP_PREFIX = '  = help: ';

/** `  = help: text`, wrapped at spaces to `columns`, the next lines indented under the text. */
function wrapHelp(text: string, columns: number): string[] {
  const room = Math.max(10, columns - HELP_PREFIX.length);
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const word of text.split(' ')) {
    const w = textColumns(word);
    if (width > 0 && width + 1 + w > room) {
      lines.push(line);
      line = '';
      width = 0;
    }
    line = width > 0 ? `${line} ${word}` : word;
    width += (width > 0 ? 1 : 0) + w;
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? HELP_PREFIX : ' '.repeat(HELP_PREFIX.length)) + l);
}

/** Terminal columns of sanitized text. */
function textColumns(text: string): number {
  let n = 0;
  for (const ch of text) n += charWidth(ch);
  return n;
}

/** A message with long quoted names cut (`aaaa…`) and the whole cut to MAX_LINE. */
export function shortMessage(text: string): string {
  const quoted = text.length <= MAX_QUOTED ? text : text.replace(LONG_QUOTED, (_m, inner: string) => '`' + clip(inner, MAX_QUOTED) + '`');
  return clip(quoted, MAX_LINE);
}

/** The first `max` code points of a text, ending in `…` when it was longer. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let n = 0;
  let end = 0;
  for (const ch of text) {
    if (++n > max - 1) break;
    end += ch.length;
  }
  if (n <= max - 1) return text;
  return text.slice(0, end) + '…';
}

function snippet(err: EstimateError, primary: Span, lineNo: string): string[] {
  const pos = positionOf(primary.source, primary.start);
  const gutter = ' '.repeat(lineNo.length);
  const where = err.details.where ? ` (${sanitize(clip(err.details.where, MAX_LINE))})` : '';
  const lines = [`${gutter}--> ${sanitize(clip(primary.source.name, MAX_LINE))}:${pos.line}:${pos.column}${where}`];
  const line = lineAt(primary.source, primary.start);
  const first = toRaw(primary, line, '^', err.details.spanLabel ?? '');
  const raw: Mark[] = [first];
  for (const l of err.details.labels ?? []) {
    const label = { ...l, span: absolute(l.span) };
    if (label.span.source !== primary.source) continue;
    if (lineAt(label.span.source, label.span.start).start !== line.start) continue;
    raw.push(toRaw(label.span, line, '-', label.text));
  }
  const shown = frameLine(line.text, first, raw);
  lines.push(`${gutter} |`);
  lines.push(`${lineNo} | ${shown.text}`);
  lines.push(...markerLines(shown.marks).map((m) => `${gutter} | ${m}`.trimEnd()));
  return lines;
}

function toRaw(s: Span, line: { text: string; start: number }, char: '^' | '-', text: string): Mark {
  const from = Math.max(0, Math.min(s.start - line.start, line.text.length));
  const to = Math.max(from, Math.min(s.end - line.start, line.text.length));
  return { from, to, char, text: sanitize(shortMessage(text)) };
}

/** One shown code point: where it starts in the line, its column, and how it is shown. */
interface Cell {
  readonly off: number;
  readonly col: number;
  readonly shown: string;
  readonly width: number;
}

/**
 * The line as shown (escaped, cut to FRAME_WIDTH columns around the primary span) and the marks
 * moved to its columns.
 */
function frameLine(text: string, primary: Mark, marks: readonly Mark[]): { text: string; marks: Mark[] } {
  const { cells, lo, hi, total } = cellsAround(text, primary);
  const colOf = (off: number): number => {
    // The column of the first cell at or after `off` (binary search; cells are in order).
    let a = 0;
    let b = cells.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (cells[m]!.off < off) a = m + 1;
      else b = m;
    }
    return a < cells.length ? cells[a]!.col : total;
  };
  let start = 0;
  let end = total;
  if (total > FRAME_WIDTH) {
    end = Math.min(total, Math.max(0, colOf(primary.from) - CONTEXT_BEFORE) + FRAME_WIDTH);
    start = Math.max(0, end - FRAME_WIDTH);
  }
  const kept = cells.filter((c) => c.col >= start && c.col + c.width <= end);
  if (kept.length > 0) {
    start = kept[0]!.col;
    end = kept[kept.length - 1]!.col + kept[kept.length - 1]!.width;
  }
  const leftCut = lo > 0 || start > 0;
  const rightCut = hi < text.length || end < total;
  const shift = (leftCut ? 1 : 0) - start;
  const out: Mark[] = [];
  for (const m of marks) {
    let from = colOf(m.from);
    let to = Math.max(from + 1, colOf(m.to));
    // A label wholly outside the window is dropped; the primary mark is always shown.
    if (m !== primary && (to <= start || from > end)) continue;
    from = Math.min(Math.max(from, start), end);
    to = Math.max(from + 1, Math.min(to, end + (from >= end ? 1 : 0)));
    out.push({ from: from + shift, to: to + shift, char: m.char, text: m.text });
  }
  const body = kept.map((c) => c.shown).join('');
  return { text: (leftCut ? '…' : '') + body + (rightCut ? '…' : ''), marks: out };
}

/**
 * The line's code points around the primary span, each with its escaped form and column. The
 * line is first cut in UTF-16 units to a generous stretch around the span (every shown code
 * point takes at least one column), so a 1 MB line costs no more than a short one.
 */
function cellsAround(text: string, primary: Mark): { cells: Cell[]; lo: number; hi: number; total: number } {
  const reach = 4 * FRAME_WIDTH;
  let lo = Math.max(0, primary.from - reach);
  let hi = Math.min(text.length, Math.max(primary.to, primary.from) + reach);
  if (lo > 0 && isLow(text.charCodeAt(lo))) lo--;
  if (hi < text.length && isLow(text.charCodeAt(hi))) hi++;
  const cells: Cell[] = [];
  let col = 0;
  for (let off = lo; off < hi; ) {
    const ch = String.fromCodePoint(text.codePointAt(off)!);
    const shown = visibleChar(ch);
    const width = shown === ch ? charWidth(ch) : shown.length;
    cells.push({ off, col, shown, width });
    col += width;
    off += ch.length;
  }
  return { cells, lo, hi, total: col };
}

const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** The marker row, the rightmost label inline, the others hanging below on `|` connectors. */
function markerLines(marks: Mark[]): string[] {
  const sorted = [...marks].sort((a, b) => a.from - b.from);
  const row: string[] = [];
  for (const m of sorted) {
    while (row.length < m.to) row.push(' ');
    for (let i = m.from; i < m.to; i++) if (row[i] !== '^') row[i] = m.char;
  }
  const labelled = sorted.filter((m) => m.text !== '');
  const last = labelled[labelled.length - 1];
  const first = row.join('').trimEnd() + (last ? ' ' + last.text : '');
  const lines = [first];
  const hanging = labelled.slice(0, -1);
  for (let i = hanging.length - 1; i >= 0; i--) {
    const connectors = (upto: number, textAt?: Mark) => {
      const cells: string[] = [];
      for (let j = 0; j < upto; j++) {
        const m = hanging[j]!;
        while (cells.length < m.from) cells.push(' ');
        cells[m.from] = '|';
      }
      let s = cells.join('');
      if (textAt) s = s.padEnd(textAt.from) + textAt.text;
      return s;
    };
    lines.push(connectors(i + 1));
    lines.push(connectors(i, hanging[i]));
  }
  return lines;
}

/**
 * The error as one JSON object, for `--format json` (one line on stderr per error). Long names
 * are cut as in the terminal; the caller serialises it with safeJson (escapes as `\u`).
 */
export function errorToJson(err: EstimateError): Record<string, unknown> {
  const out: Record<string, unknown> = { level: 'error', code: err.code, message: shortMessage(err.message) };
  const s = err.details.span && absolute(err.details.span);
  if (s) {
    const start = positionOf(s.source, s.start);
    const end = positionOf(s.source, s.end);
    Object.assign(out, {
      file: clip(s.source.name, MAX_LINE),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    });
  }
  if (err.details.where) out['where'] = clip(err.details.where, MAX_LINE);
  if (err.details.help?.length) out['help'] = err.details.help.map(shortMessage);
  const data = err.details.data;
  if (data) {
    for (const [k, v] of Object.entries(data)) if (typeof v === 'string') out[k] = clip(v, MAX_LINE);
  }
  return out;
}
