/** Renders a reference card as CSV (RFC 4180), the same escaping as the estimate's CSV. */
import { cellText, type Card } from '../reference/card.js';
import { csvField } from './sanitize-cells.js';

/**
 * One row per card row, the card's columns as shown; a column holding quantities is followed by
 * its value in SI base units (`Latency (si)`, 12 significant digits, so 86.4 is not
 * 86.39999999999509), for a spreadsheet to compute with.
 */
export function renderCardCsv(card: Card): string {
  const numeric = card.columns.map((_, i) => card.rows.some((r) => r[i] !== undefined && typeof r[i] !== 'string'));
  const header = card.columns.flatMap((c, i) => (numeric[i] ? [c, `${c} (si)`] : [c]));
  const lines = [header.map((h) => csvField(h)).join(',')];
  for (const row of card.rows) {
    const fields = card.columns.flatMap((_, i) => {
      const cell = row[i];
      const text = cell === undefined ? '' : csvField(cellText(cell));
      if (!numeric[i]) return [text];
      return [text, cell === undefined || typeof cell === 'string' ? '' : csvField(String(Number(cell.si.toPrecision(12))), true)];
    });
    lines.push(fields.join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
