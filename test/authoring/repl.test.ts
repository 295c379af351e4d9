/** The REPL: the session in process, piped lines through the binary, and a real terminal (tmux). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReplSession } from '../../src/authoring/repl-session.js';
import { buildModel } from '../../src/model/build.js';
import { parseTemplate } from '../../src/template/load.js';
import { cli, ROOT, spawnCli, tempDir } from '../helpers.js';
import { noTmux, TerminalSession } from '../terminal-session.js';

function twitter() {
  return buildModel(parseTemplate({ name: 'twitter.yaml', text: readFileSync(`${ROOT}/templates/twitter.yaml`, 'utf8') }));
}

describe('REPL session', () => {
  it('keeps variables and ans, and converts; prints as calc does (plurals, money)', async () => {
    const s = new ReplSession();
    expect((await s.run('x = 300M user')).text).toBe('(new count unit: user)\nx = 300M users');
    expect((await s.run('y = 3 user')).text).toBe('y = 3 users');
    expect((await s.run('tweet_qsp * 2')).text).toContain('E0301');
    expect((await s.run('x * 2 / day')).text).toBe('6,944 users/s');
    expect((await s.run('ans * 1 day')).text).toBe('600M users');
    expect((await s.run('1 PB / 5 year to MB/s')).text).toMatch(/MB\/s$/);
    expect((await s.run('$0.02/GB * 100 GB')).text).toBe('$2');
    expect((await s.run('54.75M USD')).text).toBe('$54.75M');
  });

  it('puts a template in scope: :set re-evaluates, :explain derives, :show prints the tables', async () => {
    const s = new ReplSession(twitter());
    expect((await s.run('tweet_qps')).text).toBe('3,472 tweets/s');
    const q = await s.run('double = tweet_qps * 2');
    expect(q.text).toBe('double = 6,944 tweets/s');
    const set = await s.run(':set mau=600M');
    expect(set.error).toBe(false);
    expect(set.text).toContain('mau = 600M users');
    expect(set.text).toContain('tweet_qps = 6,944 tweets/s');
    // Variables follow the inputs they read.
    expect((await s.run('double')).text).toBe('13.89K tweets/s');
    expect((await s.run(':explain tweet_qps')).text).toContain('= dau × tweets_per_user');
    expect((await s.run(':show')).text).toMatch(/Tweet QPS\s+│ 6,944 tweets\/s/);
  });

  it('locates errors and goes on: unbalanced, unknown names, template names, bad :set', async () => {
    const s = new ReplSession(twitter());
    const open = await s.run('(1 + 2');
    expect(open.error).toBe(true);
    expect(open.text).toContain('error[E0202]: unclosed parenthesis');
    expect(open.text).toMatch(/\^ expected `\)`/);
    expect((await s.run('tweet_qsp')).text).toContain('tweet_qps');
    expect((await s.run('mau = 3')).text).toContain(':set mau=3');
    expect((await s.run(':set nope=1')).text).toContain('E0903');
    expect((await s.run(':set mau=-5')).text).toContain('E0713');
    expect((await s.run(':frobnicate')).text).toContain('E0985');
    expect((await s.run('sqrt = 3')).text).toContain('E0706');
    expect((await s.run('1 + 1')).text).toBe('2');
  });

  it('refuses a line too long or binary with a clear error (E0984)', async () => {
    const s = new ReplSession();
    const long = await s.run('1+'.repeat(5000) + '1');
    expect(long.error).toBe(true);
    expect(long.text).toContain('error[E0984]: the line is too long (10,001 characters; at most 4,096)');
    const bin = await s.run('1 + \u0000\u0001 2');
    expect(bin.text).toContain('error[E0984]: the line holds a control character (U+0000) at column 5');
    expect((await s.run('\u001b[2J')).text).not.toContain('\u001b');
  });

  it('never throws and never stops on any line', async () => {
    const s = new ReplSession(twitter());
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom(':set', ':save', ':explain', '= 3', 'x =', ':set mau=', '1 to', ')')), async (line) => {
        const r = await s.run(line);
        expect(typeof r.text).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it(':save writes the template of the session, which loads and runs', async () => {
    const dir = tempDir();
    const files = new Map<string, string>();
    const s = new ReplSession(twitter(), (path, text) => {
      files.set(path, text);
      return `wrote ${path}`;
    });
    await s.run(':set mau=600M');
    expect((await s.run(':save mine.yaml')).text).toBe('wrote mine.yaml');
    writeFileSync(join(dir, 'mine.yaml'), files.get('mine.yaml')!);
    const r = await cli([join(dir, 'mine.yaml'), '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ inputs: { mau: { value: 600e6 } } });

    const free = new ReplSession(undefined, (path, text) => {
      files.set(path, text);
      return 'ok';
    });
    await free.run('audience = 10M user');
    await free.run('per_day = audience * 3 / day');
    await free.run(':save free.yaml');
    writeFileSync(join(dir, 'free.yaml'), files.get('free.yaml')!);
    const f = await cli([join(dir, 'free.yaml'), '--format', 'json']);
    expect(f.stderr).toBe('');
    expect(JSON.parse(f.stdout)).toHaveProperty('outputs.per_day');
  });
});

describe('estimate repl without a terminal', () => {
  it('reads lines from standard input, answers each, and exits 1 after an error', () => {
    const r = spawnCli(['repl', 'twitter'], { input: 'x = 2 MB\nx * 3\n(1\n:explain tweet_qps\n' });
    expect(r.stdout).toContain('x = 2 MB\n6 MB\n');
    expect(r.stdout).toContain('Tweet QPS (tweet_qps)');
    expect(r.stderr).toContain('error[E0202]');
    expect(r.code).toBe(1);
    expect(spawnCli(['repl'], { input: '1 + 1\n' })).toMatchObject({ code: 0, stdout: '2\n' });
  });
  it('an unknown template is the usual usage error', () => {
    const r = spawnCli(['repl', 'twiter']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('twitter');
  });
});

describe('estimate repl in a real terminal (tmux)', () => {
  it.skipIf(noTmux)('Tab completes, Ctrl-C drops the line, errors do not end it, history is kept, Ctrl-D leaves', async () => {
    const state = tempDir();
    const term = new TerminalSession(`XDG_STATE_HOME=${state} HOME=/nonexistent node bin/estimate.js repl twitter`, { columns: 120 });
    try {
      await term.waitFor(':help for commands');
      term.keys('tweet_q', 'Tab');
      await term.waitFor('> tweet_qps');
      term.keys(' * 2', 'Enter');
      await term.waitFor('6,944 tweets/s');
      term.keys('(1 + 2', 'Enter');
      await term.waitFor('unclosed parenthesis');
      term.keys('999 + 1', 'C-c');
      await term.waitFor('^C');
      term.keys('2 + 2', 'Enter');
      const screen = await term.waitFor(/\n4\s*\n/);
      expect(screen).not.toContain('1,000');
      term.keys('C-d');
      const end = await term.waitFor('EXIT=');
      expect(end).toContain('EXIT=0');
      const history = join(state, 'estimate', 'history');
      expect(existsSync(history)).toBe(true);
      expect(readFileSync(history, 'utf8')).toContain('tweet_qps * 2\n');
    } finally {
      term.close();
    }
  });
});
