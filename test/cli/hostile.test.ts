import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, nobodyCanRun, ROOT, tempDir } from '../helpers.js';

const tmp = () => tempDir('estimate-test-');

/** As root, whether the checkout is readable by `nobody` (a clone in a 0700 folder is not). */
// As root every file is readable and every folder writable: those tests run the binary as
// `nobody`, and are reported as skipped where root cannot switch to it, never passed silently.
const asRoot = process.getuid?.() === 0;
const firstCode = (stderr: string) => /error\[(E\d{4})\]/.exec(stderr)?.[1];

/** [args, exit code, error code, caret line:column or undefined] */
const TABLE: [string[], number, string, string | undefined][] = [
  [['calc', '1 +'], 1, 'E0201', '<expr>:1:4'],
  [['calc', '1 MB + 1 s'], 1, 'E0501', '<expr>:1:6'],
  [['calc', '(((1)'], 1, 'E0202', '<expr>:1:6'],
  [['calc', '1 # 2'], 1, 'E0101', '<expr>:1:3'],
  [['calc', ''], 1, 'E0103', '<expr>:1:1'],
  [['calc', '1,5'], 1, 'E0102', '<expr>:1:1'],
  [['calc', '1.000.000'], 1, 'E0102', '<expr>:1:1'],
  [['calc', '1 000 000'], 1, 'E0102', '<expr>:1:3'],
  [['calc', '５ MB'], 1, 'E0101', '<expr>:1:1'],
  [['calc', '2 mb'], 1, 'E0302', '<expr>:1:3'],
  [['calc', '1.5B users'], 1, 'E0303', '<expr>:1:1'],
  [['calc', '1 GB / 0 s'], 1, 'E0601', '<expr>:1:6'],
  [['calc', '0 ^ -1'], 1, 'E0601', '<expr>:1:3'],
  [['calc', '2 ^ 1024'], 1, 'E0602', '<expr>:1:3'],
  [['calc', '1e400'], 1, 'E0602', '<expr>:1:1'],
  [['calc', '(-8) ^ (1/3)'], 1, 'E0603', '<expr>:1:6'],
  [['calc', 'constructor'], 1, 'E0301', '<expr>:1:1'],
  [['calc', 'eval(1)'], 1, 'E0304', '<expr>:1:1'],
  [['calc', '20% + 1000'], 1, 'E0505', '<expr>:1:1'],
  [['calc', '1 to 2 to 3'], 1, 'E0205', '<expr>:1:8'],
  [['calc', '2 to 1'], 1, 'E0620', '<expr>:1:3'],
  [['calc', '1 MB to 2 s'], 1, 'E0520', '<expr>:1:6'],
  [['calc', '1 MB', '--to', 's'], 1, 'E0502', '--to:1:1'],
  [['calc', '5 kday'], 1, 'E0301', '<expr>:1:3'],
  [['calc', '2 Mmin'], 1, 'E0301', '<expr>:1:3'],
  [['calc', '3 kUSD'], 1, 'E0301', '<expr>:1:3'],
  [['calc', '1 GiBs'], 1, 'E0301', '<expr>:1:3'],
  [['calc', '1 MB + 1 Mb -> MB'], 0, '', undefined],
  [['calc', '1\u00a0000'], 1, 'E0102', undefined],
  [['calc', '2 × 3 MB'], 0, '', undefined],
  [['calc', '1', '--units', 'MB'], 2, 'E0904', undefined],
  [['calc'], 2, 'E0908', undefined],
  [['--bogus'], 2, 'E0908', undefined],
  [['twitter', '--format', 'xml'], 2, 'E0908', undefined],
  [['twitter', '--set'], 2, 'E0908', undefined],
  [['twitter', '--set', 'mau'], 2, 'E0902', undefined],
  [['twitter', '--set', 'maus=1'], 2, 'E0903', undefined],
  [['twitter', '--set', 'mau=1 GB'], 1, 'E0708', '--set mau:1:1'],
  [['twitter', '--set', 'mau=-5'], 1, 'E0713', undefined],
  [['twitter', '--set', 'daily_active_ratio=150%'], 1, 'E0713', undefined],
  [['twiter'], 2, 'E0901', undefined],
  [['../etc/passwd'], 2, 'E0905', undefined],
  [['.hidden'], 2, 'E0901', undefined],
  [['/'], 2, 'E0905', undefined],
  [['twitter', '-i'], 2, 'E0907', undefined],
  [['twitter', '-o', 'out.xyz'], 2, 'E0904', undefined],
  [['twitter', '-o', 'missing/dir/out.md'], 2, 'E0906', undefined],
  [['show', 'nope'], 2, 'E0901', undefined],
  // Limits and non-finite values (issue 11).
  [['calc', '1e300 EB'], 1, 'E0602', '<expr>:1:1'],
  [['calc', '--', '-(1e308 B) -> bit'], 1, 'E0602', '<expr>:1:15'],
  [['calc', '1e300 s -> ns'], 1, 'E0602', '<expr>:1:12'],
  [['calc', '1 EB^20'], 1, 'E0602', '<expr>:1:1'],
  [['calc', 's^9007199254740993 / s^9007199254740992'], 1, 'E0504', '<expr>:1:3'],
  [['calc', '(2 s) ^ sqrt(2)'], 1, 'E0504', '<expr>:1:9'],
  [['calc', '1 s^99999'], 1, 'E0504', '<expr>:1:5'],
  [['calc', 's^1000 * s^1000'], 1, 'E0504', '<expr>:1:8'],
  [['calc', '(4 s^2)^0.5'], 0, '', undefined],
  [['calc', '1 B -> B^1000 * B^1000'], 1, 'E0504', '<expr>:1:19'],
];

