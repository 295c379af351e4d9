/** Renders a report as terminal tables, readable at 80 columns, without colour codes. */
import { NAPKIN_SHORTCUTS, stepLines, type Report, type ReportRow } from './report.js';
import { grid, MAX_CELL_LINES } from './grid.js';
import { terminalCell } from './sanitize-cells.js';
import { wrapHanging, wrapText } from './text-width.js';

/** Options of the table layout. */
export interface TableOptions {
  /** The most columns a line may take (see tableWidth). */
  readonly columns: number;
  readonly explain: boolean;
  /** Borders in + - | (--ascii, TERM=dumb). */
  readonly ascii?: boolean;
}

/** The whole report as text. */
export function renderTable(report: Report, opts: TableOptions): string {
  const width = opts.columns;
  const ascii = opts.ascii === true;
  const out: string[] = [];
  out.push(...wrapText(terminalCell(report.title), width, width, MAX_CELL_LINES));
  if (report.source) out.push(...wrapText(`Source: ${terminalCell(report.source)}`, width, width, MAX_CELL_LINES));
  out.push('');
  out.push(...wrapText('Assumptions', width));
  out.push(
    grid(
      ['Input', 'Assumption', 'Value'],
      report.assumptions.map((r) => [r.name, r.label, shown(r) + (r.overridden ? ' (set)' : '')]),
      width,
      ascii,
    ),
  );
  for (const section of report.sections) {
    out.push('');
    out.push(...wrapText(terminalCell(section.title), width, width, MAX_CELL_LINES));
    const withBook = section.rows.some((r) => r.book);
    out.push(
      grid(
        withBook ? ['Quantity', 'Estimate', 'Book'] : ['Quantity', 'Estimate'],
        section.rows.map((r) => (withBook ? [r.label, shown(r), bookText(r)] : [r.label, shown(r)])),
        width,
        ascii,
      ),
    );
  }
  if (opts.explain) {
    out.push('');
    out.push(renderSteps(report, width));
  } else if (report.declaredConventions?.length) {
    // A number under a declared convention (`month: 2.5M s`) says so under the table (issue 13),
    // wrapped at spaces to the width.
    out.push('');
    out.push(...prose(`Conventions: ${terminalCell(report.declaredConventions.map((c) => c.text).join('; '))}.`, width));
  }
  if (report.napkin) {
    out.push('');
    out.push(renderNapkin(report, width));
  }
  return out.join('\n') + '\n';
}

/**
 * `--napkin`: the whiteboard. Inputs rounded to one figure and a power of ten, then each
 * quantity from those rounded values (`≈ 2 × 10^8 user × 2 tweet/user/day ≈ 4 × 10^3 tweet/s`),
 * with the exact value and the error accumulated so far beside it.
 */
export function renderNapkin(report: Report, width = Infinity): string {
  const rows = report.napkin ?? [];
  const nameWidth = rows.reduce((m, r) => Math.max(m, r.name.length), 0);
  const pad = ' '.repeat(nameWidth);
  const lines = [
    ...prose('Napkin (one figure and a power of ten, worked from the rounded values; exact value and the error so far)', width),
    ...(report.napkinShortcuts ?? NAPKIN_SHORTCUTS).flatMap((s) => wrapHanging(s, width, '  ', '    ')),
  ];
  // An input the rounding leaves as it was reads the same inside the steps: only the rounded ones get a line.
  for (const r of rows.filter((r) => r.step !== undefined || r.errorText !== '0%')) {
    const name = terminalCell(r.name).padEnd(nameWidth);
    const beside = `   (exact ${terminalCell(r.exact)}, ${r.errorText})`;
    if (r.step === undefined) {
      lines.push(`${name} ≈ ${terminalCell(r.approx)}${beside}`);
      continue;
    }
    const work = [r.step, ...(r.perDay ? [r.perDay] : [])].filter((w) => w !== r.approx);
    // A long step wraps under its own start, so the = and ≈ column stays readable.
    const step = (sign: string, text: string, first: string) => lines.push(...wrapHanging(text, width, `${first} ${sign} `, `${pad}   `));
    step('=', terminalCell(work[0] ?? r.approx), name);
    for (const w of work.slice(1)) step('≈', terminalCell(w), pad);
    step('≈', `${terminalCell(r.approx)}${beside}`, pad);
  }
  return lines.join('\n');
}

/** A value, with its 90% interval beside the median when it is uncertain. */
function shown(r: ReportRow): string {
  return r.uncertain ? `${r.value.text} ${r.uncertain.interval}` : r.value.text;
}

function bookText(r: ReportRow): string {
  return r.book ? `~${r.book.text}` : '';
}

/** The derivation steps, aligned like a textbook: name = formula, = values, = result. */
export function renderSteps(report: Report, columns = Infinity): string {
  const width = report.steps.reduce((m, s) => Math.max(m, s.name.length), 0);
  const pad = ' '.repeat(width);
  const lines: string[] = ['Derivation'];
  const u = report.uncertainty;
  if (u) {
    lines.push(...prose(`Uncertain inputs: ${u.inputs.join(', ')} (${u.samples.toLocaleString('en-US')} samples, seed ${u.seed}).`, columns));
    lines.push(...prose(`Note: ${u.note}.`, columns));
  }
  for (const s of report.steps) {
    lines.push(`${s.name.padEnd(width)} = ${terminalCell(s.formula)}`);
    const rest = stepLines(s);
    rest.forEach((l, i) => lines.push(`${pad} = ${terminalCell(l)}${i === rest.length - 1 && s.uncertain ? ' (median)' : ''}`));
  }
  lines.push('');
  lines.push(...prose('Conventions: ' + report.conventions.join('; ') + '.', columns));
  return lines.join('\n');
}

/** A line of prose under the tables, wrapped at spaces to the table width (no word is cut). */
function prose(text: string, width: number): string[] {
  return width === Infinity ? [text] : wrapText(text, width);
}
