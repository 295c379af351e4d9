import { parse as parseCsv } from 'csv-parse/sync';
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { cli, golden, tempDir } from '../helpers.js';

const TEMPLATES = ['twitter', 'url-shortener', 'crawler', 'autocomplete', 'video-cdn', 'cloud-drive'];

async function out(args: string[]): Promise<string> {
  const r = await cli(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

describe.each(TEMPLATES)('%s exports', (t) => {
  it('--explain matches its golden file', async () => {
    golden(`${t}.explain.txt`, await out([t, '--explain']));
  });
  it('Markdown parses into an assumptions table and one results table per section', async () => {
    const md = await out([t, '--format', 'markdown']);
    const json = JSON.parse(await out([t, '--format', 'json'])) as { inputs: object; outputs: Record<string, { section: string }> };
    const tokens = marked.lexer(md);
    const tables = tokens.filter((x): x is Tokens.Table => x.type === 'table');
    const sections = new Set(Object.values(json.outputs).map((o) => o.section));
    expect(tables.length).toBe(1 + sections.size);
    expect(tables[0]!.header.map((h) => h.text)).toEqual(['Input', 'Assumption', 'Value', 'Notes']);
    expect(tables[0]!.rows.length).toBe(Object.keys(json.inputs).length);
    for (const table of tables) for (const row of table.rows) expect(row.length).toBe(table.header.length);
    const headings = tokens.filter((x): x is Tokens.Heading => x.type === 'heading').map((h) => h.text);
    expect(headings).toEqual(expect.arrayContaining(['Assumptions', ...sections, 'Derivation', 'Conventions']));
  });
  it('JSON parses and has no null in place of a number', async () => {
    const text = await out([t, '--format', 'json']);
    expect(text).not.toContain('null');
    const doc = JSON.parse(text) as { steps: unknown[]; template: string };
    expect(doc.template).toBe(t);
    expect(doc.steps.length).toBeGreaterThan(0);
  });
  it('CSV parses with one row per input and shown quantity', async () => {
    const csv = await out([t, '--format', 'csv']);
    const rows = parseCsv(csv) as string[][];
    const json = JSON.parse(await out([t, '--format', 'json'])) as { inputs: object; outputs: object };
    expect(rows[0]).toEqual(['section', 'name', 'label', 'value', 'unit', 'si', 'dimension', 'p5', 'p50', 'p95', 'mean']);
    // A plain run is exact: the interval columns are empty.
    for (const r of rows.slice(1)) expect(r.slice(7)).toEqual(['', '', '', '']);
    // Declared conventions (crawler's `year: 12 month`) are rows of their own section.
    const values = rows.slice(1).filter((r) => r[0] !== 'Conventions');
    expect(values.length).toBe(Object.keys(json.inputs).length + Object.keys(json.outputs).length);
    for (const r of rows.slice(1)) expect(Number.isFinite(Number(r[5]))).toBe(true);
  });
});

describe('escaping in exports', () => {
  it('Markdown escapes pipes and backticks, CSV neutralises formulas', async () => {
    const { writeFileSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = tempDir('estimate-esc-');
    const yaml = readFileSync('test/fixtures/valid.yaml', 'utf8')
      .replace('label: Users', 'label: "Users | `x` =1+1"')
      .replace('help: How many users.', 'help: "=HYPERLINK(\\"http://x\\")\\nsecond line, with comma"');
    writeFileSync(join(dir, 'e.yaml'), yaml);
    const md = await out([join(dir, 'e.yaml'), '--format', 'markdown']);
    const table = marked.lexer(md).find((x): x is Tokens.Table => x.type === 'table')!;
    expect(table.rows[0]!.length).toBe(4);
    expect(table.rows[0]![1]!.text).toContain('Users |');
    const rows = parseCsv(await out([join(dir, 'e.yaml'), '--format', 'csv'])) as string[][];
    expect(rows[1]![2]).toBe('Users | `x` =1+1');
    const csvText = await out([join(dir, 'e.yaml'), '--format', 'csv']);
    expect(csvText).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('reference cards', () => {
  it.each(['latency', 'powers', 'nines'])('%s: table golden, Markdown and JSON parse', async (card) => {
    golden(`ref-${card}.txt`, await out(['ref', card]));
    const tables = marked.lexer(await out(['ref', card, '--format', 'markdown'])).filter((x) => x.type === 'table');
    expect(tables.length).toBe(1);
    const json = JSON.parse(await out(['ref', card, '--format', 'json'])) as { rows: unknown[] };
    expect(json.rows.length).toBeGreaterThan(5);
  });
  it('nines are computed by the engine', async () => {
    const json = JSON.parse(await out(['ref', 'nines', '--format', 'json'])) as { rows: Record<string, { si: number } | string>[] };
    const row = json.rows.find((r) => r['Availability'] === '99.9%')!;
    expect((row['Per year'] as { si: number }).si).toBeCloseTo(0.001 * 365 * 86400, 6);
  });
  it('estimate ref lists the cards; an unknown card is a usage error', async () => {
    expect(await out(['ref'])).toMatch(/latency[\s\S]*powers[\s\S]*nines/);
    expect((await cli(['ref', 'latncy'])).code).toBe(2);
  });
});
