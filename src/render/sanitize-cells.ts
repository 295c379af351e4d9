/** Cell escaping for each output format: terminal, Markdown, CSV. */
import { sanitize } from '../diagnostics/sanitize.js';

/** A table cell for a terminal: no control characters or escape sequences. */
export function terminalCell(text: string): string {
  return sanitize(text);
}

/** A Markdown table cell: pipes, backticks, emphasis and HTML escaped, newlines as spaces. */
export function markdownCell(text: string): string {
  return sanitize(text.replace(/\r?\n/g, ' ')).replace(/[\\`*_{}[\]<>|#~]/g, (c) => '\\' + c);
}

/** Markdown body text (headings, paragraphs): same escaping as a cell. */
export function markdownText(text: string): string {
  return markdownCell(text);
}

/**
 * A CSV field (RFC 4180): quoted when needed; a leading `=`, `+`, `-`, `@`, tab or CR is
 * prefixed with `'` so a spreadsheet shows it instead of running it as a formula.
 */
export function csvField(text: string, numeric = false): string {
  let t = sanitize(text.replace(/\r\n?/g, '\n'), true);
  if (!numeric && /^[=+\-@\t\r]/.test(t)) t = "'" + t;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}
