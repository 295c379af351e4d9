/** The YAML loader's limits: nesting found before the library recurses, odd bytes, many keys. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { source } from '../../src/diagnostics/source.js';
import { MAX_YAML_DEPTH, readYaml, tooDeepAt } from '../../src/template/yaml-tree.js';
import { cli, ROOT } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'estimate-yaml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const VALID = readFileSync(`${ROOT}/test/fixtures/valid.yaml`, 'utf8');

/** Runs the CLI on a file with this text: exit code, first error code, its place, and stderr. */
async function runOn(name: string, text: string | Buffer, ...args: string[]) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = await cli([file, ...args]);
  return { code: r.code, error: /error\[(E\d{4})\]/.exec(r.stderr)?.[1], where: /--> [^\n]*?:(\d+:\d+)/.exec(r.stderr)?.[1], stderr: r.stderr, stdout: r.stdout };
}

describe('deep nesting is E0712 with a location, never a stack overflow', () => {
  it.each([
    ['5,000 [', 'name: ' + '['.repeat(5000) + '\n', '1:'],
    ['5,000 {', 'name: ' + '{a: '.repeat(5000) + '\n', '1:'],
    ['balanced 1,000 [', 'name: ' + '['.repeat(1000) + ']'.repeat(1000) + '\n', '1:'],
    ['5,000 compact - ', 'name: x\nitems:\n' + '- '.repeat(5000) + 'x\n', '3:'],
    ['1,000 block levels', 'name: x\n' + Array.from({ length: 1000 }, (_, i) => ' '.repeat(i) + 'a:\n').join(''), ''],
    ['? keys', 'name: x\n' + '? '.repeat(3000) + 'x\n', '2:'],
  ])('%s', async (_name, text, line) => {
    const r = await runOn('deep.yaml', text);
    expect(r.code).toBe(1);
    expect(r.error).toBe('E0712');
    expect(r.stderr).not.toMatch(/call stack/i);
    expect(r.where).toMatch(new RegExp('^' + line));
  });
  it('the exact limit is still 32 levels on the parsed tree', () => {
    const ok = 'a: ' + '['.repeat(MAX_YAML_DEPTH - 1) + ']'.repeat(MAX_YAML_DEPTH - 1) + '\n';
    expect(readYaml(source('t', ok)).errors).toEqual([]);
    const deep = 'a: ' + '['.repeat(MAX_YAML_DEPTH + 5) + ']'.repeat(MAX_YAML_DEPTH + 5) + '\n';
    expect(readYaml(source('t', deep)).errors.map((e) => e.code)).toEqual(['E0712']);
  });
  it('the scan lets through brackets in quotes, comments and block scalars, and every built-in template', () => {
    const text = ['a: "' + '['.repeat(500) + '"', "b: '" + '{'.repeat(500) + "'", '# ' + '['.repeat(500), 'c: |', '  ' + '['.repeat(500), '  more', 'd: x'].join('\n');
    expect(tooDeepAt(text, 10)).toBeUndefined();
    expect(readYaml(source('t', text)).errors).toEqual([]);
    for (const t of ['twitter', 'video-cdn', 'crawler']) expect(tooDeepAt(readFileSync(`${ROOT}/templates/${t}.yaml`, 'utf8'), 4)).toBeUndefined();
  });
});

