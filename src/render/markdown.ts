/** Renders a report as GitHub-flavoured Markdown for design documents. */
import { type Report } from './report.js';
import { markdownCell, markdownText } from './sanitize-cells.js';

/** The Markdown document. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [`# ${markdownText(report.title)}`, ''];
  if (report.description) out.push(markdownText(report.description), '');
  if (report.source) out.push(`Source: ${markdownText(report.source)}`, '');
  out.push('## Assumptions', '', '| Input | Assumption | Value | Notes |', '| --- | --- | --- | --- |');
  for (const r of report.assumptions) {
    out.push(`| \`${r.name.replace(/`/g, '')}\` | ${markdownCell(r.label)} | ${markdownCell(r.value.text)}${r.overridden ? ' (set)' : ''} | ${markdownCell(r.help)} |`);
  }
  for (const s of report.sections) {
    const withBook = s.rows.some((r) => r.book);
    out.push('', `## ${markdownText(s.title)}`, '');
    out.push(withBook ? '| Quantity | Estimate | Book |' : '| Quantity | Estimate |', withBook ? '| --- | ---: | ---: |' : '| --- | ---: |');
    for (const r of s.rows) {
      const cells = [markdownCell(r.label), markdownCell(r.value.text)];
      if (withBook) cells.push(r.book ? markdownCell('~' + r.book.text) : '');
      out.push(`| ${cells.join(' | ')} |`);
    }
  }
  out.push('', '## Derivation', '');
  for (const st of report.steps) {
    out.push(`- **${markdownText(st.label)}** (\`${st.name.replace(/`/g, '')}\`): ${markdownText(st.formula)} = ${markdownText(st.substituted === st.formula ? st.result : st.substituted + ' = ' + st.result)}`);
  }
  out.push('', '## Conventions', '', ...report.conventions.map((c) => `- ${markdownText(c)}`), '');
  return out.join('\n');
}