/** Inputs too long to name a test by: [label, args, exit code, error code]. */
const LONG: [string, string[], number, string][] = [
  ['a flat sum of 257 terms', ['calc', Array(257).fill('1').join('+')], 0, ''],
  ['a flat sum of 1,100 terms', ['calc', Array(1100).fill('1').join('+')], 0, ''],
  ['a flat sum of 30,000 terms', ['calc', Array(30_000).fill('1').join('+')], 0, ''],
  ['257 nested parentheses', ['calc', '('.repeat(257) + '1' + ')'.repeat(257)], 1, 'E0204'],
  ['--to with 20,000 unit factors', ['calc', '1 B', '--to', 'B' + '*B/B'.repeat(10_000)], 1, 'E0504'],
];

describe('long inputs: exit code and error code', () => {
  it.each(LONG)('%s', async (_label, args, exit, code) => {
    const r = await cli(args);
    expect(r.code).toBe(exit);
    if (exit !== 0) expect(firstCode(r.stderr)).toBe(code);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(/);
  });
});

describe('every bad input: exit code, error code, caret', () => {
  it.each(TABLE)('%j', async (args, exit, code, where) => {
    const r = await cli(args.map((a) => a.replace('\\u00a0', '\u00a0')), { cwd: tmp() });
    expect(r.code).toBe(exit);
    if (exit === 0) return;
    expect(firstCode(r.stderr)).toBe(code);
    if (where) expect(r.stderr).toContain(`--> ${where}`);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/\n\s+at .*\(/);
  });
});

