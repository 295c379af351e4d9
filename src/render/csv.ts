/** Renders a report as CSV (RFC 4180): one row per quantity, formula-looking cells neutralised. */
import { type Report, type ReportRow } from './report.js';
import { csvField } from './sanitize-cells.js';

/** The CSV text with a header row and CRLF line ends. */
export function renderCsv(report: Report): string {
  const rows: string[][] = [['section', 'name', 'label', 'value', 'unit', 'si', 'dimension', 'p5', 'p50', 'p95', 'mean']];
  const line = (section: string, r: ReportRow) => [section, r.name, r.label, csvNumber(r.value.value), r.value.unit, csvNumber(r.value.si), r.value.dimension, ...interval(r)];
  for (const r of report.assumptions) rows.push(line('Assumptions', r));
  for (const s of report.sections) {
    for (const r of s.rows) rows.push(line(s.title, r));
  }
  // A template that sizes fleets gets two more columns: which resource binds, and in what share
  // of the samples (empty for an exact run). Other templates' CSV keeps its columns.
  if (report.sections.some((s) => s.rows.some((r) => r.sizing))) {
    rows[0]!.push('binds', 'binds_share');
    let k = 1 + report.assumptions.length;
    for (const s of report.sections) for (const r of s.rows) rows[k++]!.push(r.sizing?.binds ?? '', r.sizing?.share !== undefined ? String(r.sizing.share) : '');
    for (let i = 1; i <= report.assumptions.length; i++) rows[i]!.push('', '');
  }
  // Declared conventions (`month: 2.5M s`) are rows too: a spreadsheet shows what sized the numbers.
  const sized = rows[0]!.length > 11;
  for (const c of report.declaredConventions ?? []) rows.push(['Conventions', c.key, c.text, String(c.size), c.unit, String(c.size), c.unit === 's' ? 'Time' : 'Data', '', '', '', '', ...(sized ? ['', ''] : [])]);
  const numeric = new Set([3, 5, 7, 8, 9, 10, 12]);
  return rows.map((r, i) => r.map((c, j) => csvField(c, i > 0 && numeric.has(j))).join(',')).join('\r\n') + '\r\n';
}

/**
 * A number with at most 15 significant digits: `30`, not the `29.999999999999996` a unit
 * conversion leaves. 15 digits are all a double holds exactly, so nothing real is lost.
 */
export function csvNumber(v: number): string {
  return String(Number(v.toPrecision(15)));
}

/** p5, p50, p95 and mean in the row's unit; empty for an exact row. */
function interval(r: ReportRow): string[] {
  const u = r.uncertain;
  return u ? [csvNumber(u.p5.value), csvNumber(u.median.value), csvNumber(u.p95.value), csvNumber(u.mean.value)] : ['', '', '', ''];
}
