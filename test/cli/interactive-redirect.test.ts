import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const built = existsSync(`${ROOT}/dist/bundle/estimate.cjs`);
// CI installs tmux (.ci/run), so there it always runs; elsewhere it is reported as skipped.
const canRun = (hasTmux && built) || process.env['CI'] !== undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('interactive mode with standard output redirected', () => {
  // With only stdout redirected the questions go to stderr; with stderr redirected too, to /dev/tty.
  it.skipIf(!canRun).each([['> out.txt', ''], ['> out.txt 2> err.txt', ' 2> err.txt']])('`estimate twitter -i %s` asks on the terminal and writes the estimate to the file', async (_name, more) => {
    const session = `estimate-redirect-${process.pid}-${more === '' ? 1 : 2}`;
    const dir = mkdtempSync(join(tmpdir(), 'estimate-redirect-'));
    const out = join(dir, 'out.txt');
    const tmux = (...args: string[]) => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
    const screen = () => tmux('capture-pane', '-p', '-t', session, '-S', '-300');
    const waitFor = async (text: string) => {
      const until = Date.now() + 8000;
      for (;;) {
        const s = screen();
        if (s.includes(text)) return s;
        if (Date.now() > until) throw new Error(`timed out waiting for ${text}; screen:\n${s}`);
        await sleep(100);
      }
    };
    try {
      tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '40', `cd ${ROOT} && node bin/estimate.js twitter -i > ${out}${more.replace('err.txt', join(dir, 'err.txt'))}; echo EXIT=$?; sleep 5`);
      await waitFor('Monthly active users (mau)');
      tmux('send-keys', '-t', session, '1bn', 'Enter');
      await waitFor('(daily_active_ratio)');
      tmux('send-keys', '-t', session, '60', 'Enter');
      for (let i = 0; i < 10; i++) {
        await sleep(150);
        tmux('send-keys', '-t', session, 'Enter');
      }
      await waitFor('Export this estimate?');
      tmux('send-keys', '-t', session, 'Enter');
      await waitFor('Save these answers');
      tmux('send-keys', '-t', session, 'Enter');
      const shown = await waitFor('EXIT=');
      expect(shown).toContain('EXIT=0');
      // The tables went to the file, not to the terminal.
      expect(shown).not.toContain('Tweet QPS');
      const text = readFileSync(out, 'utf8');
      expect(text).toMatch(/Daily active users\s+│ 600M user/);
      expect(text).toContain('60% (set)');
      expect(text).not.toContain('Monthly active users (mau)\n');
    } finally {
      spawnSync('tmux', ['-L', session, 'kill-server']);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
