import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingIo } from '../../src/cli/io.js';
import { reportError } from '../../src/cli/report-error.js';
import { ROOT, spawnCli, tempDir } from '../helpers.js';

describe('the real binary', () => {
  it('prints the twitter tables and exits 0', () => {
    const r = spawnCli(['twitter']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('│ Tweet QPS           │ 3,472 tweets/s  │ ~3,500 tweets/s │');
    expect(r.stderr).toBe('');
  });
  it('standard output: a file gets what a pipe gets; a reader that stops early is no failure', () => {
    const dir = tempDir('estimate-out-');
    const sh = (script: string) => spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8' });
    const piped = sh('node bin/estimate.js twitter --explain | cat');
    const filed = sh(`node bin/estimate.js twitter --explain > ${dir}/out.txt; echo "exit=$?"; cat ${dir}/out.txt`);
    expect(piped.status).toBe(0);
    expect(filed.stdout).toBe('exit=0\n' + piped.stdout);
    expect(piped.stdout.length).toBeGreaterThan(5000);
    // `head` closes the pipe after one line; the rest of the output finds no reader.
    const early = sh('node bin/estimate.js twitter --explain --format markdown | (head -c 10 > /dev/null; sleep 0.3); echo "status=${PIPESTATUS[0]}"');
    expect(early.stdout).toBe('status=0\n');
    expect(early.stderr).toBe('');
  });
  it('calc prints the result', () => {
    expect(spawnCli(['calc', '150M * 2 / day'])).toMatchObject({ code: 0, stdout: '300M /day\n' });
    const json = JSON.parse(spawnCli(['calc', '--json', '150M * 2 / day']).stdout);
    expect(json).toMatchObject({ value: 300e6, unit: '/day', si: 300e6 / 86400, dimension: '1 / Time' });
  });
  const worst: [string[], number][] = [
    [['calc', '('.repeat(100_000)], 1],
    [['calc', '1 MB + 1 s'], 1],
    [['calc', '1 +'], 1],
    [['twitter', '--set', 'mau=1 GB'], 1],
    [['--nope'], 2],
    [['nope'], 2],
  ];
  it.each(worst)('%j: exit %d, a located message, no stack trace', (args, code) => {
    const r = spawnCli(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(/^error\[E\d{4}\]/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
  it('output is byte-identical under any LC_ALL and TZ', () => {
    const a = spawnCli(['twitter', '--format', 'markdown'], { env: { LC_ALL: 'de_DE.UTF-8', TZ: 'Asia/Kolkata', LANG: 'fr_FR.UTF-8' } });
    const b = spawnCli(['twitter', '--format', 'markdown'], { env: { LC_ALL: 'C', TZ: 'UTC' } });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
  it('bare estimate without a terminal prints the usage and exits 2', () => {
    const r = spawnCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: estimate');
  });
});

describe('cost and laziness', () => {
  const hook = (expr: string) => `data:text/javascript,import{createRequire}from'node:module';process.on('exit',()=>process.stderr.write('\\n@@'+JSON.stringify(${expr})))`;
  const report = (stderr: string) => JSON.parse(stderr.slice(stderr.lastIndexOf('@@') + 2)) as unknown;
  it('the main job loads neither the prompt library nor the YAML parser', () => {
    const r = spawnSync(process.execPath, ['--import', hook("Object.keys(createRequire(process.cwd()+'/x.js').cache)"), `${ROOT}/bin/estimate.js`, 'twitter'], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(0);
    const loaded = report(r.stderr) as string[];
    expect(loaded.some((p) => p.includes('@inquirer'))).toBe(false);
    expect(loaded.some((p) => p.includes('node_modules/yaml'))).toBe(false);
  });
  it('the worst inputs are refused (or, a flat chain, evaluated) within 256 MB', () => {
    const dir = tempDir('estimate-mem-');
    writeFileSync(join(dir, 'big.yaml'), Buffer.alloc(50 * 1024 * 1024, 0x61));
    const worst: [string[], number][] = [
      [['calc', '('.repeat(100_000)], 1],
      [['calc', '1+'.repeat(30_000) + '1'], 0],
      [[join(dir, 'big.yaml')], 1],
    ];
    for (const [args, status] of worst) {
      const r = spawnSync(process.execPath, ['--import', hook('process.resourceUsage().maxRSS'), `${ROOT}/bin/estimate.js`, ...args], { encoding: 'utf8', cwd: ROOT });
      expect(r.status).toBe(status);
      expect(report(r.stderr) as number).toBeLessThan(256 * 1024);
    }
  });
});

describe('internal errors', () => {
  it('exit 70 with a request to report, and a stack only with --debug', () => {
    const io = recordingIo();
    expect(reportError(new TypeError('boom'), io, { json: false, debug: false })).toBe(70);
    expect(io.stderr.join('')).toContain('please report it');
    expect(io.stderr.join('')).not.toMatch(/\n\s+at /);
    const dbg = recordingIo();
    reportError(new TypeError('boom'), dbg, { json: false, debug: true });
    expect(dbg.stderr.join('')).toMatch(/\n\s+at /);
  });
});