describe('limits that scale and escaping everywhere (issue 11)', () => {
  // tempDir's folders are removed after the file: the suite leaves nothing in the temp folder.
  const ownTmp = tmp;
  it('calc --json of an overflowing conversion is an error on stderr, never "value": null', async () => {
    const r = await cli(['calc', '--json', '--', '-(1e308 B) -> bit']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr.trim())).toMatchObject({ code: 'E0602', column: 15 });
    expect(r.stderr).not.toMatch(/null|Infinity|NaN/);
  });
  it('calc "1e300 EB" never prints InfinityeNaN', async () => {
    const r = await cli(['calc', '1e300 EB']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/Infinity|NaN/);
  });
  it('a 1 MB unknown name is echoed cut, with a caret row as short', async () => {
    const r = await cli(['calc', '1 + ' + 'x'.repeat(60_000)]);
    expect(r.code).toBe(1);
    expect(r.stderr.length).toBeLessThan(1000);
    for (const line of r.stderr.split('\n')) expect(line.length).toBeLessThan(320);
  });
  it('a long source line is cut to a window around the span, the caret under the span', async () => {
    const text = Array(500).fill('1 MB').join(' + ') + ' + 1 s + ' + Array(500).fill('1 MB').join(' + ');
    const r = await cli(['calc', text]);
    expect(firstCode(r.stderr)).toBe('E0501');
    const rows = r.stderr.split('\n');
    const src = rows.find((l) => l.startsWith('1 | '))!;
    const carets = rows[rows.indexOf(src) + 1]!;
    expect(src.length).toBeLessThan(120);
    expect(src).toMatch(/^1 \| ….*…$/);
    expect(src[carets.indexOf('^')]).toBe('+');
  });
  it('a template with 5,000 errors shows 50 and counts the rest, as text and as JSON data', async () => {
    const dir = ownTmp();
    const lines = ['name: many', 'title: Many', 'sections:', '  S: [q0]', 'inputs:', '  a: 1', 'quantities:'];
    for (let i = 0; i < 5000; i++) lines.push(`  q${i}: a * unknown_name_${i}`);
    writeFileSync(join(dir, 'many.yaml'), lines.join('\n') + '\n');
    const r = await cli([join(dir, 'many.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/^error\[E0301\]/gm)).toHaveLength(50);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('and 4950 more errors (5000 errors)');
    const j = await cli([join(dir, 'many.yaml'), '--format', 'json']);
    const records = j.stderr.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toHaveLength(51);
    expect(records[50]).toMatchObject({ level: 'note', more: 4950, total: 5000 });
  });
  it('--format json output and JSON errors escape bidi overrides, C1 controls and zero-width characters as \\u', async () => {
    const dir = ownTmp();
    const evil = readFileSync(`${ROOT}/test/fixtures/valid.yaml`, 'utf8')
      .replace('title: Tiny model', 'title: "Tiny \\u202emodel\\x85"')
      .replace('label: Users', 'label: "Us\\u200bers\\u2066\\u2028"');
    writeFileSync(join(dir, 'evil.yaml'), evil);
    const r = await cli([join(dir, 'evil.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0080-\u009f\u200b\u202e\u2066\u2028]/);
    expect(r.stdout).toContain('Tiny \\u202emodel\\u0085');
    expect(JSON.parse(r.stdout).title).toBe('Tiny \u202emodel\u0085');
    const e = await cli(['calc', '--json', '--', 'x\u202e\u0085\u200b + 1']);
    expect(e.code).toBe(1);
    expect(e.stderr).not.toMatch(/[\u0080-\u009f\u200b\u202e]/);
    JSON.parse(e.stderr.trim().split('\n')[0]!);
  });
  it('code frames show zero-width and invisible characters escaped, the caret still under the span', async () => {
    const r = await cli(['calc', '1\u200b + \ufeff\u2060 + bad']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/[\u200b\ufeff\u2060]/);
    const rows = r.stderr.split('\n');
    const src = rows.find((l) => l.startsWith('1 | '))!;
    const carets = rows[rows.indexOf(src) + 1]!;
    expect(src.slice(carets.indexOf('^'), carets.lastIndexOf('^') + 1)).toMatch(/^\\u200b$|^bad$/);
  });
  it('5,000 nested [ in a YAML file is the nesting error E0712 with a place, not a stack overflow', async () => {
    const dir = ownTmp();
    writeFileSync(join(dir, 'deep.yaml'), 'name: ' + '['.repeat(5000) + '\n');
    const r = await cli([join(dir, 'deep.yaml')]);
    expect([r.code, firstCode(r.stderr)]).toEqual([1, 'E0712']);
    expect(r.stderr).toMatch(/deep\.yaml:1:\d+/);
    expect(r.stderr).not.toMatch(/call stack/i);
  });
});

describe('files', () => {
  it('a directory, a binary file and a 50 MB file are refused', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'd.yaml'));
    writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0x6e, 0x00, 0x01, 0xff]));
    writeFileSync(join(dir, 'big.yaml'), Buffer.alloc(50 * 1024 * 1024, 0x61));
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    const cases: [string, number, string][] = [
      ['d.yaml', 2, 'E0905'],
      ['bin.yaml', 1, 'E0711'],
      ['big.yaml', 1, 'E0712'],
      ['latin1.yaml', 1, 'E0701'],
      ['missing.yaml', 2, 'E0905'],
    ];
    for (const [file, exit, code] of cases) {
      const t0 = performance.now();
      const r = await cli([join(dir, file)], { cwd: dir });
      expect([file, r.code, firstCode(r.stderr)]).toEqual([file, exit, code]);
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });
  it.skipIf(asRoot && !nobodyCanRun())('an unreadable file is refused', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'secret.yaml'), 'name: x\n');
    chmodSync(join(dir, 'secret.yaml'), 0o000);
    if (asRoot) {
      chmodSync(dir, 0o755);
      const r = spawnSync(process.execPath, [`${ROOT}/bin/estimate.js`, join(dir, 'secret.yaml')], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: dir });
      expect([r.status, firstCode(r.stderr)]).toEqual([2, 'E0905']);
      expect(r.stderr).toContain('permission denied');
    } else {
      const r = await cli([join(dir, 'secret.yaml')], { cwd: dir });
      expect([r.code, firstCode(r.stderr)]).toEqual([2, 'E0905']);
    }
  });
  it('custom tags are refused', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 't.yaml'), readFileSync(`${ROOT}/test/fixtures/valid.yaml`, 'utf8').replace('title: Tiny model', 'title: !custom Tiny'));
    const r = await cli([join(dir, 't.yaml')]);
    expect([r.code, firstCode(r.stderr)]).toEqual([1, 'E0711']);
  });
  it('billion laughs is refused early', async () => {
    const dir = tmp();
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill('*' + prev).join(',')}]`);
    }
    writeFileSync(join(dir, 'laughs.yaml'), lines.join('\n') + '\n');
    const t0 = performance.now();
    const r = await cli([join(dir, 'laughs.yaml')]);
    expect(r.code).toBe(1);
    expect(firstCode(r.stderr)).toBe('E0711');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
  it('a template name in the user folder must not lead outside it', async () => {
    const dir = tmp();
    const outside = tmp();
    writeFileSync(join(outside, 'evil.yaml'), readFileSync(`${ROOT}/test/fixtures/valid.yaml`));
    symlinkSync(join(outside, 'evil.yaml'), join(dir, 'evil.yaml'));
    writeFileSync(join(dir, 'mine.yaml'), readFileSync(`${ROOT}/test/fixtures/valid.yaml`));
    expect((await cli(['evil'], { env: { ESTIMATE_TEMPLATES: dir } })).code).toBe(2);
    const ok = await cli(['mine', '--format', 'json'], { env: { ESTIMATE_TEMPLATES: dir } });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).template).toBe('tiny');
  });
});

describe('output safety', () => {
  it('a failing run leaves an existing output file byte-for-byte unchanged and creates none', async () => {
    const dir = tmp();
    const out = join(dir, 'out.md');
    writeFileSync(out, 'precious\n');
    const r = await cli(['twitter', '--set', 'mau=1 GB', '-o', out], { cwd: dir });
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('precious\n');
    const r2 = await cli(['twitter', '--set', 'mau=1 GB', '-o', join(dir, 'new.md')], { cwd: dir });
    expect(r2.code).toBe(1);
    expect(readdirSync(dir)).toEqual(['out.md']);
  });
  it('refuses to write the output over the template', async () => {
    const dir = tmp();
    const t = join(dir, 't.yaml');
    writeFileSync(t, readFileSync(`${ROOT}/test/fixtures/valid.yaml`));
    const r = await cli([t, '--format', 'markdown', '-o', t]);
    expect(r.code).toBe(2);
    expect(firstCode(r.stderr)).toBe('E0906');
    expect(readFileSync(t, 'utf8')).toBe(readFileSync(`${ROOT}/test/fixtures/valid.yaml`, 'utf8'));
  });
  it.skipIf(asRoot && !nobodyCanRun())('an unwritable folder is a clean error', async () => {
    const dir = tmp();
    chmodSync(dir, 0o555);
    if (asRoot) {
      const r = spawnSync(process.execPath, [`${ROOT}/bin/estimate.js`, 'twitter', '-o', join(dir, 'x.md')], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: ROOT });
      expect([r.status, firstCode(r.stderr)]).toEqual([2, 'E0906']);
      expect(readdirSync(dir)).toEqual([]);
      return;
    }
    const r = await cli(['twitter', '-o', join(dir, 'x.md')]);
    expect(r.code).toBe(2);
    expect(firstCode(r.stderr)).toBe('E0906');
  });
  it('escape sequences and control characters in a template never reach the terminal raw', async () => {
    const dir = tmp();
    const evil = readFileSync(`${ROOT}/test/fixtures/valid.yaml`, 'utf8')
      .replace('title: Tiny model', 'title: "Tiny \\e[31mRED\\e[0m \\x07"')
      .replace('label: Users', 'label: "Users\\e]0;pwned\\x07"')
      .replace('help: How many users.', 'help: "line1\\nline2 | =cmd()"');
    writeFileSync(join(dir, 'evil.yaml'), evil);
    for (const format of ['table', 'markdown', 'csv', 'json']) {
      const r = await cli([join(dir, 'evil.yaml'), '--format', format]);
      expect(r.code).toBe(0);
      expect(r.stdout, format).not.toMatch(/[\u0007\u001b]/);
    }
  });
  it('stdout stays empty and errors are JSON lines when --format json fails', async () => {
    const r = await cli(['test/fixtures/errors/E0707-cycle.yaml', '--format', 'json']);
    expect(r.stdout).toBe('');
    for (const line of r.stderr.trim().split('\n')) expect(JSON.parse(line)).toHaveProperty('code');
  });
});

describe('the hidden __complete command', () => {
  it('a bare `estimate __complete` answers nothing and exits 0 (a Tab never prints an error)', async () => {
    const r = await cli(['__complete']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
  it('an unknown command or `help nosuch` does not offer __complete among the commands', async () => {
    for (const args of [['nosuch'], ['help', 'nosuch']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toContain('the commands are');
      expect(r.stderr, args.join(' ')).not.toContain('__complete');
    }
  });
});

describe('--prices with a file that is not a prices file (its content is never echoed)', () => {
  it.each([
    ['a passwd-like file', 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n', 'it holds a single text value (2 lines)'],
    ['text that is not YAML', 'secret: [token\n"unclosed\n', 'it does not read as YAML and no line starts with a price name (2 lines)'],
    ['a JSON manifest', '{"name": "secret-pkg", "version": "1.0.0"}\n', 'its top level has 2 keys and none is a price name'],
    ['a list', '- secret-item\n', 'it is a list of 1 item'],
  ])('%s is E0763 "not a prices file", exit 1, naming the file only', async (_what, text, found) => {
    const path = join(tmp(), 'p.txt');
    writeFileSync(path, text);
    const r = await cli(['object-storage', '--prices', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error[E0763]: ${path} is not a prices file: ${found}`);
    expect(r.stderr).not.toMatch(/root:x|secret/);
  });
  it('a mistyped price name is still located with its did-you-mean', async () => {
    const path = join(tmp(), 'p.yaml');
    writeFileSync(path, 'egres: 0.05\n');
    const r = await cli(['object-storage', '--prices', path]);
    expect(r.stderr).toMatch(/E0761[\s\S]*p\.yaml:1:1[\s\S]*did you mean `egress`/);
  });
});

