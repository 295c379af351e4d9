/**
 * The output formats, listed once: name, aliases, file extensions, menu label and the loaders of
 * their renderers. Every command, `-o` and the interactive export take their list from here, so
 * a new format is one entry. Renderers are loaded on use: the program's start-up reads only
 * this table.
 */
import { type Card } from '../reference/card.js';
import { type Report } from './report.js';

/** The name of an output format. */
export type FormatName = 'table' | 'markdown' | 'json' | 'csv' | 'html';

/** How a table is laid out: the terminal's width and whether derivations are shown. */
export interface Layout {
  readonly columns: number;
  readonly explain: boolean;
  /** Table borders in + - | (--ascii, TERM=dumb). */
  readonly ascii?: boolean;
}

/** An output format and how to render estimates and reference cards in it. */
export interface OutputFormat {
  readonly name: FormatName;
  /** Other words accepted by `--format` (`md`). */
  readonly aliases: readonly string[];
  /** File extensions that imply the format; the first is the one proposed for a new file. */
  readonly extensions: readonly string[];
  /** What a file of this format holds, for menus and messages ("Markdown"). */
  readonly title: string;
  /** Loads the renderer of an estimate's report. */
  readonly report: () => Promise<(report: Report, layout: Layout) => string>;
  /** Loads the renderer of a reference card. */
  readonly card: () => Promise<(card: Card, layout: Layout) => string>;
}

/** Every output format, the default (table) first. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = [
  {
    name: 'table',
    aliases: ['txt', 'text'],
    extensions: ['.txt'],
    title: 'text tables',
    report: async () => {
      const [{ renderTable }, { tableWidth }] = await Promise.all([import('./table.js'), import('./grid.js')]);
      return (r, l) => renderTable(r, { columns: tableWidth(l.columns), explain: l.explain, ascii: l.ascii === true });
    },
    card: async () => {
      const [{ renderCardTable }, { tableWidth }] = await Promise.all([import('./card.js'), import('./grid.js')]);
      return (c, l) => renderCardTable(c, tableWidth(l.columns), l.ascii === true);
    },
  },
  {
    name: 'markdown',
    aliases: ['md'],
    extensions: ['.md', '.markdown'],
    title: 'Markdown',
    report: async () => (await import('./markdown.js')).renderMarkdown,
    card: async () => (await import('./card.js')).renderCardMarkdown,
  },
  {
    name: 'json',
    aliases: [],
    extensions: ['.json'],
    title: 'JSON',
    report: async () => (await import('./json.js')).renderJson,
    card: async () => (await import('./card.js')).renderCardJson,
  },
  {
    name: 'csv',
    aliases: [],
    extensions: ['.csv'],
    title: 'CSV',
    report: async () => (await import('./csv.js')).renderCsv,
    card: async () => (await import('./card-csv.js')).renderCardCsv,
  },
  {
    // One self-contained page with SVG charts (issue 14; docs/analysis.md).
    name: 'html',
    aliases: ['htm'],
    extensions: ['.html', '.htm'],
    title: 'HTML page',
    report: async () => {
      const { renderHtml } = await import('./html.js');
      return (r) => renderHtml(r);
    },
    card: async () => (await import('./html.js')).renderCardHtml,
  },
];

/** The choice the interactive export shows: "Markdown (.md)". */
export function menuLabel(f: OutputFormat): string {
  return `${f.title[0]!.toUpperCase()}${f.title.slice(1)} (${f.extensions[0]})`;
}

/** The format of a name or alias, in any case (`md`, `Markdown`), or undefined. */
export function formatNamed(text: string): OutputFormat | undefined {
  const t = text.trim().toLowerCase();
  return OUTPUT_FORMATS.find((f) => f.name === t || f.aliases.includes(t));
}

/** The format a file name's extension implies, or undefined. */
export function formatOfPath(path: string): OutputFormat | undefined {
  const ext = extensionOf(path);
  return ext === undefined ? undefined : OUTPUT_FORMATS.find((f) => f.extensions.includes(ext));
}

/** The format's entry. */
export function outputFormat(name: FormatName): OutputFormat {
  return OUTPUT_FORMATS.find((f) => f.name === name)!;
}

/** The file name's extension in lower case (`.md`), or undefined when it has none. */
export function extensionOf(path: string): string | undefined {
  const m = /(?<=[^/\\.])\.[A-Za-z0-9]+$/.exec(path);
  return m ? m[0].toLowerCase() : undefined;
}

/** "table, markdown (md), json, csv": the choices as help and messages show them. */
export function describeFormats(): string {
  return OUTPUT_FORMATS.map((f) => (f.aliases.length ? `${f.name} (${f.aliases.join(', ')})` : f.name)).join(', ');
}

/** "use .txt, .md, .markdown, .json or .csv": every extension that implies a format. */
export function knownExtensions(): string[] {
  return OUTPUT_FORMATS.flatMap((f) => f.extensions);
}
