/**
 * No line is wider than the terminal (docs/robustness.md, "Long and wide cells"): prose under
 * the tables, --napkin, --hist, `list`, `--help` and error help lines wrap at its width.
 */
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/render/text-width.js';
import { cli } from '../helpers.js';

/** Lines of `text` wider than `columns`, for a readable failure. */
const wider = (text: string, columns: number) => text.split('\n').filter((l) => textWidth(l) > columns);
const tty = (columns: number) => ({ stdoutIsTTY: true, columns });

describe('lines fit the terminal', () => {
  it.each([
    [['twitter', '-e']],
    [['twitter', '--napkin']],
    [['twitter', '--ranges', '--explain']],
    [['twitter', '--ranges', '--hist']],
    [['list']],
    [['--help']],
    [['crawler']],
  ])('estimate %j at 80 columns', async (args) => {
    const r = await cli(args, tty(80));
    expect(r.code).toBe(0);
    expect(wider(r.stdout, 80)).toEqual([]);
  });
  it('--hist rows wrap at a 30-column terminal too (they were 88 columns)', async () => {
    const r = await cli(['twitter', '--ranges', '--hist'], tty(30));
    const hist = r.stdout.split('Distributions')[1] ?? r.stdout;
    expect(wider(hist.split('\n').filter((l) => !/[│|+┌└├]/.test(l)).join('\n'), 30)).toEqual([]);
  });
  it('a 10-column terminal gets lists no wider than 10 columns, not 20-column tables', async () => {
    const r = await cli(['twitter'], tty(10));
    expect(r.code).toBe(0);
    expect(wider(r.stdout, 10)).toEqual([]);
  });
  it('`estimate list` into a pipe keeps one line per template (for cut and grep)', async () => {
    const r = await cli(['list']);
    expect(r.stdout).toMatch(/^consistent-hashing +Consistent hashing[^\n]*\[built-in\]$/m);
  });
  it("an unknown command's help lines wrap at a terminal, and stay whole in a log", async () => {
    const atTerminal = await cli(['nosuch'], tty(80));
    expect(atTerminal.code).toBe(2);
    expect(wider(atTerminal.stderr, 80)).toEqual([]);
    expect(atTerminal.stderr).toMatch(/\n {10}\S/);
    const logged = await cli(['nosuch']);
    expect(logged.stderr).toMatch(/= help: the templates are [^\n]{200,}/);
  });
});
