/**
 * Vitest global setup: tests that spawn bin/estimate.js run the bundle in dist/, so it must be
 * built from the source being tested. When anything the build reads is newer than the bundle
 * (or there is none), this runs `npm run build` first; a failing build fails the run.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What the build reads: a change to any of them makes dist/ stale. */
const INPUTS = ['src', 'templates', 'bin', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** The build's outputs, the oldest of which must be newer than every input. */
const OUTPUTS = ['dist/bundle/estimate.cjs', 'dist/bundle/estimate.v8cache'];

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

function oldestOutput(): number {
  try {
    return Math.min(...OUTPUTS.map((p) => statSync(join(ROOT, p)).mtimeMs));
  } catch {
    return -Infinity;
  }
}

/** True when dist/ is missing or older than its sources. */
export function isStale(): boolean {
  return Math.max(...INPUTS.map((p) => newest(join(ROOT, p)))) > oldestOutput();
}

export default function setup(): void {
  if (!isStale()) return;
  process.stderr.write('test setup: dist/ is older than the source; running npm run build\n');
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
