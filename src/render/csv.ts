/** Renders a report as CSV (RFC 4180): one row per quantity, formula-looking cells neutralised. */
import { type Report } from './report.js';
import { csvField } from './sanitize-cells.js';

/** The CSV text with a header row and CRLF line ends. */
export function renderCsv(report: Report): string {
  const rows: string[][] = [['section', 'name', 'label', 'value', 'unit', 'si', 'dimension']];
  for (const r of report.assumptions) rows.push(['Assumptions', r.name, r.label, String(r.value.value), r.value.unit, String(r.value.si), r.value.dimension]);
  for (const s of report.sections) {
    for (const r of s.rows) rows.push([s.title, r.name, r.label, String(r.value.value), r.value.unit, String(r.value.si), r.value.dimension]);
  }
  const numeric = new Set([3, 5]);
  return rows.map((r, i) => r.map((c, j) => csvField(c, i > 0 && numeric.has(j))).join(',')).join('\r\n') + '\r\n';
}
