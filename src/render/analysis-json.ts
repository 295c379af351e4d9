/**
 * Analyses as JSON (docs/analysis.md, "JSON shape"): {template, analyses: [{kind, title,
 * notes, tables: [{title, columns, rows}], charts}]}, each row an object keyed by column with
 * {text, value, unit, si}.
 */
import { type AnalysisView } from './analysis-view.js';

/** The JSON document. */
export function renderAnalysesJson(views: readonly AnalysisView[], template: string): string {
  const doc = {
    template,
    analyses: views.map((v) => ({
      kind: v.kind,
      title: v.title,
      notes: v.notes,
      tables: v.tables.map((t) => ({ title: t.title, columns: t.columns.map((c) => ({ key: c.key, label: c.label })), rows: t.rows })),
      charts: v.charts,
    })),
  };
  return JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}
