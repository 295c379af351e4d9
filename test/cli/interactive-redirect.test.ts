import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { noTmux, TerminalSession } from '../terminal-session.js';

describe('interactive mode with standard output redirected', () => {
  // With only stdout redirected the questions go to stderr; with stderr redirected too, to /dev/tty.
  it.skipIf(noTmux).each([['> out.txt', ''], ['> out.txt 2> err.txt', ' 2> err.txt']])('`estimate twitter -i %s` asks on the terminal and writes the estimate to the file', async (_name, more) => {
    const dir = tempDir('estimate-redirect-');
    const out = join(dir, 'out.txt');
    const term = new TerminalSession(`node bin/estimate.js twitter -i > ${out}${more.replace('err.txt', join(dir, 'err.txt'))}`);
    try {
      await term.waitFor('Monthly active users (mau)');
      term.keys('1bn', 'Enter');
      await term.waitFor('(daily_active_ratio)');
      term.keys('60', 'Enter');
      await term.acceptDefaults(10);
      await term.waitFor('Export this estimate?');
      term.keys('Enter');
      await term.waitFor('Save these answers');
      term.keys('Enter');
      const shown = await term.waitFor('EXIT=');
      expect(shown).toContain('EXIT=0');
      // The tables went to the file, not to the terminal.
      expect(shown).not.toContain('Tweet QPS');
      const text = readFileSync(out, 'utf8');
      expect(text).toMatch(/Daily active users\s+│ 600M user/);
      expect(text).toContain('60% (set)');
      expect(text).not.toContain('Monthly active users (mau)\n');
    } finally {
      term.close();
    }
  });
});
