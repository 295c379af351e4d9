/** A reference card: a titled table whose cells carry both text and, where numeric, a value. */
import { type Formatted } from '../units/format.js';

/** One cell: text for people, and the machine form when it is a quantity. */
export type CardCell = string | Formatted;

/** A reference card, ready to render as a table, Markdown or JSON. */
export interface Card {
  readonly name: string;
  readonly title: string;
  readonly source: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CardCell[])[];
  readonly notes: readonly string[];
}

/** The text of a cell. */
export function cellText(c: CardCell): string {
  return typeof c === 'string' ? c : c.text;
}
