/**
 * Analyses as long-form CSV: one line per cell (analysis, table, row, column, value, unit, si,
 * text), so a grid or a projection loads into any spreadsheet or data frame as it is.
 */
import { type AnalysisView } from './analysis-view.js';
import { csvNumber } from './csv.js';
import { csvField } from './sanitize-cells.js';

/** The CSV text, CRLF line ends. */
export function renderAnalysesCsv(views: readonly AnalysisView[]): string {
  const rows: [string, boolean][][] = [[['analysis', false], ['table', false], ['row', false], ['column', false], ['value', false], ['unit', false], ['si', false], ['text', false]].map(([t]) => [t as string, false])];
  for (const v of views) {
    for (const t of v.tables) {
      t.rows.forEach((r, i) => {
        for (const c of t.columns) {
          const cell = r[c.key];
          if (!cell) continue;
          rows.push([
            [v.kind, false],
            [t.title, false],
            [String(i), true],
            [c.label, false],
            [cell.value === undefined ? '' : csvNumber(cell.value), true],
            [cell.unit ?? '', false],
            [cell.si === undefined ? '' : csvNumber(cell.si), true],
            [cell.text, false],
          ]);
        }
      });
    }
  }
  return rows.map((r) => r.map(([t, n]) => csvField(t, n)).join(',')).join('\r\n') + '\r\n';
}
