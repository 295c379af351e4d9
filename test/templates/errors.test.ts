import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

/** fixture -> [first error code, line, column] */
const EXPECTED: Record<string, [string, number, number]> = {
  'E0301-unknown-name.yaml': ['E0301', 6, 6],
  'E0501-users-plus-requests.yaml': ['E0501', 8, 21],
  'E0540-count-missing.yaml': ['E0540', 5, 8],
  'E0504-huge-exponent.yaml': ['E0504', 6, 14],
  'E0602-unit-scaling.yaml': ['E0602', 6, 13],
  'E0701-syntax.yaml': ['E0701', 3, 1],
  'E0701-tab.yaml': ['E0701', 4, 1],
  'E0702-unknown-key.yaml': ['E0702', 2, 1],
  'E0703-missing-field.yaml': ['E0703', 1, 1],
  'E0704-empty.yaml': ['E0704', 1, 1],
  'E0704-list.yaml': ['E0704', 1, 1],
  'E0704-non-string-key.yaml': ['E0704', 4, 3],
  'E0705-duplicate-key.yaml': ['E0705', 5, 3],
  'E0705-duplicate-name.yaml': ['E0705', 6, 3],
  'E0706-name-is-unit.yaml': ['E0706', 6, 3],
  'E0707-cycle.yaml': ['E0707', 6, 6],
  'E0707-self.yaml': ['E0707', 6, 6],
  'E0708-dimension.yaml': ['E0708', 7, 12],
  'E0709-display-unit.yaml': ['E0709', 8, 11],
  'E0710-section.yaml': ['E0710', 8, 7],
  'E0711-alias.yaml': ['E0711', 5, 13],
  'E0711-merge.yaml': ['E0711', 7, 5],
  'E0711-tag.yaml': ['E0711', 2, 17],
  'E0711-two-documents.yaml': ['E0711', 3, 1],
  'E0712-deep-nesting.yaml': ['E0712', 3, 135],
  'E0713-default-out-of-bounds.yaml': ['E0713', 5, 14],
  'E0714-bad-name.yaml': ['E0714', 4, 3],
};

describe('template error fixtures', () => {
  it('every fixture file has an expectation', () => {
    expect(readdirSync(`${ROOT}/test/fixtures/errors`).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(Object.entries(EXPECTED))('%s', async (file, [code, line, column]) => {
    const path = `test/fixtures/errors/${file}`;
    const r = await cli([path, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const first = JSON.parse(r.stderr.split('\n')[0]!) as { code: string; line: number; column: number; file: string };
    expect(first).toMatchObject({ code, line, column, file: path });
    const human = await cli([path]);
    expect(human.stderr).toContain(`error[${code}]`);
    expect(human.stderr).toContain(`--> ${path}:${line}:${column}`);
    expect(human.stderr).toMatch(/\n\d+ \| .*\n +\| +[\^-]/);
  });
  it('reports every problem of a template together', async () => {
    const r = await cli(['test/fixtures/errors/E0703-missing-field.yaml', '--format', 'json']);
    const codes = r.stderr.trim().split('\n').map((l) => (JSON.parse(l) as { code: string }).code);
    expect(codes).toEqual(['E0703', 'E0703']);
  });
  it('a broken input or quantity gets its own error only: none for what reads it or lists it', async () => {
    const dir = tempDir('estimate-broken-');
    const path = join(dir, 'broken.yaml');
    writeFileSync(path, 'name: broken\ntitle: Broken\ninputs:\n  x: 1\n  y: 2 +\nquantities:\n  a: x +\n  b: a * 2\n  c: c + 1\n  d: y * b\nsections:\n  S: [a, b, c, d, x, y]\n');
    const r = await cli([path, '--format', 'json']);
    const errors = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { code: string; line: number });
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      ['E0201', 5],
      ['E0201', 7],
      ['E0707', 9],
    ]);
  });
  it('a %YAML 1.1 directive does not change how values are read', async () => {
    const r = await cli(['test/fixtures/yaml11.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { inputs: Record<string, { help: string; si: number }> };
    expect(doc.inputs['ratio']!.help).toBe('10:1 stays text, no stays a word');
  });
});

describe('bad --set', () => {
  const cases: [string[], number, string][] = [
    [['--set', 'user_count=1 GB'], 1, 'E0708'],
    [['--set', 'user_count=1 +'], 1, 'E0201'],
    [['--set', 'user_count=-5'], 1, 'E0713'],
    [['--set', 'user_count=2bn'], 1, 'E0713'],
    [['--set', 'userz=5'], 2, 'E0903'],
    [['--set', 'total=5'], 2, 'E0903'],
    [['--set', 'users'], 2, 'E0902'],
    [['--set', '=5'], 2, 'E0902'],
  ];
  it.each(cases)('%j exits %d with %s', async (args, code, err) => {
    const r = await cli(['test/fixtures/valid.yaml', '--format', 'json', ...args]);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect((JSON.parse(r.stderr.split('\n')[0]!) as { code: string }).code).toBe(err);
  });
  it('points into the --set text with a caret', async () => {
    const r = await cli(['test/fixtures/valid.yaml', '--set', 'user_count=1 GB']);
    expect(r.stderr).toContain('--> --set user_count:1:1');
    expect(r.stderr).toContain('1 | 1 GB');
  });
  it('`1.5B` is refused as ambiguous, offering billions', async () => {
    const r = await cli(['twitter', '--set', 'mau=1.5B']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('for billions write `1.5bn`');
  });
  it('a bare number takes the input unit', async () => {
    const r = await cli(['test/fixtures/valid.yaml', '--format', 'json', '--set', 'user_count=5k']);
    expect((JSON.parse(r.stdout) as { inputs: { user_count: { text: string } } }).inputs.user_count.text).toBe('5,000 users');
  });
});
