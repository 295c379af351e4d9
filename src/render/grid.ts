/**
 * Text tables for the terminal, drawn by cli-table3: box-drawing borders (ASCII under
 * TERM=dumb or --ascii), one space of padding, no colour. The layout is decided here, so that
 * no line is ever wider than the frame:
 * - columns keep their natural width when the table fits; otherwise the widest column gives
 *   way first, down to its longest word (numbers and units are wrapped, never cut);
 * - when even that does not fit, a column may shrink below its longest word, but not below
 *   WORD_FLOOR columns: a longer word is cut with `…`;
 * - in a frame narrower than STACK_BELOW, or when even that does not fit, each row becomes a
 *   short stacked list instead: boxes squeezed into 40 columns wrap every label into a tower.
 */
import Table from 'cli-table3';
import { sanitize } from '../diagnostics/sanitize.js';
import { textWidth, wrapHanging, wrapText } from './text-width.js';

/** The most lines a cell takes; a taller one ends in `…` (the whole text is in the exports). */
export const MAX_CELL_LINES = 8;

/** How tables are drawn: the most columns a line may take, and the border characters. */
export interface TableFrame {
  readonly width: number;
  readonly ascii: boolean;
}

/** Frames narrower than this are not made: nothing is readable there anyway. */
const MIN_WIDTH = 20;
/** Wider than this, a table is harder to read, not easier. */
const MAX_WIDTH = 120;
/** Frames narrower than this get the stacked layout for every table, so one run looks alike. */
const STACK_BELOW = 60;
/** A column may shrink below its longest word down to this many columns of text, no further. */
const WORD_FLOOR = 16;

/** The frame for a terminal `terminalColumns` wide (80 when output is no terminal). */
export function tableFrame(terminalColumns: number, ascii: boolean): TableFrame {
  const columns = Number.isFinite(terminalColumns) ? Math.floor(terminalColumns) : MAX_WIDTH;
  return { width: Math.max(MIN_WIDTH, Math.min(columns, MAX_WIDTH)), ascii };
}

/** ASCII borders when asked (--ascii) or when the terminal cannot draw lines (TERM=dumb). */
export function wantsAsciiBorders(flag: boolean | undefined, term: string | undefined): boolean {
  return flag === true || term === 'dumb';
}

const BOX = { top: '─', topMid: '┬', topLeft: '┌', topRight: '┐', bottom: '─', bottomMid: '┴', bottomLeft: '└', bottomRight: '┘', side: '│' };
const ASCII = { top: '-', topMid: '+', topLeft: '+', topRight: '+', bottom: '-', bottomMid: '+', bottomLeft: '+', bottomRight: '+', side: '|' };

/** cli-table3's border characters; no rule between rows (the `mid` ones are empty). */
function borderChars(ascii: boolean): Record<string, string> {
  const c = ascii ? ASCII : BOX;
  return {
    top: c.top,
    'top-mid': c.topMid,
    'top-left': c.topLeft,
    'top-right': c.topRight,
    bottom: c.bottom,
    'bottom-mid': c.bottomMid,
    'bottom-left': c.bottomLeft,
    'bottom-right': c.bottomRight,
    left: c.side,
    middle: c.side,
    right: c.side,
    'left-mid': '',
    mid: '',
    'mid-mid': '',
    'right-mid': '',
  };
}

/** A table with a header row, as lines joined by newlines; control characters shown escaped. */
export function grid(head: readonly string[], body: readonly (readonly string[])[], frame: TableFrame): string {
  const header = head.map((c) => sanitize(c));
  const rows = body.map((r) => header.map((_, i) => sanitize(r[i] ?? '')));
  const widths = frame.width < STACK_BELOW ? undefined : fitWidths(header, rows, frame.width);
  if (!widths) return stacked(header, rows, frame.width).join('\n');
  const table = new Table({
    head: header.map((c, i) => cellLines(c, widths[i]!)),
    colWidths: widths.map((w) => w + 2),
    chars: borderChars(frame.ascii),
    // No colours: cli-table3 colours the header red and the borders grey by default.
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: true },
    wordWrap: false,
  });
  for (const r of rows) table.push(r.map((c, i) => cellLines(c, widths[i]!)));
  return table.toString();
}

/** A cell's text wrapped to its column, as cli-table3 takes it: lines joined by newlines. */
function cellLines(text: string, width: number): string {
  return wrapText(text, width, width, MAX_CELL_LINES).join('\n');
}

/** Text width of each column, or undefined when the table cannot fit in `width` columns. */
function fitWidths(head: readonly string[], rows: readonly (readonly string[])[], width: number): number[] | undefined {
  const cells = head.map((h, i) => [h, ...rows.map((r) => r[i]!)]);
  const longestWord = (t: string) => Math.max(0, ...t.split(/ +/).map(textWidth));
  const natural = cells.map((col) => Math.max(1, ...col.map(textWidth)));
  const words = cells.map((col, i) => Math.min(natural[i]!, Math.max(1, ...col.map(longestWord))));
  const available = width - 3 * head.length - 1; // borders, and a space each side of a cell
  const floors = words.map((w) => Math.min(w, WORD_FLOOR));
  if (floors.reduce((a, b) => a + b, 0) > available) return undefined;
  const widths = [...natural];
  // Cut words only when wrapping cannot make the table fit, and then only the long ones.
  shrink(widths, words.reduce((a, b) => a + b, 0) <= available ? words : floors, available);
  return widths;
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
