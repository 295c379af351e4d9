/** Analyses as Markdown: a table each, then a Mermaid chart under it (GitHub renders them). */
import { type AnalysisView, type ViewTable } from './analysis-view.js';
import { mermaidBlocks } from './mermaid.js';
import { markdownCell, markdownText } from './sanitize-cells.js';

/** The Markdown document of the analyses of one template. */
export function renderAnalysesMarkdown(views: readonly AnalysisView[], title: string): string {
  const out: string[] = [`# ${markdownText(title)}`, ''];
  for (const v of views) {
    out.push(`## ${markdownText(v.title)}`, '');
    v.tables.forEach((t, k) => {
      for (const l of table(t)) out.push(l);
      out.push('');
      // A tornado's chart sits under its own table; other charts under the last table.
      const charts = t.tornado ? [t.tornado] : k === v.tables.length - 1 ? v.charts.filter((c) => !v.tables.some((x) => x.tornado === c)) : [];
      for (const c of charts) for (const b of mermaidBlocks(c)) out.push(b, '');
    });
    for (const n of v.notes) out.push(markdownText(n), '');
  }
  return out.join('\n');
}

function table(t: ViewTable): string[] {
  const lines = [`**${markdownText(t.title)}**`, ''];
  lines.push(`| ${t.columns.map((c) => markdownCell(c.label) || ' ').join(' | ')} |`, `| ${t.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`);
  for (const r of t.rows) lines.push(`| ${t.columns.map((c) => markdownCell(r[c.key]?.text ?? '')).join(' | ')} |`);
  return lines;
}