describe('odd bytes in a template', () => {
  it('a BOM and CRLF line ends are read as usual', async () => {
    expect((await runOn('bom.yaml', '\ufeff' + VALID, '--format', 'json')).code).toBe(0);
    const crlf = await runOn('crlf.yaml', VALID.replace(/\n/g, '\r\n'), '--format', 'json');
    expect(crlf.code).toBe(0);
    expect(JSON.parse(crlf.stdout).title).toBe('Tiny model');
  });
  it('a raw NUL byte is refused as binary; an escaped one is text, shown escaped', async () => {
    expect((await runOn('nul.yaml', VALID.replace('Tiny model', 'Tiny\0model'))).error).toBe('E0711');
    const r = await runOn('nul2.yaml', VALID.replace('title: Tiny model', 'title: "Tiny\\0model"'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tiny\\x00model');
  });
  it('invalid UTF-8 is refused with the file named', async () => {
    const bytes = Buffer.concat([Buffer.from('name: x\ntitle: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    const r = await runOn('bad.yaml', bytes);
    expect([r.code, r.error]).toEqual([1, 'E0701']);
    expect(r.stderr).toContain('bad.yaml');
  });
  it('a lone surrogate and bidi controls written as escapes come out escaped in every format', async () => {
    const text = VALID.replace('title: Tiny model', 'title: "Tiny \\ud800 \\u202e model"').replace('label: Users', 'label: "Us\\u200bers\\u2066"');
    for (const format of ['table', 'markdown', 'csv', 'json']) {
      const r = await runOn('sur.yaml', text, '--format', format);
      expect(r.code, format).toBe(0);
      expect(r.stdout, format).not.toMatch(/[\u202e\u200b\u2066]|\p{Cs}/u);
      if (format === 'json') expect(JSON.parse(r.stdout).title).toBe('Tiny \ud800 \u202e model');
    }
  });
});

describe('aliases', () => {
  it('an alias stands for the last anchor of its name before it', async () => {
    const r = await runOn('redef.yaml', 'name: x\ntitle: &t T\ninputs:\n  a: &t 5\nquantities:\n  b: *t\nsections:\n  S: [b]\n', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).outputs.b.value).toBe(5);
  });
  it('20,000 aliases are resolved in one walk (each alias walked the document: 3,000 took 9 s)', () => {
    const text = 'a: &a x\n' + Array.from({ length: 20_000 }, (_, i) => `k${i}: *a\n`).join('');
    const { root, errors } = readYaml(source('t', text));
    expect(errors).toEqual([]);
    expect(root?.kind === 'map' && root.entries.length).toBe(20_001);
  });
  it('aliases of a long text may not add more than 1 MiB (redteam F9: a 0.5 MB file grew to gigabytes, E9999)', async () => {
    const long = 'x'.repeat(200_000);
    const inputs = Array.from({ length: 6 }, (_, i) => `  i${i}:\n    label: *t\n    default: 1\n    help: *t\n`).join('');
    const r = await runOn('amplify.yaml', `name: sb\ntitle: &t '${long}'\ndescription: *t\nsource: *t\ninputs:\n${inputs}quantities:\n  q: i0*2\nsections:\n  S: [q]\n`);
    expect(r.code).toBe(1);
    expect(r.error).toBe('E0712');
    expect(r.stderr).toMatch(/aliases expand to more than 1,048,576 characters/);
    // Five copies (1,000,000 characters) fit; the sixth, `help` of i1 on line 13, is refused.
    expect(r.where).toBe('13:11');
    expect(r.stdout).toBe('');
    expect(r.stderr.match(/E0712/g)?.length).toBe(1);
  });
  it('the alias budget counts text, not aliases: 5 copies of a 200 KB text load', () => {
    const text = `a: &a ${'y'.repeat(200_000)}\n` + Array.from({ length: 5 }, (_, i) => `k${i}: *a\n`).join('');
    expect(readYaml(source('t', text)).errors).toEqual([]);
  });
});

describe('sizes', () => {
  it('50,000 count units load, each usable with its plural, a repeat still E0705 (redteam F17: quadratic, 32 s)', async () => {
    const units = Array.from({ length: 50_000 }, (_, i) => `u${i}`).join(', ');
    const ok = await runOn('units.yaml', `name: u\ntitle: u\nunits: [${units}, user]\ninputs:\n  dau:\n    label: d\n    default: 2M u49999s\n    help: h\nquantities:\n  q: dau * 2\nsections:\n  S: [q]\n`, '--format', 'json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).outputs.q.unit).toBe('u49999');
    const twice = await runOn('units2.yaml', `name: u\ntitle: u\nunits: [${units}, u7]\ninputs:\n  dau:\n    label: d\n    default: 2\n    help: h\nquantities:\n  q: dau * 2\nsections:\n  S: [q]\n`);
    expect(twice.error).toBe('E0705');
    expect(twice.stderr).toContain('count unit `u7` is declared twice');
  });
  it('a 900 KB key is refused with the caret row cut to the terminal', async () => {
    const r = await runOn('longkey.yaml', VALID.replace('source: tests', 'source: tests\n"' + 'z'.repeat(900_000) + '": 1'));
    expect(r.code).toBe(1);
    expect(r.stderr.length).toBeLessThan(2000);
  });
  it('5,000 unknown names next to 5,000 similar names: 50 errors shown, the rest counted', async () => {
    const text = 'name: k\ntitle: k\nsections:\n  S: [qty0]\ninputs:\n  a: 1\nquantities:\n' + Array.from({ length: 5000 }, (_, i) => `  qty${i}: a * qtx${i}\n`).join('');
    const r = await runOn('many.yaml', text);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/^error\[/gm)).toHaveLength(50);
    expect(r.stderr).toContain('did you mean `qty0`');
    expect(r.stderr).toMatch(/\nand 4950 more errors \(5000 errors\)\n$/);
  });
});
