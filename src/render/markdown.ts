/** Renders a report as GitHub-flavoured Markdown for design documents. */
import { NAPKIN_SHORTCUTS, stepLines, type Report, type ReportRow } from './report.js';
import { markdownCell, markdownText } from './sanitize-cells.js';

/** The Markdown document. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [`# ${markdownText(report.title)}`, ''];
  if (report.description) out.push(markdownText(report.description), '');
  if (report.source) out.push(`Source: ${markdownText(report.source)}`, '');
  out.push('## Assumptions', '', '| Input | Assumption | Value | Notes |', '| --- | --- | --- | --- |');
  for (const r of report.assumptions) {
    out.push(`| \`${r.name.replace(/`/g, '')}\` | ${markdownCell(r.label)} | ${markdownCell(shown(r))}${r.overridden ? ' (set)' : ''} | ${markdownCell(r.help)} |`);
  }
  for (const s of report.sections) {
    const withBook = s.rows.some((r) => r.book);
    out.push('', `## ${markdownText(s.title)}`, '');
    out.push(withBook ? '| Quantity | Estimate | Book |' : '| Quantity | Estimate |', withBook ? '| --- | ---: | ---: |' : '| --- | ---: |');
    for (const r of s.rows) {
      const cells = [markdownCell(r.label), markdownCell(shown(r))];
      if (withBook) cells.push(r.book ? markdownCell('~' + r.book.text) : '');
      out.push(`| ${cells.join(' | ')} |`);
    }
  }
  out.push('', '## Derivation', '');
  if (report.uncertainty) out.push(`Uncertain inputs: ${report.uncertainty.inputs.map((n) => '`' + n.replace(/`/g, '') + '`').join(', ')}. Intervals are 90% (5th to 95th percentile) of ${report.uncertainty.samples.toLocaleString('en-US')} samples; ${markdownText(report.uncertainty.note)}.`, '');
  for (const st of report.steps) {
    // A readable block per step: the label, then one line per step of the arithmetic (hard
    // breaks), the result in bold.
    const rest = stepLines(st);
    const lines = [`\`${st.name.replace(/`/g, '')}\` = ${markdownText(st.formula)}`, ...rest.slice(0, -1).map((l) => `= ${markdownText(l)}`), `= **${markdownText(rest[rest.length - 1]!)}**${st.uncertain ? ' (median)' : ''}`];
    out.push(`- **${markdownText(st.label)}**  `, ...lines.map((l, i) => `  ${l}${i < lines.length - 1 ? '  ' : ''}`));
  }
  if (report.napkin) out.push(...napkinBlock(report));
  out.push('', '## Conventions', '', ...report.conventions.map((c) => `- ${markdownText(c)}`), '');
  return out.join('\n');
}

/** A value, with its 90% interval beside the median when it is uncertain. */
function shown(r: ReportRow): string {
  return r.uncertain ? `${r.value.text} ${r.uncertain.interval}` : r.value.text;
}

/** `--napkin`: the whiteboard as a block per value, the napkin figure in bold, the exact value and error after it. */
function napkinBlock(report: Report): string[] {
  const out = ['', '## Napkin', '', 'One figure and a power of ten, each step worked from the rounded values, under the shortcuts:', '', ...(report.napkinShortcuts ?? NAPKIN_SHORTCUTS).map((s) => `- ${markdownText(s)}`), ''];
  for (const n of report.napkin ?? []) {
    if (n.step === undefined && n.errorText === '0%') continue;
    const work = n.step === undefined ? [] : [n.step, ...(n.perDay !== undefined ? [n.perDay] : [])].filter((w) => w !== n.approx);
    const name = `\`${n.name.replace(/`/g, '')}\``;
    const result = `≈ **${markdownText(n.approx)}** (exact ${markdownText(n.exact)}, ${n.errorText})`;
    const lines = work.length ? [`${name} = ${markdownText(work[0]!)}`, ...work.slice(1).map((w) => `≈ ${markdownText(w)}`), result] : [`${name} ${result}`];
    out.push(...lines.map((l, i) => `${i === 0 ? '- ' : '  '}${l}${i < lines.length - 1 ? '  ' : ''}`));
  }
  return out;
}
