/**
 * Text tables for the terminal, drawn by cli-table3: box-drawing borders (ASCII under
 * TERM=dumb or --ascii), one space of padding, no colour. The layout is decided here, so that
 * no line is ever wider than the width (tableWidth):
 * - columns keep their natural width when the table fits; otherwise the widest column gives
 *   way first, down to its longest word (numbers and units are wrapped, never cut);
 * - when even that does not fit, a column may shrink below its longest word, but not below
 *   WORD_FLOOR columns: a longer word is cut with `…` (never a figure such as `1,024`);
 * - in a width under STACK_BELOW, or when even that does not fit, each row becomes a
 *   short stacked list instead: boxes squeezed into 40 columns wrap every label into a tower.
 */
import Table from 'cli-table3';
import { sanitize } from '../diagnostics/sanitize.js';
import { borderChars } from './borders.js';
import { textWidth, wrapHanging, wrapText } from './text-width.js';

/** The most lines a cell takes; a taller one ends in `…` (the whole text is in the exports). */
export const MAX_CELL_LINES = 8;

/**
 * Tables are never fitted to fewer columns. A 10-column terminal still gets no line wider than
 * itself (as stacked `label: value` lists); below that nothing is readable anyway.
 */
const MIN_WIDTH = 10;
/** Wider than this, a table is harder to read, not easier. */
const MAX_WIDTH = 120;
/** Narrower than this, every table gets the stacked layout, so one run looks alike. */
const STACK_BELOW = 60;
/**
 * How a table is handed to cli-table3: in slices of at most SLICE_LINES lines of text and
 * SLICE_CHARS characters per column, each slice one cli-table3 table of one row whose cells
 * hold a column's lines; the slices are stacked without rules between them, which draws the
 * same table as one cli-table3 row per table row. Why:
 * - cli-table3's work is mostly per cell (each cell merges 17 border options): one cell per
 *   column instead of one per row cut its share of `estimate twitter` from ~6 ms to ~2 ms;
 * - its layout compares each cell with every cell above it, quadratic in the rows (7,000
 *   rows took 5 s), and it re-measures a multi-line cell's whole text for each line it draws
 *   (for a debug message; the bundle leaves that out, see scripts/bundle.mjs, but tests run
 *   cli-table3 as published): small slices keep both bounded.
 */
const SLICE_LINES = 16;
const SLICE_CHARS = 600;
/** A column may shrink below its longest word down to this many columns of text, no further. */
const WORD_FLOOR = 16;
/** A word that is a figure (`1,024`, `~150M`, `-3.5`, `99.9%`): never cut. */
const NUMBER = /^[~+\-−]?[0-9.,]+/;

/** The width tables are fitted to: the terminal's (80 when output is no terminal), 10 to 120. */
export function tableWidth(terminalColumns: number): number {
  const columns = Number.isFinite(terminalColumns) ? Math.floor(terminalColumns) : MAX_WIDTH;
  return Math.max(MIN_WIDTH, Math.min(columns, MAX_WIDTH));
}

/**
 * A table with a header row, no line wider than `width` (from tableWidth), as lines joined by
 * newlines; control characters in cells are shown escaped.
 */
export function grid(head: readonly string[], body: readonly (readonly string[])[], width: number, ascii = false): string {
  const header = head.map((c) => sanitize(c));
  const rows = body.map((r) => header.map((_, i) => sanitize(r[i] ?? '')));
  const widths = width < STACK_BELOW ? undefined : fitWidths(header, rows, width);
  if (!widths) return stacked(header, rows, width).join('\n');
  const lines = [header, ...rows].flatMap((r) => lineRows(r, widths));
  const slices = sliceLines(lines);
  return slices
    .map((slice, k) => {
      const table = new Table({
        colWidths: widths.map((w) => w + 2),
        chars: borderChars(ascii, k === 0, k === slices.length - 1),
        // No colours: cli-table3 colours the header red and the borders grey by default.
        // Compact: no rule between rows (nor between slices: each has one row).
        style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: true },
        wordWrap: false,
      });
      table.push(widths.map((_, i) => slice.map((l) => l[i]!).join('\n')));
      return table.toString();
    })
    .join('\n');
}

