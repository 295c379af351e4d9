/**
 * `-o` behaves like the shell's `>`: modes and owners kept, symlinks written through, devices
 * and FIFOs written in place, refusals with the path and the reason, lost writes as E0801.
 * Device nodes and FIFOs are made in a temp folder; no test writes to the machine's /dev.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMemoryDevice } from '../../src/cli/output-plan.js';
import { canMknod, cli, hasTool, IS_ROOT, missing, nobodyCanRun, ROOT, spawnCli, tempDir } from '../helpers.js';

const BIN = `${ROOT}/bin/estimate.js`;
const hasMkfifo = hasTool('mkfifo');
const hasPrlimit = hasTool('prlimit');

describe('-o on regular files', () => {
  it('keeps the mode of the file it replaces (0600 stays 0600)', async () => {
    const dir = tempDir();
    const out = join(dir, 'secret.md');
    writeFileSync(out, 'old\n', { mode: 0o600 });
    chmodSync(out, 0o600);
    const r = await cli(['twitter', '-o', out]);
    expect(r.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toContain('# Twitter: QPS and storage');
  });
  it('the "wrote" note shows an escape sequence in the file name escaped', async () => {
    const dir = tempDir();
    const r = await cli(['twitter', '-o', join(dir, 'x\x1b[31m.md')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`wrote ${dir}/x\\x1b[31m.md\n`);
  });
  it('creates a new file 0666 less the umask, and leaves no temporary file', async () => {
    const dir = tempDir();
    const r = await cli(['twitter', '-o', join(dir, 'new.json')]);
    expect(r.code).toBe(0);
    expect(statSync(join(dir, 'new.json')).mode & 0o777).toBe(0o666 & ~process.umask());
    expect(readdirSync(dir)).toEqual(['new.json']);
  });
  it.skipIf(!IS_ROOT)('keeps the owner and group when root replaces a user\'s file', async () => {
    const dir = tempDir();
    const out = join(dir, 'theirs.md');
    writeFileSync(out, 'old\n');
    chownSync(out, 65534, 65534);
    expect((await cli(['twitter', '-o', out])).code).toBe(0);
    expect(statSync(out)).toMatchObject({ uid: 65534, gid: 65534 });
  });
  it.skipIf(!IS_ROOT)('root overwrites a 0444 file, as the shell\'s > does, and it stays 0444', async () => {
    const dir = tempDir();
    const out = join(dir, 'ro.md');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o444);
    expect((await cli(['twitter', '-o', out])).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o444);
    expect(readFileSync(out, 'utf8')).toContain('Twitter');
  });
  it('a file with two hard links is written in place, as > does: both names show the estimate', async () => {
    const dir = tempDir();
    const a = join(dir, 'h1.md');
    writeFileSync(a, 'old\n');
    linkSync(a, join(dir, 'h2.md'));
    expect((await cli(['twitter', '-o', a])).code).toBe(0);
    expect(statSync(a).nlink).toBe(2);
    expect(readFileSync(join(dir, 'h2.md'), 'utf8')).toContain('# Twitter: QPS and storage');
  });
  it('a replaced file never keeps a set-user-ID or set-group-ID bit (4755 becomes 0755)', async () => {
    const dir = tempDir();
    const out = join(dir, 's.md');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o6755);
    expect((await cli(['twitter', '-o', out])).code).toBe(0);
    expect(statSync(out).mode & 0o7777).toBe(0o755);
  });
  it.skipIf(IS_ROOT && !nobodyCanRun())('a read-only file is refused for a user other than root, and stays unchanged', () => {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const out = join(dir, 'ro.md');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o444);
    // As root, run the binary as nobody: root itself may write any file.
    const r = spawnSync(process.execPath, [BIN, 'twitter', '-o', out], { encoding: 'utf8', ...(IS_ROOT ? { uid: 65534, gid: 65534 } : {}) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`error[E0906]: cannot write ${out}: permission denied`);
    expect(readFileSync(out, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['ro.md']);
  });
  it.skipIf(!nobodyCanRun())("someone else's writable file in a sticky folder is written in place, keeping its owner, as > does", () => {
    const dir = tempDir();
    chmodSync(dir, 0o1777);
    const out = join(dir, 'shared.md');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o666);
    const r = spawnSync(process.execPath, [BIN, 'twitter', '-o', out], { encoding: 'utf8', uid: 65534, gid: 65534 });
    expect(r.stderr).toBe(`wrote ${out}\n`);
    expect(r.status).toBe(0);
    expect(statSync(out)).toMatchObject({ uid: 0, gid: 0 });
    expect(readFileSync(out, 'utf8')).toContain('# Twitter');
  });
  it('a directory, a missing folder and a file used as a folder are refused with the path and the reason', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    mkdirSync(join(dir, 'sub.md'));
    const cases: [string, string][] = [
      [join(dir, 'sub.md'), 'it is a directory'],
      [join(dir, 'missing', 'x.md'), `the folder ${join(dir, 'missing')} does not exist`],
      [join(dir, 'file', 'x.md'), 'a part of the path is a file, not a folder'],
      [join(dir, 'new.md') + '/', 'the path ends in a slash but no such folder exists'],
    ];
    for (const [path, why] of cases) {
      const r = await cli(['twitter', '-o', path, '--format', 'markdown']);
      expect(r.code, path).toBe(2);
      expect(r.stderr, path).toContain(`error[E0906]: cannot write ${path}: ${why}`);
    }
  });
  it.skipIf(missing(hasPrlimit))('a write that fails half-way (file too large) is E0801, exit 74, and the old file is intact', () => {
    const dir = tempDir();
    const out = join(dir, 'big.md');
    writeFileSync(out, 'old\n');
    const r = spawnSync('prlimit', ['--fsize=1000', process.execPath, BIN, 'twitter', '-o', out], { encoding: 'utf8' });
    expect(r.status).toBe(74);
    expect(r.stderr).toContain(`error[E0801]: writing ${out} failed: file too large (EFBIG)`);
    expect(r.stderr).toContain(`${out} is unchanged`);
    expect(r.stderr).not.toMatch(/E9999|\n\s+at /);
    expect(readFileSync(out, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['big.md']);
  });
});

describe('-o through links, to devices, FIFOs and standard output', () => {
  it('a symlink is written through to its target, and stays a link', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.md'), 'old\n', { mode: 0o640 });
    chmodSync(join(dir, 'real.md'), 0o640);
    symlinkSync('real.md', join(dir, 'link.md'));
    symlinkSync('link.md', join(dir, 'chain.md'));
    expect((await cli(['twitter', '-o', join(dir, 'chain.md')])).code).toBe(0);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'chain.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toContain('# Twitter');
    expect(statSync(join(dir, 'real.md')).mode & 0o777).toBe(0o640);
  });
  it('a dangling symlink creates its target, as the shell does', async () => {
    const dir = tempDir();
    symlinkSync('target.md', join(dir, 'link.md'));
    expect((await cli(['twitter', '-o', join(dir, 'link.md')])).code).toBe(0);
    expect(readlinkSync(join(dir, 'link.md'))).toBe('target.md');
    expect(readFileSync(join(dir, 'target.md'), 'utf8')).toContain('# Twitter');
  });
  it('-o - is standard output, in the format of --format or the table', async () => {
    const table = await cli(['twitter', '-o', '-']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('│ Tweet QPS');
    expect(table.stderr).toBe('');
    const json = await cli(['twitter', '-o', '-', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ template: 'twitter' });
    const ref = await cli(['ref', 'nines', '-o', '-', '--format', 'json']);
    expect(ref.code).toBe(0);
    expect(() => JSON.parse(ref.stdout)).not.toThrow();
  });
  it('-o /dev/stdout prints to standard output (the pipe), and replaces nothing', () => {
    const r = spawnSync(process.execPath, [BIN, 'twitter', '-o', '/dev/stdout'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('│ Tweet QPS');
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });
  it.skipIf(!canMknod())('a device is written in place, never renamed over: a /dev/full twin gives E0801 and stays a device', async () => {
    const dir = tempDir();
    const full = join(dir, 'full');
    const nul = join(dir, 'null');
    expect(spawnSync('mknod', [full, 'c', '1', '7']).status).toBe(0);
    expect(spawnSync('mknod', [nul, 'c', '1', '3']).status).toBe(0);
    const r = await cli(['twitter', '-o', full]);
    expect(r.code).toBe(74);
    expect(r.stderr).toContain(`error[E0801]: writing ${full} failed: no space left on device (ENOSPC)`);
    expect(statSync(full).isCharacterDevice()).toBe(true);
    // A block device (major 240, reserved for local use: no driver behind it, so even a bug
    // could not reach a disk): refused, never opened.
    const disk = join(dir, 'disk');
    expect(spawnSync('mknod', [disk, 'b', '240', '0']).status).toBe(0);
    const refusedDisk = await cli(['twitter', '-o', disk, '--format', 'json']);
    expect(refusedDisk.code).toBe(2);
    expect(refusedDisk.stderr).toContain(`cannot write ${disk}: it is a block device (a disk), not a file`);
    const ok = await cli(['twitter', '-o', nul, '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(statSync(nul).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['disk', 'full', 'null']);
  });
  it.skipIf(missing(hasMkfifo))('a FIFO is written in place for its reader, and stays a FIFO', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString('utf8')));
    const done = new Promise((resolve) => reader.on('close', resolve));
    const r = spawnSync(process.execPath, [BIN, 'twitter', '-o', fifo], { encoding: 'utf8' });
    await done;
    expect(r.status).toBe(0);
    expect(got).toContain('│ Tweet QPS');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
  it.skipIf(missing(hasMkfifo))('a FIFO nobody reads is refused after a short wait, not waited on for ever', () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = spawnCli(['twitter', '-o', fifo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${fifo}: it is a FIFO and no process read from it`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
  it("-o /dev/fd/N never writes one of Node's own descriptors (that crashed it)", () => {
    for (let fd = 3; fd <= 12; fd++) {
      const r = spawnSync(process.execPath, [BIN, 'twitter', '-o', `/dev/fd/${fd}`, '--format', 'json'], { encoding: 'utf8' });
      expect(r.signal, `/dev/fd/${fd}`).toBeNull();
      expect([0, 2], `/dev/fd/${fd}: ${r.stderr}`).toContain(r.status);
    }
  });
  it('a kernel interface (/proc, /sys), or a link to one, is refused, never written', async () => {
    // /proc/self/comm is harmless to get wrong (it names this process); /proc/sysrq-trigger is
    // what the rule is for, and is deliberately not used here.
    const dir = tempDir();
    symlinkSync('/proc/self/comm', join(dir, 'comm.md'));
    for (const path of ['/proc/self/comm', join(dir, 'comm.md'), '/sys/estimate-test-missing']) {
      const r = await cli(['twitter', '-o', path, '--format', 'json']);
      expect(r.code, path).toBe(2);
      expect(r.stderr, path).toContain(`cannot write ${path}: it is a kernel interface (/proc, /sys), not a file`);
    }
  });
  it('/dev/mem, /dev/port and /dev/kmsg are refused; null, zero, full, random, urandom and terminals are not', () => {
    // Checked on device numbers (major 1, minor n is 256 + n): no node of these is ever made.
    expect([1, 2, 4, 11].map((minor) => isMemoryDevice(256 + minor))).toEqual([true, true, true, true]);
    expect([3, 5, 7, 8, 9].map((minor) => isMemoryDevice(256 + minor))).toEqual([false, false, false, false, false]);
    expect(isMemoryDevice(136 * 256 + 2)).toBe(false); // /dev/pts/2
    expect(isMemoryDevice(statSync('/dev/null').rdev)).toBe(false);
  });
  it('a socket is refused', async () => {
    const dir = tempDir();
    const path = join(dir, 'sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const r = await cli(['twitter', '-o', path, '--format', 'json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot write ${path}: it is a socket`);
      expect(lstatSync(path).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });
});

describe('-o never replaces a file the run read', () => {
  it('the prices file is refused by name, and kept', async () => {
    const dir = tempDir();
    const prices = join(dir, 'p.yaml');
    writeFileSync(prices, 'egress: 0.05 USD/GB\n');
    const r = await cli(['object-storage', '--prices', prices, '-o', prices, '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to overwrite the prices file');
    expect(readFileSync(prices, 'utf8')).toBe('egress: 0.05 USD/GB\n');
  });
  it('a sub-model the template uses is refused by name', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sub.yaml'), 'name: sub\ntitle: Sub\ninputs:\n  base:\n    default: 2\n    help: h\nquantities:\n  b: base * 2\nsections:\n  S: [b]\n');
    writeFileSync(join(dir, 'main.yaml'), 'name: main\ntitle: Main\nuse:\n  s:\n    template: ./sub.yaml\ninputs:\n  factor:\n    default: 3\n    help: h\nquantities:\n  c: s.b * 3\nsections:\n  S: [c]\n');
    const before = readFileSync(join(dir, 'sub.yaml'), 'utf8');
    const r = await cli([join(dir, 'main.yaml'), '-o', join(dir, 'sub.yaml'), '-f', 'csv']);
    expect(r.stderr).toContain('refusing to overwrite a sub-model template');
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'sub.yaml'), 'utf8')).toBe(before);
  });
  it('--samples-out onto the --output file names both options', async () => {
    const dir = tempDir();
    const out = join(dir, 's.csv');
    const r = await cli(['twitter', '--ranges', '--samples-out', out, '-o', out, '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to overwrite the --output file');
    expect(r.stderr).toContain('--> --samples-out');
  });
});
