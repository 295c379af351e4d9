/** renderReport: a report as text in one of the output formats (the CLI's own renderers). */
import { EstimateError } from '../diagnostics/error.js';
import { OUTPUT_FORMATS, outputFormat, type FormatName } from '../render/formats.js';
import { guardedAsync } from './errors.js';
import { type Estimate } from './evaluate.js';

export type ReportFormat = FormatName;

/** The format names renderReport takes. */
export const REPORT_FORMATS: readonly ReportFormat[] = OUTPUT_FORMATS.map((f) => f.name);

export interface RenderOptions {
  /** Width of a table (default 80). */
  readonly columns?: number;
  /** Show the derivation under the tables (the table format; the others always carry it). */
  readonly explain?: boolean;
}

/** Renders an estimate (or its report) as `table`, `markdown`, `json` or `csv` text. */
export async function renderReport(estimate: Estimate, format: ReportFormat = 'table', options: RenderOptions = {}): Promise<string> {
  return guardedAsync(async () => {
    if (!REPORT_FORMATS.includes(format)) throw new EstimateError('E0904', `unknown format \`${String(format)}\``, { where: 'renderReport(format)', help: [`the formats are ${REPORT_FORMATS.join(', ')}`] });
    const render = await outputFormat(format).report();
    return render(estimate.report, { columns: options.columns ?? 80, explain: options.explain ?? false });
  });
}
