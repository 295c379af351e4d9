import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { noTmux, TerminalSession } from '../terminal-session.js';

// The global setup (test/setup/build.ts) built dist/ first.

describe('interactive mode in a real terminal (tmux)', () => {
  it.skipIf(noTmux)('answers three questions and prints the table', async () => {
    const term = new TerminalSession('node bin/estimate.js twitter -i', { rows: 50 });
    try {
      await term.waitFor('Monthly active users (mau)');
      term.keys('200M user', 'Enter');
      await term.waitFor('(daily_active_ratio)');
      term.keys('60%', 'Enter');
      await term.waitFor('(tweets_per_user)');
      term.keys('3', 'Enter');
      await term.acceptDefaults(9);
      await term.waitFor('Export this estimate?');
      term.keys('Enter');
      await term.waitFor('Save these answers');
      term.keys('Enter');
      const screen = await term.waitFor('EXIT=');
      expect(screen).toMatch(/Daily active users\s+│ 120M user/);
      expect(screen).toMatch(/Tweet QPS\s+│ 4,167 tweets\/s/);
      expect(screen).toContain('EXIT=0');
    } finally {
      term.close();
    }
  });
  const cancelKeys: [string, string][] = [
    ['Ctrl-C', 'C-c'],
    ['Escape', 'Escape'],
  ];
  it.skipIf(noTmux).each(cancelKeys)(
    '%s at a prompt exits 130 with one line and no stack trace',
    async (_name, key) => {
      const term = new TerminalSession('node bin/estimate.js twitter -i', { rows: 30 });
      try {
        await term.waitFor('Monthly active users (mau)');
        term.keys(key);
        const screen = await term.waitFor('EXIT=');
        expect(screen).toContain('cancelled');
        expect(screen).toContain('EXIT=130');
        expect(screen).not.toMatch(/\n\s+at /);
      } finally {
        term.close();
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
    const term = new TerminalSession(`sh -c 'echo $$ > ${pidFile}; exec node bin/estimate.js twitter -i'; echo EXIT=$?; echo STTY $(stty -a | tr ' ;' '\\n\\n' | grep -x -E -- '-?(echo|icanon)') END`, { rows: 30 });
    try {
      await term.waitFor('Monthly active users (mau)');
      // Raw mode is on now: the prompt reads key by key.
      process.kill(Number(readFileSync(pidFile, 'utf8').trim()), signal as NodeJS.Signals);
      const screen = await term.waitFor(/STTY .* END/);
      expect(screen).toContain(`EXIT=${status}`);
      // echo and icanon on: what a shell needs; raw mode turns both off.
      expect(/STTY (.*) END/.exec(screen)?.[1]?.split(' ').sort()).toEqual(['echo', 'icanon']);
      expect(screen).not.toMatch(/\n\s+at |Error/);
    } finally {
      term.close();
    }
  });
  it.skipIf(noTmux)('prints the tables fitted to the terminal it writes to', async () => {
    const term = new TerminalSession('node bin/estimate.js twitter', { rows: 80, columns: 64 });
    try {
      await term.waitFor('EXIT=');
      // -J joins lines the pane wrapped, so a line printed wider than the pane shows as such.
      const screen = term.screen(true);
      expect(screen).toContain('EXIT=0');
      expect(screen).toMatch(/Tweet QPS\s+│ 3,472 tweets\/s/);
      // Fitted to the pane's 64 columns, not to the 80 used when output is no terminal.
      const lines = screen.split('\n');
      expect(Math.max(...lines.map((l) => l.trimEnd().length))).toBeLessThanOrEqual(64);
      expect(lines.some((l) => l.trimEnd().length > 56)).toBe(true);
    } finally {
      term.close();
    }
  });
});
