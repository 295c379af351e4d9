import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool, missing, ROOT, tempDir } from '../helpers.js';

// CI installs tmux (.ci/run) and sets CI=1, where a missing tmux fails these tests; elsewhere
// they are reported as skipped. The global setup (test/setup/build.ts) built dist/ first.
const noTmux = missing(hasTool('tmux', ['-V']));

let counter = 0;
let session = '';
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });

/** Starts the command in a fresh tmux server (its own socket, so tests never collide). */
function start(command: string, rows: number, columns = 100): void {
  session = `estimate-test-${process.pid}-${++counter}`;
  tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), `cd ${ROOT} && ${command}; echo EXIT=$?; sleep 5`);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the pane shows `text`, or fails after `ms`. */
async function waitFor(text: string | RegExp, ms = 8000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', session, '-S', '-300');
    if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
    if (Date.now() > until) throw new Error(`timed out waiting for ${text}; screen:\n${screen}`);
    await sleep(100);
  }
}

describe('interactive mode in a real terminal (tmux)', () => {
  it.skipIf(noTmux)('answers three questions and prints the table', async () => {
    start('node bin/estimate.js twitter -i', 50);
    try {
      await waitFor('Monthly active users (mau)');
      tmux('send-keys', '-t', session, '200M user', 'Enter');
      await waitFor('(daily_active_ratio)');
      tmux('send-keys', '-t', session, '60%', 'Enter');
      await waitFor('(tweets_per_user)');
      tmux('send-keys', '-t', session, '3', 'Enter');
      for (let i = 0; i < 9; i++) {
        await sleep(150);
        tmux('send-keys', '-t', session, 'Enter');
      }
      await waitFor('Export this estimate?');
      tmux('send-keys', '-t', session, 'Enter');
      await waitFor('Save these answers');
      tmux('send-keys', '-t', session, 'Enter');
      const screen = await waitFor('EXIT=');
      expect(screen).toMatch(/Daily active users\s+│ 120M user/);
      expect(screen).toMatch(/Tweet QPS\s+│ 4,167 tweets\/s/);
      expect(screen).toContain('EXIT=0');
    } finally {
      spawnSync('tmux', ['-L', session, 'kill-server']);
    }
  });
  const cancelKeys: [string, string][] = [
    ['Ctrl-C', 'C-c'],
    ['Escape', 'Escape'],
  ];
  it.skipIf(noTmux).each(cancelKeys)(
    '%s at a prompt exits 130 with one line and no stack trace',
    async (_name, key) => {
      start('node bin/estimate.js twitter -i', 30);
      try {
        await waitFor('Monthly active users (mau)');
        tmux('send-keys', '-t', session, key);
        const screen = await waitFor('EXIT=');
        expect(screen).toContain('cancelled');
        expect(screen).toContain('EXIT=130');
        expect(screen).not.toMatch(/\n\s+at /);
      } finally {
        spawnSync('tmux', ['-L', session, 'kill-server']);
      }
    },
  );
  const signals: [string, number][] = [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ];
  it.skipIf(noTmux).each(signals)('%s at a prompt restores the terminal (echo on, not raw) and exits %i', async (signal, status) => {
    const dir = tempDir();
    const pidFile = join(dir, 'pid');
    // The shell writes its pid, then becomes node (exec), so the pid is the binary's.
    start(`sh -c 'echo $$ > ${pidFile}; exec node bin/estimate.js twitter -i'; echo EXIT=$?; echo STTY $(stty -a | tr ' ;' '\\n\\n' | grep -x -E -- '-?(echo|icanon)') END`, 30);
    try {
      await waitFor('Monthly active users (mau)');
      // Raw mode is on now: the prompt reads key by key.
      process.kill(Number(readFileSync(pidFile, 'utf8').trim()), signal as NodeJS.Signals);
      const screen = await waitFor(/STTY .* END/);
      expect(screen).toContain(`EXIT=${status}`);
      // echo and icanon on: what a shell needs; raw mode turns both off.
      expect(/STTY (.*) END/.exec(screen)?.[1]?.split(' ').sort()).toEqual(['echo', 'icanon']);
      expect(screen).not.toMatch(/\n\s+at |Error/);
    } finally {
      spawnSync('tmux', ['-L', session, 'kill-server']);
    }
  });
  it.skipIf(noTmux)('prints the tables fitted to the terminal it writes to', async () => {
    start('node bin/estimate.js twitter', 80, 64);
    try {
      await waitFor('EXIT=');
      // -J joins lines the pane wrapped, so a line printed wider than the pane shows as such.
      const screen = tmux('capture-pane', '-p', '-J', '-t', session, '-S', '-300');
      expect(screen).toContain('EXIT=0');
      expect(screen).toMatch(/Tweet QPS\s+│ 3,472 tweets\/s/);
      // Fitted to the pane's 64 columns, not to the 80 used when output is no terminal.
      const lines = screen.split('\n');
      expect(Math.max(...lines.map((l) => l.trimEnd().length))).toBeLessThanOrEqual(64);
      expect(lines.some((l) => l.trimEnd().length > 56)).toBe(true);
    } finally {
      spawnSync('tmux', ['-L', session, 'kill-server']);
    }
  });
});