describe('estimate new in a folder it may not write', () => {
  it.skipIf(asRoot && !nobodyCanRun())('names the name argument, not --output (new has no such flag)', async () => {
    const dir = tmp();
    chmodSync(dir, 0o555);
    const r = asRoot
      ? spawnSync(process.execPath, [`${ROOT}/bin/estimate.js`, 'new', 'zz'], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: dir })
      : await cli(['new', 'zz'], { cwd: dir }).then((c) => ({ status: c.code, stderr: c.stderr }));
    expect([r.status, firstCode(r.stderr)]).toEqual([2, 'E0906']);
    expect(r.stderr).toContain(`--> new argument ${dir}/zz.yaml`);
    expect(r.stderr).not.toContain('--output');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('--sweep factor messages', () => {
  it.each([
    ['1e400', 'is too large (not a finite number)'],
    ['1', 'is not above 1'],
    ['x', 'is not a number'],
  ])('mau=1M..1bn*%s says why the factor fails', async (factor, why) => {
    const r = await cli(['twitter', '--sweep', `mau=1M..1bn*${factor}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error[E0961]: a geometric sweep needs a finite factor above 1; \`${factor}\` ${why}`);
  });
});

describe('old-Mac line ends (CR only)', () => {
  it('a template with CR line ends runs as with LF, instead of 21 YAML errors', async () => {
    const dir = tmp();
    const lf = readFileSync(join(ROOT, 'templates/twitter.yaml'), 'utf8').replace(/\r\n/g, '\n');
    writeFileSync(join(dir, 'cr.yaml'), lf.replace(/\n/g, '\r'));
    writeFileSync(join(dir, 'lf.yaml'), lf);
    const cr = await cli([join(dir, 'cr.yaml')]);
    expect(cr.stderr).toBe('');
    expect(cr.code).toBe(0);
    expect(cr.stdout).toBe((await cli([join(dir, 'lf.yaml')])).stdout);
  });
  it('an error in a CR-only file points at its own line and column', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.yaml'), 'name: bad\rtitle: Bad\rinputs:\r  x:\r    label: X\r    default: 1\rquantities:\r  q: x +\rsections:\r  S: [q]\r');
    const r = await cli([join(dir, 'bad.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[E0201\][^\n]*\n --> [^\n]*bad\.yaml:8:9\n {2}\|\n8 \|   q: x \+\n/);
  });
});

describe('underflow (docs/language.md, Numeric errors)', () => {
  it.each([['1e-400'], ['5e-324 * 0.5'], ['2 ^ -1e10']])('calc %s is 0, exit 0 (documented; overflow is E0602)', async (expr) => {
    const r = await cli(['calc', expr]);
    expect(r).toMatchObject({ code: 0, stdout: '0\n', stderr: '' });
  });
});
