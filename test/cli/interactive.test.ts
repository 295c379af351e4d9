import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interview } from '../../src/cli/commands/interactive.js';
import { recordingIo } from '../../src/cli/io.js';
import { type Prompter } from '../../src/cli/prompts.js';
import { EstimateError } from '../../src/diagnostics/error.js';
import { cli, tempDir } from '../helpers.js';

/** A prompter that plays back answers; '' keeps the default; a validate failure takes the next answer. */
function scripted(answers: (string | boolean | Error)[]) {
  const asked: string[] = [];
  const rejected: string[] = [];
  const next = () => {
    if (answers.length === 0) throw new Error('ran out of answers');
    const a = answers.shift()!;
    if (a instanceof Error) throw a;
    return a;
  };
  const prompter: Prompter = {
    select: async (message, choices) => {
      asked.push(message);
      const a = next() as string;
      return a === '' ? choices[0]!.value : a;
    },
    input: async (message, opts) => {
      asked.push(message);
      for (;;) {
        const a = next() as string;
        const text = a === '' ? (opts.default ?? '') : a;
        const ok = opts.validate ? opts.validate(text) : true;
        if (ok === true) return text;
        rejected.push(ok);
      }
    },
    confirm: async (message, initial) => {
      asked.push(message);
      const a = next();
      return a === '' ? initial : (a as boolean);
    },
  };
  return { prompter, asked, rejected };
}

const opts = { set: [], explain: false, interactive: true, format: 'table' as const };
const twitterInputs = 12;

describe('the question flow', () => {
  it('keeps defaults on Enter and prints the same tables as the command', async () => {
    const cwd = tempDir('estimate-i-');
    const io = recordingIo({ cwd });
    const { prompter, asked } = scripted([...Array(twitterInputs).fill(''), 'none']);
    expect(await interview('twitter', opts, io, prompter)).toBe(0);
    expect(asked[0]).toContain('Monthly active users (mau)');
    expect(asked[0]).toContain('Users who use the service at least once a month.');
    const plain = await cli(['twitter']);
    expect(io.stdout.join('')).toBe(plain.stdout);
    expect(readdirSync(cwd)).toEqual([]);
  });
  it('parses overrides, gives a bare number the default unit, and re-asks wrong dimensions and out-of-bounds answers', async () => {
    const io = recordingIo({ cwd: tempDir('estimate-i-') });
    const { prompter, rejected } = scripted(['200M user', '1 GB', '150%', '60%', '3', ...Array(twitterInputs - 3).fill(''), 'none', false]);
    await interview('twitter', opts, io, prompter);
    expect(rejected[0]).toMatch(/`daily_active_ratio` is Scalar, but `1 GB` is Data/);
    expect(rejected[1]).toMatch(/above its maximum, 100%/);
    const out = io.stdout.join('');
    expect(out).toContain('200M user (set)');
    expect(out).toContain('3 tweet/user/day (set)');
    expect(out).toMatch(/Daily active users\s+│ 120M user/);
  });
  it('exports Markdown and saves the answers as a template that re-runs to the same numbers', async () => {
    const cwd = tempDir('estimate-i-');
    const io = recordingIo({ cwd });
    const { prompter } = scripted(['1bn', ...Array(twitterInputs - 1).fill(''), 'markdown', '', true, '']);
    await interview('twitter', opts, io, prompter);
    expect(readdirSync(cwd).sort()).toEqual(['twitter-custom.yaml', 'twitter-estimate.md']);
    expect(readFileSync(join(cwd, 'twitter-estimate.md'), 'utf8')).toContain('| `mau` | Monthly active users | 1bn user (set) |');
    const again = await cli([join(cwd, 'twitter-custom.yaml'), '--format', 'json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).outputs.dau.value).toBe(500e6);
  });
  it('choosing a template from the list when none is given', async () => {
    const io = recordingIo({ cwd: tempDir('estimate-i-') });
    const { prompter, asked } = scripted(['crawler', ...Array(7).fill(''), 'none']);
    await interview(undefined, opts, io, prompter);
    expect(asked[0]).toBe('Which estimate?');
    expect(io.stdout.join('')).toContain('Web crawler');
  });
  it('cancel gives E0130 and writes nothing', async () => {
    const cwd = tempDir('estimate-i-');
    const io = recordingIo({ cwd });
    const { prompter } = scripted(['', '', new EstimateError('E0130', 'cancelled')]);
    await expect(interview('twitter', opts, io, prompter)).rejects.toMatchObject({ code: 'E0130' });
    expect(readdirSync(cwd)).toEqual([]);
    expect(io.stdout.join('')).toBe('');
  });
  it('cancel at the file-name prompt writes nothing either', async () => {
    const cwd = tempDir('estimate-i-');
    const { prompter } = scripted([...Array(twitterInputs).fill(''), 'markdown', new EstimateError('E0130', 'cancelled')]);
    await expect(interview('twitter', opts, recordingIo({ cwd }), prompter)).rejects.toMatchObject({ code: 'E0130' });
    expect(existsSync(join(cwd, 'twitter-estimate.md'))).toBe(false);
  });
  it('without a terminal, --interactive exits 2 and says to use --set', async () => {
    const r = await cli(['twitter', '-i']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--set');
  });
  it('the cancelled error exits 130 with one line', async () => {
    const { reportError } = await import('../../src/cli/report-error.js');
    const io = recordingIo();
    expect(reportError(new EstimateError('E0130', 'cancelled'), io, { json: false, debug: false })).toBe(130);
    expect(io.stderr.join('')).toBe('cancelled\n');
  });
});
