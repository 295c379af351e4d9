/** Renders reference cards as a table, Markdown or JSON. */
import { cellText, type Card } from '../reference/card.js';
import { markdownCell, markdownText, terminalCell } from './sanitize-cells.js';
import { grid } from './grid.js';
import { wrapText } from './text-width.js';

/** A card as a terminal table, no line wider than `columns` (see tableWidth). */
export function renderCardTable(card: Card, columns: number, ascii = false): string {
  const text = (t: string) => wrapText(terminalCell(t), columns);
  return [
    ...text(card.title),
    ...text(`Source: ${card.source}`),
    grid([...card.columns], card.rows.map((r) => r.map(cellText)), columns, ascii),
    ...card.notes.flatMap(text),
  ].join('\n') + '\n';
}

/** A card as GitHub-flavoured Markdown. */
export function renderCardMarkdown(card: Card): string {
  const lines = [`# ${markdownText(card.title)}`, '', `Source: ${markdownText(card.source)}`, ''];
  lines.push(`| ${card.columns.map(markdownCell).join(' | ')} |`, `| ${card.columns.map(() => '---').join(' | ')} |`);
  for (const r of card.rows) lines.push(`| ${r.map((c) => markdownCell(cellText(c))).join(' | ')} |`);
  lines.push('', ...card.notes.map(markdownText), '');
  return lines.join('\n');
}

/** A card as JSON: each row an object keyed by column, quantities in their machine form. */
export function renderCardJson(card: Card): string {
  const rows = card.rows.map((r) => Object.fromEntries(card.columns.map((c, i) => {
    const cell = r[i]!;
    return [c, typeof cell === 'string' ? cell : { value: cell.value, unit: cell.unit, si: cell.si, text: cell.text }];
  })));
  return JSON.stringify({ card: card.name, title: card.title, source: card.source, columns: card.columns, rows, notes: card.notes }, null, 2) + '\n';
}
