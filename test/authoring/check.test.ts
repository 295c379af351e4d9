/** `estimate check`: every finding at once, located, with codes; --strict; folders. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reproduces } from '../../src/authoring/lint.js';
import { cli, tempDir } from '../helpers.js';

const SLOPPY = `name: sloppy
title: Sloppy
units: [user, server]
inputs:
  dau:
    default: 1M user
    help: Users a day.
  unused_ratio:
    default: 10%
    help: Nobody reads this.
  server_count:
    default: 12
  cache_size:
    default: 2 GiB
    help: Cache per server.
quantities:
  post_rate:
    value: dau * 2 / day
    book: 23 user/s
  hidden: post_rate * 2
  sized:
    value: cache_size * server_count + 1 MB
    unit: GB
    book: 100 GB
sections:
  Traffic: [post_rate, sized]
`;

function write(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('estimate check', () => {
  it('reports every problem of a template at once, each located and with its code', async () => {
    const dir = tempDir();
    const r = await cli(['check', write(dir, 'sloppy.yaml', SLOPPY)]);
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toContain('warning[E0750]: input `unused_ratio` is not used by any quantity');
    expect(out).toMatch(/sloppy\.yaml:8:3/);
    expect(out).toContain('warning[E0751]: quantity `hidden` is neither shown in a section nor used by another quantity');
    expect(out).toContain('warning[E0752]: `server_count` counts servers but is a plain number');
    expect(out).toContain('warning[E0753]: input `server_count` has no `help:`');
    expect(out).toContain('error[E0754]: `sized` no longer reproduces its book figure 100 GB');
    expect(out).toContain('warning[E0755]: the template mixes decimal (KB, MB) and binary (KiB, MiB) data units');
    // qps: 2M/day = 23.1/s: reproduced within its rounding, so no finding.
    expect(out).not.toContain('`post_rate` no longer');
    expect(out).toContain('checked 1 template: 1 error, 5 warnings');
    // Findings come in file order.
    expect(out.indexOf('E0750')).toBeLessThan(out.indexOf('E0751'));
  });

  it('warnings alone pass, and fail under --strict', async () => {
    const dir = tempDir();
    const path = write(dir, 'w.yaml', SLOPPY.replace('    book: 100 GB\n', ''));
    expect((await cli(['check', path])).code).toBe(0);
    const strict = await cli(['check', '--strict', path]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('checked 1 template: 0 errors, 5 warnings');
  });

  it('reports load errors (every one) instead of lint findings, and goes on to the next file', async () => {
    const dir = tempDir();
    const bad = write(dir, 'a.yaml', 'name: a\ntitle: A\ninputs:\n  x: { defualt: 1 }\nquantities:\n  y: x * nope\nsections:\n  S: [y]\n');
    const good = write(dir, 'b.yaml', 'name: b\ntitle: B\ninputs:\n  x:\n    default: 1\n    help: one\nquantities:\n  y: x * 2\nsections:\n  S: [y]\n');
    const r = await cli(['check', bad, good, '--json']);
    expect(r.code).toBe(1);
    const findings = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { code: string; level: string; file: string; line: number });
    expect(findings.map((f) => f.code)).toContain('E0702');
    expect(findings.every((f) => f.level === 'error' && f.file.endsWith('a.yaml'))).toBe(true);
  });

  it('runs on a folder (its .yaml and .yml files) and on built-in names', async () => {
    const dir = tempDir();
    write(dir, 'one.yaml', SLOPPY);
    write(dir, 'two.yml', SLOPPY.replace('name: sloppy', 'name: two'));
    write(dir, 'notes.txt', 'not a template');
    mkdirSync(join(dir, 'sub.yaml'));
    const r = await cli(['check', dir]);
    expect(r.stdout).toContain('checked 2 templates: 2 errors, 10 warnings');
    const builtins = await cli(['check', 'twitter', 'url-shortener', '--strict']);
    expect(builtins.stdout).toBe('checked 2 templates: no problems\n');
    expect(builtins.code).toBe(0);
  });

  it('refuses a folder with no templates (exit 2, E0980)', async () => {
    const dir = tempDir();
    write(dir, 'readme.md', '# nothing');
    const r = await cli(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[E0980]');
    expect(r.stderr).toContain('holds no templates');
  });

  it('a missing file or a device is an error naming it (exit 2, as for `estimate FILE`), not a crash', async () => {
    const dev = await cli(['check', '/dev/zero']);
    expect(dev.code).toBe(2);
    expect(dev.stdout).toContain('error[E0905]: /dev/zero is a character device');
    const r = await cli(['check', '/nonexistent/x.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('/nonexistent/x.yaml');
    expect(r.stdout + r.stderr).not.toContain('    at ');
  });
});

describe('a book figure is reproduced within its rounding', () => {
  it.each([
    [3472.2, 3500, '3500 tweet/s'],
    [231.5, 240, '240 file/s'],
    [2.33, 3, '3 reservation/s'],
    [23.1, 25, '25 MB/s'],
    [54.75, 55, '55 PB'],
    [36.5, 36.5, '36.5 TB'],
  ])('%d reproduces %s', (value, book, text) => expect(reproduces(value, book, text)).toBe(true));
  it.each([
    [3000, 3500, '3500 tweet/s'],
    [30, 36.5, "36.5 TB"],
    [1.4, 3, '3 reservation/s'],
    [25.8, 100, '100 GB'],
    [3.6, 3, '3 reservation/s'],
    [1, 0, '0 B'],
  ])('%d does not reproduce %s', (value, book, text) => expect(reproduces(value, book, text)).toBe(false));
  it('any figure reproduces itself, and nothing twice or more as large does', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e15, noNaN: true }), fc.double({ min: 2.01, max: 100, noNaN: true }), (book, factor) => {
        expect(reproduces(book, book, `${book}`)).toBe(true);
        expect(reproduces(book * factor, book, `${book}`)).toBe(false);
      }),
    );
  });
});

describe('counts without their count unit (E0752) are told from ratios', () => {
  it.each(['server_count', 'num_servers', 'total_users', 'user_total'])('%s is a count', async (name) => {
    const t = `name: c\ntitle: C\nunits: [user, server]\ninputs:\n  ${name}:\n    default: 12\n    help: h\nquantities:\n  q: ${name} * 2\nsections:\n  S: [q]\n`;
    const dir = tempDir();
    expect((await cli(['check', write(dir, 'c.yaml', t)])).stdout).toContain('E0752');
  });
  it.each(['friends_per_user', 'years_to_server_limit', 'active_user_share', 'server_ratio', 'peak_factor'])('%s is not', async (name) => {
    const t = `name: c\ntitle: C\nunits: [user, server]\ninputs:\n  ${name}:\n    default: 12\n    help: h\nquantities:\n  q: ${name} * 2\nsections:\n  S: [q]\n`;
    const dir = tempDir();
    expect((await cli(['check', write(dir, 'c.yaml', t)])).stdout).toBe('checked 1 template: no problems\n');
  });
});
