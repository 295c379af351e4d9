/** Test helpers: run the CLI in process with a fake Io, or spawn the real binary. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { recordingIo, type Io } from '../src/cli/io.js';
import { run } from '../src/cli/program.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What one run printed and returned. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `estimate ...args` in process. */
export async function cli(args: string[], io: Partial<Io> = {}): Promise<RunResult> {
  const fake = recordingIo({ env: { HOME: '/nonexistent', ...(io.env ?? {}) }, ...io });
  const code = await run(args, fake);
  return { code, stdout: fake.stdout.join(''), stderr: fake.stderr.join('') };
}

/** Runs the built binary (bin/estimate.js) as a child process. */
export function spawnCli(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, [`${ROOT}/bin/estimate.js`, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: '/nonexistent', ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const update = process.env['UPDATE_GOLDEN'] === '1';

/** Compares with test/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead. */
export function golden(name: string, actual: string): void {
  const path = `${ROOT}/test/golden/${name}`;
  if (update) writeFileSync(path, actual);
  expect(existsSync(path), `${path} is missing: run UPDATE_GOLDEN=1 npm test and review it`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}


const tempDirs: string[] = [];
// Every folder tempDir() made is removed when the test file ends: a run leaves nothing in /tmp.
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder in the temp folder, removed after the test file. */
export function tempDir(prefix = 'estimate-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** True when a command-line tool is installed (`tmux`, `mkfifo`, `prlimit`). */
export function hasTool(name: string, args: string[] = ['--version']): boolean {
  return spawnSync(name, args, { stdio: 'ignore' }).status === 0;
}

/**
 * Whether a test that needs `tool` must be skipped: only outside CI. Under CI=1 (.ci/run) a
 * missing tool fails the test instead, so nothing is skipped silently there.
 */
export function missing(available: boolean): boolean {
  return !available && !process.env['CI'];
}

/** True when the tests run as root (device nodes need it; root also ignores file modes). */
export const IS_ROOT = process.getuid?.() === 0;

let nobodyWorks: boolean | undefined;

/**
 * True when the tests may run the built binary as `nobody` (uid 65534): root, and a checkout
 * that `nobody` can reach (a clone in a private 0700 folder cannot). Tests that need it are
 * reported as skipped otherwise, never passed silently.
 */
export function nobodyCanRun(): boolean {
  nobodyWorks ??=
    IS_ROOT &&
    spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(`${ROOT}/dist/bundle/estimate.cjs`)})`], { uid: 65534, gid: 65534 }).status === 0;
  return nobodyWorks;
}

let mknodWorks: boolean | undefined;

/**
 * True when the tests may make device nodes (`mknod DIR/full c 1 7`): root, with the capability
 * (a container may withhold it). Tests that need it are reported as skipped otherwise.
 */
export function canMknod(): boolean {
  if (mknodWorks === undefined) {
    mknodWorks = IS_ROOT && spawnSync('mknod', [join(tempDir('estimate-mknod-'), 'null'), 'c', '1', '3']).status === 0;
  }
  return mknodWorks;
}
