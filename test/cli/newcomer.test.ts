import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { expressionsAsOperands, wantsJson } from '../../src/cli/argv.js';
import { OUTPUT_FORMATS, formatNamed, formatOfPath, menuLabel } from '../../src/render/formats.js';
import { cli, ROOT, spawnCli } from '../helpers.js';

const version = (JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string }).version;

describe('calc: an expression may start with -', () => {
  it.each([
    [['calc', '-2^2'], '-4\n'],
    [['calc', '--', '-5'], '-5\n'],
    [['calc', '-1 MB'], '-1 MB\n'],
    [['calc', '-1', 'MB'], '-1 MB\n'],
    [['calc', '-(2 + 3)'], '-5\n'],
    [['calc', '-.5'], '-0.5\n'],
  ])('%j', async (args, out) => {
    const r = await cli(args);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(out);
    expect(r.code).toBe(0);
  });
  it('calc\'s own options still work before and after a negative expression', async () => {
    expect(JSON.parse((await cli(['calc', '-2^2', '--json'])).stdout)).toMatchObject({ value: -4 });
    expect(JSON.parse((await cli(['calc', '--json', '-2^2'])).stdout)).toMatchObject({ value: -4 });
    expect((await cli(['calc', '-1 MB', '--to', 'KB'])).stdout).toBe('-1,000 KB\n');
    expect((await cli(['calc', '--to=KB', '-1 MB'])).stdout).toBe('-1,000 KB\n');
    expect((await cli(['calc', '-3 user', '--units', 'user'])).stdout).toBe('-3 users\n');
  });
  it('a mistyped long option is still an option error with did-you-mean', async () => {
    const r = await cli(['calc', '--jsn', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error[E0908]: unknown option '--jsn'\n  = help: did you mean --json?\n");
  });
  it('words after -- are left alone, and root options before calc are skipped', () => {
    expect(expressionsAsOperands(['calc', '--', '--json'])).toEqual(['calc', '--', '--json']);
    expect(expressionsAsOperands(['calc', '-2', '--json'])).toEqual(['calc', '--json', '--', '-2']);
    expect(expressionsAsOperands(['twitter', '-2'])).toEqual(['twitter', '-2']);
    expect(expressionsAsOperands(['--set', 'calc', 'x'])).toEqual(['--set', 'calc', 'x']);
  });
});

describe('mistyped commands, help and version', () => {
  it('`estimate lst` suggests the list command', async () => {
    const r = await cli(['lst']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown template or command `lst`; did you mean `list`?');
  });
  it('a mistyped template is suggested from the same list', async () => {
    const r = await cli(['twiter']);
    expect(r.stderr).toContain('did you mean `twitter`?');
  });
  it('`estimate calcc 1+1` suggests calc instead of "too many arguments"', async () => {
    const r = await cli(['calcc', '1+1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command `calcc`; did you mean `calc`?');
  });
  it('a second word after a template is a usage error', async () => {
    const r = await cli(['twitter', 'extra']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unexpected argument `extra`');
  });
  it('`estimate help` and `estimate help calc` print help and exit 0', async () => {
    const root = await cli(['help']);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('Usage: estimate');
    const calc = await cli(['help', 'calc']);
    expect(calc.code).toBe(0);
    expect(calc.stdout).toContain('Usage: estimate calc');
  });
  it.each([['-v'], ['-V'], ['--version']])('%s prints the version of package.json', async (flag) => {
    const r = await cli([flag]);
    expect(r).toEqual({ code: 0, stdout: version + '\n', stderr: '' });
  });
  it('the version is written nowhere in the sources but package.json', () => {
    const program = readFileSync(`${ROOT}/src/cli/program.ts`, 'utf8');
    expect(program).not.toContain(`'${version}'`);
  });
});

describe('formats: one registry, aliases, JSON errors', () => {
  it('--format md and -f markdown give the same Markdown; txt is the table', async () => {
    const md = await cli(['twitter', '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe((await cli(['twitter', '-f', 'markdown'])).stdout);
    expect((await cli(['twitter', '--format=MD'])).stdout).toBe(md.stdout);
    expect((await cli(['twitter', '-f', 'txt'])).stdout).toBe((await cli(['twitter'])).stdout);
  });
  it('a bad format names the choices and suggests the closest', async () => {
    const r = await cli(['twitter', '-f', 'jsn']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The formats are table (txt, text), markdown (md), json, csv, html (htm).');
    expect(r.stderr).toContain('json');
  });
  it.each([
    [['twitter', '-f', 'json', '--set', 'nope=1'], 'E0903'],
    [['twitter', '-fjson', '--set', 'nope=1'], 'E0903'],
    [['twitter', '--format=json', '--set', 'nope=1'], 'E0903'],
    [['twitter', '--format', 'JSON', '--nope'], 'E0908'],
    [['twitter', '-f', 'json', '--set'], 'E0908'],
    [['twitter', '-f', 'json', 'extra'], 'E0908'],
    [['calc', '--json', '--jsn', '1'], 'E0908'],
    [['calc', '--json', '1 MB + 1 s'], 'E0501'],
    [['ref', 'nope', '-f', 'json'], 'E0908'],
  ])('%j: one JSON error object on stderr', async (args, code) => {
    const r = await cli(args);
    expect(r.code).not.toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', code });
  });
  it('--set json is no JSON mode: the value of an option is not a flag', () => {
    expect(wantsJson(['twitter', '--set', '--json'])).toBe(false);
    expect(wantsJson(['twitter', '-o', '-fjson'])).toBe(false);
    expect(wantsJson(['calc', '--', '--json'])).toBe(false);
  });
  it('every format has a name, a unique extension and a menu label', () => {
    expect(OUTPUT_FORMATS.map(menuLabel)).toEqual(['Text tables (.txt)', 'Markdown (.md)', 'JSON (.json)', 'CSV (.csv)', 'HTML page (.html)']);
    const exts = OUTPUT_FORMATS.flatMap((f) => f.extensions);
    expect(new Set(exts).size).toBe(exts.length);
    for (const f of OUTPUT_FORMATS) {
      expect(formatNamed(f.name)).toBe(f);
      for (const e of f.extensions) expect(formatOfPath(`a/b${e.toUpperCase()}`)).toBe(f);
    }
    expect(formatOfPath('.md')).toBeUndefined();
    expect(formatOfPath('notes')).toBeUndefined();
  });
});

describe('ref in every format', () => {
  it('ref nines --format csv is the card\'s rows, with SI values next to quantities', async () => {
    const r = await cli(['ref', 'nines', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout) as string[][];
    expect(rows[0]).toEqual(['Availability', 'Per day', 'Per day (si)', 'Per week', 'Per week (si)', 'Per month', 'Per month (si)', 'Per year', 'Per year (si)']);
    expect(rows[1]!.slice(0, 3)).toEqual(['90%', '2.4 h', '8640']);
    expect(rows[3]![2]).toBe('86.4');
  });
  it.each(['latency', 'powers', 'nines'])('ref %s -f csv has one row per card row', async (card) => {
    const json = JSON.parse((await cli(['ref', card, '-f', 'json'])).stdout) as { rows: unknown[] };
    const rows = parse((await cli(['ref', card, '-f', 'csv'])).stdout) as string[][];
    expect(rows).toHaveLength(json.rows.length + 1);
  });
  it('ref -f md is the Markdown card', async () => {
    expect((await cli(['ref', 'latency', '-f', 'md'])).stdout).toBe((await cli(['ref', 'latency', '--format', 'markdown'])).stdout);
  });
});

describe('JSON mode follows the last --format', () => {
  it('-f json -f md is Markdown, so errors are text', () => {
    expect(wantsJson(['twitter', '-f', 'json', '-f', 'md'])).toBe(false);
    expect(wantsJson(['twitter', '-f', 'md', '--format=json'])).toBe(true);
  });
});

describe('help for a mistyped command', () => {
  it('`estimate help lst` names the word and suggests list', async () => {
    const r = await cli(['help', 'lst']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command `lst`; did you mean `list`?');
  });
});

describe('the real binary (the bundle)', () => {
  it('-v prints the version from package.json', () => {
    expect(spawnCli(['-v'])).toEqual({ code: 0, stdout: version + '\n', stderr: '' });
  });
  it('calc -2^2 evaluates', () => {
    expect(spawnCli(['calc', '-2^2'])).toEqual({ code: 0, stdout: '-4\n', stderr: '' });
  });
  it('a usage error in JSON mode is one JSON object', () => {
    const r = spawnCli(['twitter', '-f', 'json', '--nope']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr)).toEqual({ level: 'error', code: 'E0908', message: "unknown option '--nope'" });
  });
  it('ref nines -f csv and twitter -f md render through the format registry', () => {
    expect(spawnCli(['ref', 'nines', '-f', 'csv']).stdout).toMatch(/^Availability,Per day,Per day \(si\)/);
    expect(spawnCli(['twitter', '-f', 'md']).stdout).toMatch(/^# Twitter: QPS and storage/);
  });
});

describe('commander\'s messages are escaped like every error', () => {
  it('an unknown option with an escape sequence is shown escaped', async () => {
    const r = await cli(['twitter', '--\x1b[31mred']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('\x1b');
    expect(r.stderr).toContain('error[E0908]: unknown option');
  });
});

describe('a huge argument is not echoed whole', () => {
  it.each([
    [['x'.repeat(100_000)]],
    [['twitter', 'y'.repeat(100_000)]],
    [['help', 'z'.repeat(100_000)]],
    [['twitter', '-f', 'f'.repeat(100_000)]],
    [['twitter', '--' + 'o'.repeat(100_000)]],
    [['twitter', '-f', 'json', '--' + 'o'.repeat(100_000)]],
  ])('%#', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(2000);
  });
});

describe('ref without a card, in a format', () => {
  it('ref --format json lists the cards as JSON; ref alone stays the plain list', async () => {
    const json = JSON.parse((await cli(['ref', '--format', 'json'])).stdout) as { rows: { Card: string }[] };
    expect(json.rows.map((r) => r.Card)).toEqual(['latency', 'powers', 'nines', 'prices', 'conventions']);
    expect((await cli(['ref', '-f', 'csv'])).stdout.split('\r\n')[0]).toBe('Card,Content');
    expect((await cli(['ref'])).stdout).toMatch(/^latency +latency numbers/);
  });
});

describe('argv pre-reading (property)', () => {
  it('calc words: nothing is lost but a `--`, and the expression keeps its order', async () => {
    const fc = (await import('fast-check')).default;
    const word = fc.oneof(fc.constantFrom('--json', '--to', 'KB', '--units', 'user', '-h', '--', '-2', '-1 MB', '^2', '--jsn', '-', 'x'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (rest) => {
        const out = expressionsAsOperands(['calc', ...rest]);
        expect(out[0]).toBe('calc');
        const noDashes = (a: readonly string[]) => a.filter((w) => w !== '--').sort();
        expect(noDashes(out.slice(1))).toEqual(noDashes(rest));
        // The words behind the added `--` appear in the order they were typed.
        const at = out.indexOf('--');
        if (at >= 0 && !rest.includes('--')) {
          const expr = out.slice(at + 1);
          expect(rest.filter((w) => expr.includes(w))).toEqual(expect.arrayContaining(expr));
          let k = 0;
          for (const w of rest) if (k < expr.length && w === expr[k]) k++;
          expect(k).toBe(expr.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
  it('wantsJson never throws and is false without json anywhere', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }).filter((s) => !/json/i.test(s)), { maxLength: 8 }), (args) => {
        expect(wantsJson(args)).toBe(false);
      }),
    );
  });
});

describe('subcommands still refuse extra words', () => {
  it.each([[['list', 'extra']], [['ref', 'latency', 'extra']], [['show', 'twitter', 'extra']]])('%j', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('too many arguments');
  });
  it('calc 1 --to: the missing unit is named', async () => {
    const r = await cli(['calc', '1', '--to']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--to <unit>' argument missing");
  });
});
