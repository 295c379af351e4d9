/**
 * Bordered text tables for the terminal: box-drawing borders, one space of padding, columns
 * shrunk to fit the width and their words wrapped, never cut. (This replaced cli-table3: its
 * first render took about 17 ms of the main job's start-up; this takes well under 1 ms.)
 */
import { displayWidth, sanitize } from '../diagnostics/sanitize.js';

/** The width tables are fitted to: the terminal's, but never under 60 or over 120 columns. */
export function tableWidth(terminalColumns: number): number {
  return Math.max(60, Math.min(terminalColumns, 120));
}

/** A table with a header row; control characters in cells are shown escaped. */
export function grid(head: readonly string[], body: readonly (readonly string[])[], columns: number): string {
  const rows = body.map((r) => r.map((c) => sanitize(c)));
  const widths = fitWidths(head, rows, columns);
  const rule = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w)).join(mid) + right;
  const out = [rule('┌', '┬', '┐'), ...row(head, widths)];
  for (const r of rows) out.push(...row(r, widths));
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}

/** Column widths (padding included): natural, then the widest shrinkable column shrunk first. */
function fitWidths(head: readonly string[], rows: readonly (readonly string[])[], columns: number): number[] {
  const column = (i: number) => [head[i] ?? '', ...rows.map((r) => r[i] ?? '')];
  const longestWord = (t: string) => Math.max(0, ...t.split(' ').map(displayWidth));
  const widths = head.map((_, i) => Math.max(...column(i).map(displayWidth)) + 2);
  // A column never gets narrower than its longest word, so numbers are wrapped, never cut.
  const floor = head.map((_, i) => Math.max(...column(i).map(longestWord)) + 2);
  const total = widths.reduce((a, b) => a + b, 0) + head.length + 1;
  for (let excess = total - columns; excess > 0; excess--) {
    let pick = -1;
    widths.forEach((w, i) => {
      if (w > floor[i]! && (pick < 0 || w > widths[pick]!)) pick = i;
    });
    if (pick < 0) break;
    widths[pick]!--;
  }
  return widths;
}

/** One table row as lines: each cell wrapped to its column, top-aligned, padded. */
function row(cells: readonly string[], widths: readonly number[]): string[] {
  const wrapped = widths.map((w, i) => wrapWords(cells[i] ?? '', w - 2));
  const height = Math.max(1, ...wrapped.map((l) => l.length));
  const lines: string[] = [];
  for (let k = 0; k < height; k++) {
    const parts = wrapped.map((l, i) => {
      const text = l[k] ?? '';
      return ' ' + text + ' '.repeat(Math.max(0, widths[i]! - 2 - displayWidth(text))) + ' ';
    });
    lines.push('│' + parts.join('│') + '│');
  }
  return lines;
}

/** Greedy word wrap keeping the spaces between words of a line. */
export function wrapWords(text: string, width: number): string[] {
  const parts = text.split(/(\s+)/);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let space = '';
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i]!;
    const w = displayWidth(word);
    const next = lineWidth + w + (lineWidth > 0 ? space.length : 0);
    if (next > width && lineWidth !== 0) {
      lines.push(line);
      line = word;
      lineWidth = w;
    } else {
      line += (lineWidth > 0 || line !== '' ? space : '') + word;
      lineWidth = next;
    }
    space = parts[i + 1] ?? '';
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
