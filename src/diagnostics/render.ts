/** Renders project errors for people (rustc-style snippets with carets) and for scripts (JSON lines). */
import { type EstimateError } from './error.js';
import { sanitize, displayWidth } from './sanitize.js';
import { absolute, lineAt, positionOf, type Span } from './source.js';

interface Mark {
  readonly from: number;
  readonly to: number;
  readonly char: '^' | '-';
  readonly text: string;
}

/** The error as a multi-line message with the source line and carets. */
export function renderError(err: EstimateError): string {
  const out: string[] = [`error[${err.code}]: ${sanitize(err.message)}`];
  const primary = err.details.span && absolute(err.details.span);
  if (primary) {
    const pos = positionOf(primary.source, primary.start);
    out.push(...snippet(err, primary, `${pos.line}`));
  } else if (err.details.where) {
    out.push(` --> ${sanitize(err.details.where)}`);
  }
  for (const help of err.details.help ?? []) out.push(`  = help: ${sanitize(help)}`);
  return out.join('\n');
}

function snippet(err: EstimateError, primary: Span, lineNo: string): string[] {
  const pos = positionOf(primary.source, primary.start);
  const gutter = ' '.repeat(lineNo.length);
  const where = err.details.where ? ` (${sanitize(err.details.where)})` : '';
  const lines = [`${gutter}--> ${sanitize(primary.source.name)}:${pos.line}:${pos.column}${where}`];
  const line = lineAt(primary.source, primary.start);
  const marks: Mark[] = [toMark(primary, line, '^', err.details.spanLabel ?? '')];
  for (const raw of err.details.labels ?? []) {
    const label = { ...raw, span: absolute(raw.span) };
    if (label.span.source !== primary.source) continue;
    if (lineAt(label.span.source, label.span.start).start !== line.start) continue;
    marks.push(toMark(label.span, line, '-', label.text));
  }
  lines.push(`${gutter} |`);
  lines.push(`${lineNo} | ${sanitize(line.text)}`);
  lines.push(...markerLines(marks).map((m) => `${gutter} | ${m}`.trimEnd()));
  return lines;
}

function toMark(s: Span, line: { text: string; start: number }, char: '^' | '-', text: string): Mark {
  const from = displayWidth(line.text.slice(0, s.start - line.start));
  const end = Math.min(s.end, line.start + line.text.length);
  const width = Math.max(1, displayWidth(line.text.slice(s.start - line.start, Math.max(s.start, end) - line.start)));
  return { from, to: from + width, char, text: sanitize(text) };
}

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

/** The error as one JSON object, for `--format json` (one line on stderr per error). */
export function errorToJson(err: EstimateError): Record<string, unknown> {
  const out: Record<string, unknown> = { level: 'error', code: err.code, message: err.message };
  const s = err.details.span && absolute(err.details.span);
  if (s) {
    const start = positionOf(s.source, s.start);
    const end = positionOf(s.source, s.end);
    Object.assign(out, {
      file: s.source.name,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    });
  }
  if (err.details.where) out['where'] = err.details.where;
  if (err.details.help?.length) out['help'] = err.details.help;
  return out;
}