/** Consecutive lines cut into slices of at most SLICE_LINES lines and SLICE_CHARS per column. */
function sliceLines(lines: readonly (readonly string[])[]): (readonly string[])[][] {
  const slices: (readonly string[])[][] = [];
  let slice: (readonly string[])[] = [];
  let chars: number[] = [];
  for (const line of lines) {
    const full = slice.length >= SLICE_LINES || line.some((c, i) => chars[i]! + c.length > SLICE_CHARS);
    if (slice.length > 0 && full) {
      slices.push(slice);
      slice = [];
    }
    if (slice.length === 0) chars = line.map(() => 0);
    slice.push(line);
    line.forEach((c, i) => (chars[i]! += c.length + 1));
  }
  if (slice.length > 0) slices.push(slice);
  return slices;
}

/** One row wrapped to the column widths, as lines of cells. */
function lineRows(cells: readonly string[], widths: readonly number[]): string[][] {
  const wrapped = cells.map((c, i) => wrapText(c, widths[i]!, widths[i]!, MAX_CELL_LINES));
  const height = maxOf(wrapped.map((l) => l.length));
  return Array.from({ length: height }, (_, k) => wrapped.map((l) => l[k] ?? ''));
}

/** Text width of each column, or undefined when the table cannot fit in `width` columns. */
function fitWidths(head: readonly string[], rows: readonly (readonly string[])[], width: number): number[] | undefined {
  const cells = head.map((h, i) => [h, ...rows.map((r) => r[i]!)]);
  const natural = cells.map((col) => Math.max(1, maxOf(col.map(textWidth))));
  const available = width - 3 * head.length - 1; // borders, and a space each side of a cell
  if (natural.reduce((a, b) => a + b, 0) <= available) return natural;
  const longestWord = (t: string, cut: boolean) => maxOf(t.split(/ +/).map((w) => (cut && !NUMBER.test(w) ? Math.min(textWidth(w), WORD_FLOOR) : textWidth(w))));
  const floorOf = (col: readonly string[], i: number, cut: boolean) => Math.min(natural[i]!, Math.max(1, maxOf(col.map((t) => longestWord(t, cut)))));
  const words = cells.map((col, i) => floorOf(col, i, false));
  // Only words that are not numbers may be cut: a figure is shown whole or the table is a list.
  const floors = cells.map((col, i) => floorOf(col, i, true));
  if (floors.reduce((a, b) => a + b, 0) > available) return undefined;
  const widths = [...natural];
  // Cut words only when wrapping cannot make the table fit, and then only the long ones.
  shrink(widths, words.reduce((a, b) => a + b, 0) <= available ? words : floors, available);
  return widths;
}

/** The largest number, 0 for none (Math.max(...xs) overflows the stack on long lists). */
function maxOf(xs: readonly number[]): number {
  let m = 0;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** Takes columns from the widest column still above its floor until the total fits. */
function shrink(widths: number[], floors: readonly number[], available: number): void {
  let excess = widths.reduce((a, b) => a + b, 0) - available;
  while (excess > 0) {
    let pick = -1;
    widths.forEach((w, i) => {
      if (w > floors[i]! && (pick < 0 || w > widths[pick]!)) pick = i;
    });
    if (pick < 0) return;
    // Down to the next-widest column (or the floor, or the fit) in one step, not one by one.
    const others = widths.filter((w, i) => i !== pick && w > floors[i]!);
    const target = Math.max(floors[pick]!, widths[pick]! - excess, others.length ? Math.max(...others) : 0);
    const step = Math.max(1, widths[pick]! - target);
    widths[pick]! -= step;
    excess -= step;
  }
}

/**
 * The narrow layout: each row as `first: second` when there are two columns, otherwise the
 * first cell on its own line and `heading: value` lines indented under it.
 */
function stacked(head: readonly string[], rows: readonly (readonly string[])[], width: number): string[] {
  const lines: string[] = [];
  for (const r of rows) {
    if (r.length === 2) {
      lines.push(...wrapHanging(`${r[0]}: ${r[1]}`, width, '', '    ', MAX_CELL_LINES));
      continue;
    }
    lines.push(...wrapHanging(r[0] ?? '', width, '', '  ', MAX_CELL_LINES));
    r.forEach((cell, i) => {
      if (i > 0 && cell !== '') lines.push(...wrapHanging(`${head[i]}: ${cell}`, width, '  ', '    ', MAX_CELL_LINES));
    });
  }
  return lines;
}
