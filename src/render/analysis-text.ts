/**
 * Analyses for a terminal: each table aligned in columns, with a bar column (sweeps,
 * projections), tornado bars (sensitivity), sparklines under lines charts and histograms.
 * Width follows the terminal; --ascii and TERM=dumb draw in ASCII.
 */
import { formatCount, formatNumber } from '../units/format.js';
import { type AnalysisView, type Chart, type ViewTable } from './analysis-view.js';
import { terminalCell } from './sanitize-cells.js';
import { ASCII, bar, sparkline, tornadoBar, UNICODE, type Glyphs } from './terminal-charts.js';
import { wrapHanging, wrapText } from './text-width.js';

/** How the terminal looks: its width and whether it takes Unicode. */
export interface TerminalLayout {
  readonly columns: number;
  readonly ascii: boolean;
}

/** Every analysis, one after the other. */
export function renderAnalysesText(views: readonly AnalysisView[], layout: TerminalLayout): string {
  const g = layout.ascii ? ASCII : UNICODE;
  const width = Math.max(40, Math.min(layout.columns || 80, 200));
  // Prose and chart lines wrap at the terminal itself, however narrow: only tables need 40.
  const prose = Math.max(10, Math.min(layout.columns || 80, 200));
  const out: string[] = [];
  for (const v of views) {
    out.push(terminalCell(v.title), '='.repeat(Math.min(prose, [...v.title].length)), '');
    // Loops, not push(...xs): a 10,000-row sweep spread as call arguments overflows the stack.
    for (const t of v.tables) {
      for (const l of tableLines(t, width, g)) out.push(l);
      out.push('');
    }
    for (const c of v.charts) {
      for (const l of chartLines(c, width, g)) {
        const indent = l.match(/^ */)![0];
        for (const w of wrapHanging(l.replace(/^ +/, ''), prose, indent, `${indent}  `)) out.push(w);
      }
    }
    for (const n of v.notes) for (const l of wrapText(terminalCell(n), prose)) out.push(l);
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

/**
 * A table wider than the terminal is cut into column groups, each repeating the first (key)
 * column, so a sweep of every output stays readable in 80 columns; the bars go with the first group.
 */
function tableLines(t: ViewTable, width: number, g: Glyphs): string[] {
  const w = t.columns.map((c) => t.rows.reduce((m, r) => Math.max(m, [...terminalCell(r[c.key]?.text ?? '')].length), [...terminalCell(c.label)].length));
  const total = w.reduce((a, b) => a + b + 2, 0);
  if (total <= width - 10 || t.columns.length <= 2) return groupLines(t, width, g);
  const groups: (typeof t.columns)[] = [];
  let current = [t.columns[0]!];
  let used = w[0]! + 2;
  for (let j = 1; j < t.columns.length; j++) {
    if (current.length > 1 && used + w[j]! + 2 > width - (groups.length === 0 && (t.bar || t.tornado) ? 10 : 0)) {
      groups.push(current);
      current = [t.columns[0]!];
      used = w[0]! + 2;
    }
    current.push(t.columns[j]!);
    used += w[j]! + 2;
  }
  groups.push(current);
  return groups.flatMap((columns, k) => [...(k > 0 ? [''] : []), ...groupLines({ ...t, title: k === 0 ? t.title : '', columns, ...(k === 0 ? {} : { bar: undefined, tornado: undefined }) }, width, g)]);
}

function groupLines(t: ViewTable, width: number, g: Glyphs): string[] {
  const cols = t.columns;
  const cells = t.rows.map((r) => cols.map((c) => terminalCell(r[c.key]?.text ?? '')));
  const heads = cols.map((c) => terminalCell(c.label));
  const widths = cols.map((_, j) => cells.reduce((m, r) => Math.max(m, [...r[j]!].length), [...heads[j]!].length));
  const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(Math.max(0, w - [...s].length)) + s : s + ' '.repeat(Math.max(0, w - [...s].length)));
  const used = widths.reduce((a, b) => a + b + 2, 0);
  const pic = Math.max(8, Math.min(40, width - used - 2));
  const withPicture = t.tornado !== undefined || t.bar !== undefined;
  const lines = [t.title !== '' ? terminalCell(t.title) : ''].filter((x) => x !== '');
  lines.push(heads.map((h, j) => pad(h, widths[j]!, cols[j]!.numeric)).join('  ').trimEnd());
  lines.push(widths.map((w) => '-'.repeat(w)).join('  ') + (withPicture ? '  ' + '-'.repeat(pic) : ''));
  const pictures = picturesOf(t, pic, g);
  cells.forEach((r, i) => lines.push((r.map((c, j) => pad(c, widths[j]!, cols[j]!.numeric)).join('  ') + (pictures[i] ? '  ' + pictures[i] : '')).trimEnd()));
  return lines;
}

/** One picture per row: the tornado bar, or a bar of the `bar` column's value. */
function picturesOf(t: ViewTable, width: number, g: Glyphs): string[] {
  if (t.tornado) {
    const tor = t.tornado;
    const all = [tor.base, ...tor.bars.flatMap((b) => [b.low, b.high])];
    const min = all.reduce((a, b) => Math.min(a, b), Infinity);
    const max = all.reduce((a, b) => Math.max(a, b), -Infinity);
    return tor.bars.map((b) => tornadoBar(b.low, b.high, tor.base, min, max, width, g));
  }
  if (t.bar) {
    const vs = t.rows.map((r) => r[t.bar!]?.value ?? NaN);
    const max = vs.filter(Number.isFinite).reduce((a, b) => Math.max(a, b), -Infinity);
    return vs.map((v) => bar(v, max, width, g));
  }
  return [];
}

function chartLines(c: Chart, width: number, g: Glyphs): string[] {
  switch (c.kind) {
    case 'tornado':
      return [];
    case 'lines': {
      const w = c.series.reduce((m, s) => Math.max(m, [...s.name].length), -Infinity);
      return [...c.series.map((s) => `${terminalCell(s.name).padEnd(w)}  ${sparkline(s.values, g, c.log)}  ${short(s.values[0]!)} .. ${short(s.values[s.values.length - 1]!)} ${terminalCell(s.unit)}`), ''];
    }
    case 'histogram': {
      // Small: one line of bins, 0.5th to 99.5th percentile, then the interval in numbers.
      return [`${terminalCell(c.title)}`, `  ${sparkline(c.counts, g)}  ${short(c.edges[0]!)} .. ${short(c.edges[c.edges.length - 1]!)} ${terminalCell(c.unit)}; median ${short(c.p50)}, 90% in ${short(c.p5)} .. ${short(c.p95)}`.trimEnd()];
    }
  }
}

function short(v: number): string {
  return Number.isFinite(v) ? compact(v) : String(v);
}

/** A number for an axis or a label: 864M, 1.157M, 12.5 (grouped digits take too much room). */
function compact(v: number): string {
  return Number.isFinite(v) && Math.abs(v) >= 1e4 ? formatCount(v) : formatNumber(v);
}
