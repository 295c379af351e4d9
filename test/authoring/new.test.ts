/** `estimate new`: a starter or a renamed copy, that passes check and runs; never clobbers. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, ROOT, tempDir } from '../helpers.js';
import { validate } from './schema-helpers.js';

describe('estimate new', () => {
  it('writes a commented starter that the schema accepts, check passes strictly, and that runs', async () => {
    const cwd = tempDir();
    const r = await cli(['new', 'feed'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote feed.yaml');
    const text = readFileSync(join(cwd, 'feed.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${ROOT}schema/template.schema.json`);
    expect(text).toMatch(/^name: feed$/m);
    expect(text).toContain('# ');
    expect(validate(parse(text)).errors).toBe('');
    const check = await cli(['check', '--strict', 'feed.yaml'], { cwd });
    expect(check.stdout).toBe('checked 1 template: no problems\n');
    const run = await cli(['feed.yaml', '--format', 'json'], { cwd });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('outputs.storage');
  });

  it('--from copies a template renamed, comments kept, book figures dropped', async () => {
    const cwd = tempDir();
    expect((await cli(['new', 'my-twitter', '--from', 'twitter'], { cwd })).code).toBe(0);
    const text = readFileSync(join(cwd, 'my-twitter.yaml'), 'utf8');
    const original = readFileSync(`${ROOT}/templates/twitter.yaml`, 'utf8');
    expect(text).toMatch(/^name: my-twitter$/m);
    expect(text).not.toMatch(/^\s*book:/m);
    expect(text).toContain(original.split('\n')[1]!);
    expect(text.split('\n').filter((l) => l.startsWith('# yaml-language-server')).length).toBe(1);
    const check = await cli(['check', '--strict', 'my-twitter.yaml'], { cwd });
    expect(check.stdout).toBe('checked 1 template: no problems\n');
    const run = await cli(['my-twitter.yaml', '--format', 'json'], { cwd });
    expect(JSON.parse(run.stdout)).not.toHaveProperty('outputs.tweet_qps.book');
  });

  it('refuses an existing file without --force (E0982, exit 2), and leaves it untouched', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'feed.yaml'), 'mine\n');
    const r = await cli(['new', 'feed'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[E0982]: feed.yaml already exists');
    expect(readFileSync(join(cwd, 'feed.yaml'), 'utf8')).toBe('mine\n');
    expect((await cli(['new', 'feed', '--force'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'feed.yaml'), 'utf8')).toContain('name: feed');
  });

  it('--user writes into the user template folder, where the name then finds it', async () => {
    const cwd = tempDir();
    const folder = join(cwd, 'tpl');
    const env = { ESTIMATE_TEMPLATES: folder };
    expect((await cli(['new', 'capacity', '--user'], { cwd, env })).code).toBe(0);
    expect(existsSync(join(folder, 'capacity.yaml'))).toBe(true);
    expect((await cli(['capacity', '--format', 'json'], { cwd, env })).code).toBe(0);
  });

  it.each(['../evil', '.hidden', '', 'a b', 'x'.repeat(65), '-rf'])('refuses the name %j', async (name) => {
    const cwd = tempDir();
    const r = await cli(['new', '--', name], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error\[E0983\]|error\[E0908\]/);
  });

  it('an unknown --from template is a usage error with suggestions', async () => {
    const cwd = tempDir();
    const r = await cli(['new', 'x', '--from', 'twiter'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('twitter');
    expect(existsSync(join(cwd, 'x.yaml'))).toBe(false);
  });
});

describe('estimate new --from a file that is not a template', () => {
  it('reports the original file\'s problems (exit 1), not an internal error, and writes nothing', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'pkg.yaml'), 'name: x\nversion: 1\n');
    writeFileSync(join(cwd, 'broken.yaml'), 'name: b\ntitle: B\ninputs:\n  a: 1\nquantities:\n  q: a * nope\nsections:\n  S: [q]\n');
    for (const from of ['./pkg.yaml', './broken.yaml']) {
      const r = await cli(['new', 'copy', '--from', from], { cwd });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).not.toContain('E9999');
      expect(existsSync(join(cwd, 'copy.yaml'))).toBe(false);
    }
  });
});

describe('the help names the user template folder', () => {
  it('--help names $ESTIMATE_TEMPLATES and the XDG folder, and the authoring commands', async () => {
    const r = await cli(['--help']);
    expect(r.stdout).toContain('$ESTIMATE_TEMPLATES');
    expect(r.stdout).toContain('$XDG_CONFIG_HOME/estimate/templates');
    for (const c of ['check', 'new', 'schema', 'completion', 'repl']) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    expect(r.stdout).not.toContain('__complete');
  });
});

describe('estimate new --user where the folder cannot be made', () => {
  it('is a usage error naming the folder, not an internal error', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'afile'), '');
    const r = await cli(['new', 'x', '--user'], { cwd, env: { ESTIMATE_TEMPLATES: join(cwd, 'afile', 'sub') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[E0906]: cannot make the template folder');
  });
});
