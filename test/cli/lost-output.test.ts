/** Standard output that is full or closed is a failure on stderr (E0802, exit 74); a gone reader is not. */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canMknod, ROOT, tempDir } from '../helpers.js';

const BIN = `${ROOT}/bin/estimate.js`;
const sh = (script: string) => spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8' });

describe('losing standard output', () => {
  it('a closed standard output (>&-) exits 74 with one line on stderr', () => {
    const r = sh('node bin/estimate.js twitter >&-');
    expect(r.status).toBe(74);
    expect(r.stderr).toBe('error[E0802]: cannot write to standard output: it was closed when estimate started (`>&-`)\n');
  });
  it('discarding output with >/dev/null is no failure', () => {
    const r = sh('node bin/estimate.js twitter >/dev/null');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
  it.skipIf(!canMknod())('a full device (a /dev/full twin) exits 74 with one line, not E9999', () => {
    const dir = tempDir();
    const full = join(dir, 'full');
    expect(spawnSync('mknod', [full, 'c', '1', '7']).status).toBe(0);
    const fd = openSync(full, 'w');
    try {
      for (const args of [['twitter'], ['calc', '1+1'], ['list'], ['show', 'twitter'], ['ref', 'nines']]) {
        const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
        expect(r.status, args.join(' ')).toBe(74);
        expect(r.stderr, args.join(' ')).toBe('error[E0802]: cannot write to standard output: no space left on device (ENOSPC)\n');
      }
    } finally {
      closeSync(fd);
    }
  });
  it('-o /dev/stdout with standard output closed (>&-) is E0802, exit 74, not a silent 0', () => {
    const r = sh('node bin/estimate.js twitter -o /dev/stdout -f csv >&-');
    expect(r.status).toBe(74);
    expect(r.stderr).toContain('error[E0802]: cannot write to standard output: it was closed when estimate started');
    expect(r.stderr).not.toContain('wrote');
  });
  it('--samples-out /dev/stdout | head -1: a reader who stopped is a quiet exit 0, not E0801', () => {
    const r = sh('node bin/estimate.js twitter --ranges --samples-out /dev/stdout | head -1 >/dev/null; echo "status=${PIPESTATUS[0]}"');
    expect(r.stdout).toBe('status=0\n');
    expect(r.stderr).toBe('');
  });
  it('a reader that goes away early (| head -c 10) is a quiet exit 0', () => {
    const r = sh('node bin/estimate.js show twitter | (head -c 10 > /dev/null; sleep 0.3); echo "status=${PIPESTATUS[0]}"');
    expect(r.stdout).toBe('status=0\n');
    expect(r.stderr).toBe('');
  });
});
