import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wantsAsciiBorders } from '../../src/render/borders.js';
import { grid, tableWidth } from '../../src/render/grid.js';
import { textWidth } from '../../src/render/text-width.js';
import { cli } from '../helpers.js';

const TEMPLATES = ['twitter', 'url-shortener', 'crawler', 'autocomplete', 'video-cdn', 'cloud-drive'];
const CARDS = ['latency', 'powers', 'nines'];
const WIDTHS = [40, 64, 80, 200];
const BOX = /[─│┌┐└┘┬┴├┤┼]/;

const widest = (text: string) => Math.max(...text.split('\n').map(textWidth));

/** The lines of bordered tables in an output: each starts with a border character. */
const tableLines = (text: string) => text.split('\n').filter((l) => /^[┌│└+|]/.test(l));

async function table(args: string[], columns: number, env: Record<string, string> = {}): Promise<string> {
  const r = await cli(args, { columns, env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

describe.each(WIDTHS)('at %i columns', (columns) => {
  const limit = Math.min(columns, 120);
  it.each(TEMPLATES)('%s: no line is wider than the terminal, and every number is printed whole', async (t) => {
    const out = await table([t], columns);
    expect(widest(out)).toBeLessThanOrEqual(limit);
    const json = JSON.parse(await table([t, '--format', 'json'], columns)) as { outputs: Record<string, { text: string }> };
    // Values may wrap between words, never inside one.
    const words = new Set(out.split(/[\s│]+/));
    for (const o of Object.values(json.outputs)) for (const w of o.text.split(' ')) expect(words, `${o.text} in ${t}`).toContain(w);
  });
  it.each(CARDS)('ref %s: no line is wider than the terminal', async (c) => {
    expect(widest(await table(['ref', c], columns))).toBeLessThanOrEqual(limit);
  });
});

describe('layouts', () => {
  it('keeps boxes from 60 columns up, every line of a box as wide as its top rule', async () => {
    for (const columns of [60, 64, 80, 200]) {
      const out = await table(['twitter'], columns);
      const lines = tableLines(out);
      expect(lines.length).toBeGreaterThan(20);
      let top = 0;
      for (const l of lines) {
        if (l.startsWith('┌')) top = textWidth(l);
        expect(textWidth(l)).toBe(top);
      }
    }
  });
  it('below 60 columns lists each row instead of squeezing boxes', async () => {
    const out = await table(['twitter'], 40);
    expect(out).not.toMatch(BOX);
    // Two columns: `label: value`. More: the first cell, then `heading: value` under it.
    expect(out).toContain('\nIngress (new tweets): 2.783 Gbps\n');
    expect(out).toContain('\nDaily active users\n  Estimate: 150M users\n  Book: ~150M users\n');
    expect(out).toContain('\nmau\n  Assumption: Monthly active users\n  Value: 300M users\n');
  });
  it('fits 120 columns at most on a wide terminal', async () => {
    expect(widest(await table(['ref', 'powers'], 500))).toBeLessThanOrEqual(120);
  });
  it('fits a 10-column terminal (not 20), and never fewer than 10 columns, whatever the terminal reports', () => {
    expect(tableWidth(10)).toBe(10);
    expect(tableWidth(0)).toBe(10);
    expect(tableWidth(Number.NaN)).toBe(120);
    expect(tableWidth(-5)).toBe(10);
  });
});

describe('ASCII borders', () => {
  it('--ascii draws + - | and nothing else', async () => {
    const out = await table(['twitter', '--ascii'], 80);
    expect(out).not.toMatch(BOX);
    expect(out).toContain('+-------------------------+----------------------------+-----------------------+');
    expect(out).toContain('\n| mau                     | Monthly active users       | 300M users            |\n');
  });
  it('TERM=dumb gets ASCII borders too, for estimates and reference cards', async () => {
    for (const args of [['twitter'], ['ref', 'latency']]) {
      const out = await table(args, 80, { TERM: 'dumb' });
      expect(out).not.toMatch(BOX);
      expect(out).toMatch(/^\+-+\+/m);
    }
  });
  it('ref --ascii', async () => {
    expect(await table(['ref', 'nines', '--ascii'], 80)).toMatch(/^\| 99\.9% +\| 1\.44 min +\|/m);
  });
  it('is the same table with other borders', async () => {
    const ascii = await table(['crawler', '--ascii'], 80);
    const box = await table(['crawler'], 80);
    expect(ascii.replace(/[+\-|]/g, '')).toBe(box.replace(/[─│┌┐└┘┬┴]/g, '').replace(/-/g, ''));
  });
  it('wantsAsciiBorders: the flag or TERM=dumb', () => {
    expect(wantsAsciiBorders(true, 'xterm')).toBe(true);
    expect(wantsAsciiBorders(undefined, 'dumb')).toBe(true);
    expect(wantsAsciiBorders(false, 'xterm-256color')).toBe(false);
    expect(wantsAsciiBorders(undefined, undefined)).toBe(false);
  });
});

describe('colour', () => {
  it('tables carry no escape sequences, with or without NO_COLOR', async () => {
    const plain = await table(['twitter'], 80, { TERM: 'xterm-256color', FORCE_COLOR: '3' });
    expect(plain).not.toContain('\x1b');
    expect(await table(['twitter'], 80, { NO_COLOR: '1' })).toBe(plain);
  });
});

describe('hostile cells', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'estimate-tables-'));
    const long = 'x'.repeat(10_000);
    const wide = '漢字の説明 👨‍👩‍👧 e\u0301 🇫🇷 ｆｕｌｌ ☝🏽 1\ufe0f\u20e3 '.repeat(20);
    writeFileSync(
      join(dir, 'long.yaml'),
      [
        'name: long',
        `title: "${'T'.repeat(500)}"`,
        'units: [user]',
        'inputs:',
        '  a:',
        `    label: "${long}"`,
        '    default: 5 user',
        '  b:',
        `    label: "${'word '.repeat(2000)}"`,
        '    default: 1 user',
        '  c:',
        `    label: "${wide}"`,
        '    default: 2 user',
        'quantities:',
        '  total:',
        `    label: "${long}"`,
        '    value: a + b + c',
        '  wide:',
        `    label: "${wide}"`,
        '    value: c * 2',
        'sections:',
        '  S: [total, wide]',
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([...WIDTHS, 64])('a 10,000-character label stays inside %i columns', async (columns) => {
    const out = await table([join(dir, 'long.yaml')], columns);
    expect(widest(out)).toBeLessThanOrEqual(Math.min(columns, 120));
    expect(out).toContain('xxx…');
    // The value column is never what gives way.
    expect(out).toMatch(/\b8 users\b/);
    // A cell is at most 8 lines: 2,000 words do not make a 300-line row.
    expect(out.split('\n').length).toBeLessThan(80);
  });
  it('wide, combining and emoji text lines up with the borders', async () => {
    const out = await table([join(dir, 'long.yaml')], 80);
    const lines = tableLines(out);
    expect(lines.some((l) => l.includes('👨‍👩‍👧'))).toBe(true);
    for (const l of lines) expect(textWidth(l), l).toBe(80);
  });
  it('cuts long words, never long figures: a table that cannot fit them whole becomes a list', () => {
    const label = 'an_identifier_far_too_long_for_its_column_'.repeat(3);
    const boxed = grid(['Quantity', 'Estimate'], [[label, '1,152,921,504,606,846,976 B']], 60).split('\n');
    expect(boxed[0]!.startsWith('┌')).toBe(true);
    expect(boxed.join('\n')).toContain('1,152,921,504,606,846,976');
    expect(boxed.join('\n')).toContain('…');
    const figures = Array.from({ length: 5 }, (_, i) => `${'9'.repeat(20)}${i}`);
    const listed = grid(['A', 'B', 'C', 'D', 'E'], [figures], 60);
    expect(listed).not.toMatch(BOX);
    for (const f of figures) expect(listed).toContain(f);
  });
  it('a section of 3,000 rows draws as one table in linear time', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`row ${i}`, `${i} user`]);
    const out = grid(['Quantity', 'Estimate'], rows, 80).split('\n');
    expect(out).toHaveLength(3003);
    expect(out.filter((l) => l.startsWith('┌')).length).toBe(1);
    expect(out.filter((l) => l.startsWith('└')).length).toBe(1);
    expect(out[2000]).toBe('│ row 1998 │ 1998 user │');
  });
});

