/**
 * Input files: only regular files are read, within the size limit; the template folder passes
 * over what it cannot offer and says so; `show` copies the file byte for byte; a file that is
 * not a template is named as such without echoing its content.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';
import { MAX_TEMPLATE_BYTES } from '../../src/template/read-file.js';
import { canMknod, cli, hasTool, missing, ROOT, spawnCli, tempDir } from '../helpers.js';

const hasMkfifo = hasTool('mkfifo');

describe('input files', () => {
  it.skipIf(missing(hasMkfifo))('a FIFO given as a template is refused at once, not waited on', () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const args of [[fifo], ['show', fifo]]) {
      const r = spawnCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`error[E0905]: ${fifo} is a FIFO (named pipe), not a template file`);
    }
  });
  it.skipIf(!canMknod())('devices (twins of /dev/zero and /dev/urandom) are refused at once', async () => {
    const dir = tempDir();
    for (const [name, minor] of [['zero', '5'], ['urandom', '9']] as const) {
      const path = join(dir, name);
      expect(spawnSync('mknod', [path, 'c', '1', minor]).status).toBe(0);
      const r = await cli([path]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`error[E0905]: ${path} is a character device, not a template file`);
    }
  });
  it('a directory is refused with what it is', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder.yaml'));
    const r = await cli([join(dir, 'folder.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a directory, not a template file');
  });
  it('a file over the limit is refused before it is read', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.yaml');
    writeFileSync(big, 'name: big\n' + '#'.repeat(MAX_TEMPLATE_BYTES));
    const r = await cli([big]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E0712]');
  });
  it.skipIf(!existsSync('/proc/kallsyms'))('a file larger than its reported size (/proc/kallsyms says 0) stops at the limit while read', async () => {
    const r = await cli(['/proc/kallsyms']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E0712]: /proc/kallsyms passed the limit while it was read (its size was given as 0 bytes)');
  });
  it('a /proc file that reports size 0 is read, within the limit, like any text', async () => {
    const r = await cli(['/proc/self/status']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/proc/self/status is not an estimate template');
  });
});

describe('the template folder', () => {
  function folder(): string {
    const dir = tempDir();
    copyFileSync(`${ROOT}/templates/url-shortener.yaml`, join(dir, 'mine.yaml'));
    copyFileSync(`${ROOT}/templates/url-shortener.yaml`, join(dir, 'twitter.yaml'));
    copyFileSync(`${ROOT}/templates/url-shortener.yaml`, join(dir, '.hidden.yaml'));
    symlinkSync('nowhere.yaml', join(dir, 'broken.yaml'));
    if (hasMkfifo) expect(spawnSync('mkfifo', [join(dir, 'fifo.yaml')]).status).toBe(0);
    return dir;
  }
  it.skipIf(missing(hasMkfifo))('list offers the regular files and says on stderr what it skipped; a FIFO does not hang it', () => {
    const dir = folder();
    const r = spawnCli(['list'], { env: { ESTIMATE_TEMPLATES: dir } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^mine +URL shortener/m);
    expect(r.stdout).not.toMatch(/fifo|hidden|broken/);
    expect(r.stderr).toContain(`note: skipped ${join(dir, '.hidden.yaml')}: its name is not a template name`);
    expect(r.stderr).toContain(`note: skipped ${join(dir, 'broken.yaml')}: it is a broken symbolic link, not a regular file`);
    expect(r.stderr).toContain(`note: skipped ${join(dir, 'fifo.yaml')}: it is a FIFO (named pipe), not a regular file`);
    expect(r.stderr).toContain(`warning: skipped ${join(dir, 'twitter.yaml')}: the built-in template \`twitter\` has the same name and comes first`);
    expect(r.stdout).toMatch(/^twitter +Twitter: QPS and storage +\[built-in\]$/m);
    expect(r.stdout).toContain(`[${join(dir, 'mine.yaml')}]`);
  });
  it.skipIf(missing(hasMkfifo))('a lookup by name skips a FIFO without opening it, and says why the name is unknown', () => {
    const dir = folder();
    const r = spawnCli(['fifo'], { env: { ESTIMATE_TEMPLATES: dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown template or command `fifo`');
    expect(r.stderr).toContain(`${join(dir, 'fifo.yaml')} was skipped: it is a FIFO (named pipe), not a regular file`);
  });
  it('a template folder that is a file is noted, not silently ignored', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    const r = await cli(['list'], { env: { ESTIMATE_TEMPLATES: join(dir, 'file') } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^twitter /m);
    expect(r.stderr).toBe(`note: skipped ${join(dir, 'file')}: the template folder is not a folder\n`);
  });
  it('--verbose makes a lookup report the skipped files on stderr; without it, nothing', async () => {
    const dir = folder();
    const quiet = await cli(['mine', '--format', 'json'], { env: { ESTIMATE_TEMPLATES: dir } });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const loud = await cli(['--verbose', 'mine', '--format', 'json'], { env: { ESTIMATE_TEMPLATES: dir } });
    expect(loud.code).toBe(0);
    expect(loud.stdout).toBe(quiet.stdout);
    expect(loud.stderr).toContain(`note: skipped ${join(dir, '.hidden.yaml')}`);
    expect(loud.stderr).toContain(`note: skipped ${join(dir, 'twitter.yaml')}`);
  });
});

describe('show', () => {
  it('prints the file byte for byte: BOM, CRLF, no final newline, Latin-1 bytes', async () => {
    const dir = tempDir();
    const path = join(dir, 'odd.yaml');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name: odd\r\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\r\nx: 1')]);
    writeFileSync(path, bytes);
    const io = recordingIo({ env: { HOME: '/nonexistent' } });
    expect(await run(['show', path], io)).toBe(0);
    expect(io.stdoutBytes().equals(bytes)).toBe(true);
    const spawned = spawnSync(process.execPath, [`${ROOT}/bin/estimate.js`, 'show', path]);
    expect(spawned.status).toBe(0);
    expect(Buffer.compare(spawned.stdout, bytes)).toBe(0);
  });
  it('a built-in template is shown exactly as shipped', async () => {
    const io = recordingIo({ env: { HOME: '/nonexistent' } });
    expect(await run(['show', 'twitter'], io)).toBe(0);
    const { readFileSync } = await import('node:fs');
    expect(io.stdoutBytes().equals(readFileSync(`${ROOT}/templates/twitter.yaml`))).toBe(true);
  });
  it('on a terminal, control characters are shown escaped instead', async () => {
    const dir = tempDir();
    const path = join(dir, 'esc.yaml');
    writeFileSync(path, 'name: x\ntitle: "\x1b[31mred"\n');
    const r = await cli(['show', path], { stdoutIsTTY: true });
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stdout).toContain('\\x1b[31mred');
  });
});

describe('a file that is not a template', () => {
  const cases: [string, string, string, string][] = [
    ['passwd', 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n', 'it holds a single text value (2 lines)', 'root:x'],
    ['config.json', '{"secret_token": "hunter2", "port": 8080}\n', 'its top level has 2 keys and no title, inputs or quantities', 'hunter2'],
    ['package.json', '{\n  "name": "x",\n  "private_key": "hunter2"\n}\n', 'its top level has 2 keys and no title, inputs or quantities', 'private_key'],
    ['list.yaml', '- hunter2\n- two\n', 'it is a list of 2 items', 'hunter2'],
    ['cpuinfo', 'processor\t: 0\nhunter2\t: x\n\nprocessor\t: 1\nhunter2\t: y\n', 'it does not read as YAML and has no template key (5 lines)', 'hunter2'],
    ['hosts.deny', '# hunter2 lives here\n# and here\n', 'it holds only comments (2 lines)', 'hunter2'],
    ['script.py', 'def f(x):\n  return {x: [1, 2}\n', 'it does not read as YAML and has no template key (2 lines)', 'def f'],
  ];
  it.each(cases)('%s is named as not a template, and its content is not echoed', async (name, text, found, secret) => {
    const dir = tempDir();
    const path = join(dir, name);
    writeFileSync(path, text);
    const r = await cli([`${path}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error[E0704]: ${path} is not an estimate template: ${found}`);
    expect(r.stderr).not.toContain(secret);
    const json = await cli([path, '--format', 'json']);
    expect(json.stderr).not.toContain(secret);
  });
  it('a template with a typo in a key is still checked as a template, with did-you-mean', async () => {
    const dir = tempDir();
    const path = join(dir, 't.yaml');
    writeFileSync(path, 'name: t\ntitel: T\ninputs:\n  x: 1\nquantities:\n  y: x * 2\nsections:\n  S: [y]\n');
    const r = await cli([path]);
    expect(r.stderr).toContain('error[E0702]: unknown key `titel`');
  });
});
