/**
 * One self-contained HTML file: the estimate's tables and derivation, then every analysis with
 * its table and SVG charts, then the distribution of every sampled output. Inline CSS only (no
 * script, no font, no image, nothing fetched: a Content-Security-Policy forbids it), laid out
 * for a phone's width and for paper.
 */
import { type Card, cellText } from '../reference/card.js';
import { type AnalysisView, type ViewTable } from './analysis-view.js';
import { type Report, type ReportRow } from './report.js';
import { esc, svgOf } from './svg.js';

const STYLE = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--bar:#0969da;--accent:#cf222e}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0 auto;padding:16px;max-width:900px;background:#fff}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;margin:1.6em 0 .4em;border-bottom:1px solid var(--line)}h3{font-size:1em;margin:1.2em 0 .3em}
p.note,.meta{color:var(--muted)}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;margin:.4em 0 1em;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}
svg.chart{display:block;max-width:100%;height:auto;margin:.5em 0 1.2em}
svg .title{font:600 14px system-ui,sans-serif;fill:var(--ink)}svg .label,svg .axis{font:12px system-ui,sans-serif;fill:var(--muted)}
svg .bar,svg .bin{fill:var(--bar)}svg .base,svg .marker{stroke:var(--accent);stroke-width:2}
svg .series{stroke:var(--bar);stroke-width:2.5}svg .point{fill:var(--bar)}svg .axis-line{stroke:var(--line)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em}
@media (max-width:600px){body{padding:10px;font-size:14px}th,td{padding:3px 6px}}
@media print{body{max-width:none;padding:0}h2{break-after:avoid}svg.chart,table{break-inside:avoid}.scroll{overflow:visible}}
`;

/** The whole page. */
export function renderHtml(report: Report, views: readonly AnalysisView[] = []): string {
  const body: string[] = [`<h1>${esc(report.title)}</h1>`];
  if (report.description) body.push(`<p>${esc(report.description)}</p>`);
  if (report.source) body.push(`<p class="meta">Source: ${esc(report.source)}</p>`);
  for (const v of views) for (const l of analysis(v)) body.push(l);
  body.push('<h2>Assumptions</h2>', table(['Input', 'Assumption', 'Value'], report.assumptions.map((r) => [`<code>${esc(r.name)}</code>`, esc(r.label), esc(shown(r)) + (r.overridden ? ' (set)' : '')]), [2]));
  for (const s of report.sections) body.push(`<h2>${esc(s.title)}</h2>`, table(['Quantity', 'Estimate'], s.rows.map((r) => [esc(r.label), esc(shown(r))]), [1]));
  if (report.steps.length) {
    body.push('<h2>Derivation</h2>');
    if (report.uncertainty) body.push(`<p class="note">Uncertain inputs: ${esc(report.uncertainty.inputs.join(', '))}. Intervals are 90% of ${report.uncertainty.samples.toLocaleString('en-US')} samples; ${esc(report.uncertainty.note)}.</p>`);
    body.push('<ul>');
    for (const line of report.steps.map((st) => `<li><b>${esc(st.label)}</b> (<code>${esc(st.name)}</code>): ${esc(st.formula)} = ${esc(st.substituted === st.formula ? st.result : `${st.substituted} = ${st.result}`)}</li>`)) body.push(line);
    body.push('</ul>');
  }
  body.push('<h2>Conventions</h2>', '<ul>', ...report.conventions.map((c) => `<li>${esc(c)}</li>`), '</ul>');
  return page(report.title, body);
}

/** A reference card as a page. */
export function renderCardHtml(card: Card): string {
  return page(card.title, [`<h1>${esc(card.title)}</h1>`, `<p class="meta">Source: ${esc(card.source)}</p>`, table([...card.columns], card.rows.map((r) => r.map((c) => esc(cellText(c)))), []), ...card.notes.map((n) => `<p class="note">${esc(n)}</p>`)]);
}

function page(title: string, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title><style>${STYLE}</style></head><body>`,
    ...body,
    '</body></html>',
    '',
  ].join('\n');
}

function analysis(v: AnalysisView): string[] {
  const out = [`<section class="analysis analysis-${v.kind}">`, `<h2>${esc(v.title)}</h2>`];
  v.tables.forEach((t, k) => {
    out.push(viewTable(t));
    if (t.tornado) out.push(...svgOf(t.tornado));
    if (k === v.tables.length - 1) for (const c of v.charts) if (!v.tables.some((x) => x.tornado === c)) out.push(...svgOf(c));
  });
  out.push(...v.notes.map((n) => `<p class="note">${esc(n)}</p>`), '</section>');
  return out;
}

function viewTable(t: ViewTable): string {
  const numeric = t.columns.flatMap((c, j) => (c.numeric ? [j] : []));
  return `<h3>${esc(t.title)}</h3>` + table(t.columns.map((c) => c.label), t.rows.map((r) => t.columns.map((c) => esc(r[c.key]?.text ?? ''))), numeric);
}

function table(heads: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[]): string {
  const cls = (j: number) => (numeric.includes(j) ? ' class="num"' : '');
  return `<div class="scroll"><table><thead><tr>${heads.map((h, j) => `<th${cls(j)}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, j) => `<td${cls(j)}>${c}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
}

function shown(r: ReportRow): string {
  return r.uncertain ? `${r.value.text} ${r.uncertain.interval}` : r.value.text;
}