const cellText = fc.oneof(
  fc.string({ maxLength: 40 }),
  // Any code points: controls, bidi overrides, lone surrogates, marks with nothing to mark.
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(fc.constantFrom('word', '漢字', 'e\u0301', '👨‍👩‍👧', '🇫🇷', '1,000', 'tweet/s/server', 'x'.repeat(70), '\x1b[31m', '\t', ' '), { maxLength: 12 }).map((w) => w.join(' ')),
);

describe('any table', () => {
  it('fits its width and lines up, in boxes or as a list, in box or ASCII borders', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.array(cellText, { minLength: n, maxLength: n }), fc.array(fc.array(cellText, { minLength: n, maxLength: n }), { maxLength: 6 }))),
        fc.integer({ min: 0, max: 300 }),
        fc.boolean(),
        ([head, body], columns, ascii) => {
          const width = tableWidth(columns);
          const lines = grid(head, body, width, ascii).split('\n');
          expect(Math.max(...lines.map(textWidth))).toBeLessThanOrEqual(width);
          expect(lines.join('\n')).not.toContain('\x1b');
          const boxed = lines.filter((l) => /^[┌│└+|]/.test(l) && /[┐│┘+|]$/.test(l));
          if (lines[0]!.startsWith(ascii ? '+' : '┌')) for (const l of boxed) expect(textWidth(l)).toBe(textWidth(lines[0]!));
        },
      ),
      { numRuns: 150 },
    );
  });
});
