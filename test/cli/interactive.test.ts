import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
  const offered: string[][] = [];
  const next = () => {
    if (answers.length === 0) throw new Error('ran out of answers');
    const a = answers.shift()!;
    if (a instanceof Error) throw a;
    return a;
  };
  const prompter: Prompter = {
    select: async (message, choices) => {
      asked.push(message);
      offered.push(choices.map((c) => c.value));
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
  return { prompter, asked, rejected, offered };
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
    expect(rejected[0]).toMatch(/`daily_active_ratio` is a plain number, but `1 GB` is Data \(write a plain number or a percentage, such as `50%`\)/);
    expect(rejected[1]).toMatch(/above its maximum, 100%/);
    const out = io.stdout.join('');
    expect(out).toContain('200M users (set)');
    expect(out).toContain('3 tweets/user/day (set)');
    expect(out).toMatch(/Daily active users\s+│ 120M user/);
  });
  it('exports Markdown and saves the answers as a template that re-runs to the same numbers', async () => {
    const cwd = tempDir('estimate-i-');
    const io = recordingIo({ cwd });
    const { prompter } = scripted(['1bn', ...Array(twitterInputs - 1).fill(''), 'markdown', '', true, '']);
    await interview('twitter', opts, io, prompter);
    expect(readdirSync(cwd).sort()).toEqual(['twitter-custom.yaml', 'twitter-estimate.md']);
    expect(readFileSync(join(cwd, 'twitter-estimate.md'), 'utf8')).toContain('| `mau` | Monthly active users | 1bn users (set) |');
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

describe('export and save as template', () => {
  const keep = (n: number) => Array<string>(n).fill('');

  it('offers every output format, and JSON proposes twitter-estimate.json', async () => {
    const cwd = tempDir('estimate-i-');
    const { prompter, offered } = scripted([...keep(twitterInputs), 'json', '']);
    await interview('twitter', opts, recordingIo({ cwd }), prompter);
    expect(offered[0]).toEqual(['none', 'table', 'markdown', 'json', 'csv', 'html']);
    expect(readdirSync(cwd)).toEqual(['twitter-estimate.json']);
    expect(JSON.parse(readFileSync(join(cwd, 'twitter-estimate.json'), 'utf8')).template).toBe('twitter');
  });
  it('keeps the extension consistent with the format: report.md is refused for JSON, report becomes report.json', async () => {
    const cwd = tempDir('estimate-i-');
    const { prompter, rejected } = scripted([...keep(twitterInputs), 'json', 'report.md', 'report']);
    const io = recordingIo({ cwd });
    await interview('twitter', opts, io, prompter);
    expect(rejected[0]).toContain('.md is for Markdown; a JSON file ends in .json');
    expect(readdirSync(cwd)).toEqual(['report.json']);
    expect(io.stderr.join('')).toContain('wrote report.json');
  });
  it('CSV and text tables can be exported too', async () => {
    const cwd = tempDir('estimate-i-');
    await interview('twitter', opts, recordingIo({ cwd }), scripted([...keep(twitterInputs), 'csv', '']).prompter);
    await interview('twitter', opts, recordingIo({ cwd }), scripted([...keep(twitterInputs), 'table', '']).prompter);
    expect(readdirSync(cwd).sort()).toEqual(['twitter-estimate.csv', 'twitter-estimate.txt']);
    expect(readFileSync(join(cwd, 'twitter-estimate.txt'), 'utf8')).toBe((await cli(['twitter'])).stdout);
  });
  it('asks before replacing an existing file; No asks for another name', async () => {
    const cwd = tempDir('estimate-i-');
    writeFileSync(join(cwd, 'twitter-estimate.md'), 'keep me');
    const { prompter, asked } = scripted([...keep(twitterInputs), 'markdown', '', false, 'other.md']);
    await interview('twitter', opts, recordingIo({ cwd }), prompter);
    expect(asked).toContain('twitter-estimate.md exists. Replace it?');
    expect(readFileSync(join(cwd, 'twitter-estimate.md'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(cwd, 'other.md'), 'utf8')).toContain('# Twitter');
  });
  it('Yes replaces it', async () => {
    const cwd = tempDir('estimate-i-');
    writeFileSync(join(cwd, 'twitter-estimate.md'), 'old');
    await interview('twitter', opts, recordingIo({ cwd }), scripted([...keep(twitterInputs), 'markdown', '', true]).prompter);
    expect(readFileSync(join(cwd, 'twitter-estimate.md'), 'utf8')).toContain('# Twitter');
  });
  it('a saved template has no book figures, a new name and title, derived_from, and the answers as written', async () => {
    const cwd = tempDir('estimate-i-');
    // mau=1bn, daily_active_ratio=60 (a percentage), media_size=2MB (per tweet filled in).
    const answers = ['1bn', '60', '', '', '2MB', ...keep(twitterInputs - 5)];
    await interview('twitter', opts, recordingIo({ cwd }), scripted([...answers, 'none', true, 'my-twitter']).prompter);
    const text = readFileSync(join(cwd, 'my-twitter.yaml'), 'utf8');
    expect(text).not.toMatch(/^\s*book:/m);
    expect(text).toMatch(/^name: "my-twitter"$/m);
    expect(text).toMatch(/^derived_from: "twitter"$/m);
    expect(text).toContain('title: "Twitter: QPS and storage (custom)"');
    expect(text).toContain('default: "1bn user"');
    expect(text).toContain('default: "60%"');
    expect(text).toContain('default: "2MB/tweet"');
    // Comments and the rest of the layout survive.
    expect(text).toContain('# Twitter QPS and storage');
    const again = await cli([join(cwd, 'my-twitter.yaml'), '--format', 'json']);
    expect(again.stderr).toBe('');
    const doc = JSON.parse(again.stdout) as { title: string; outputs: Record<string, { value: number; book?: unknown }> };
    expect(doc.title).toBe('Twitter: QPS and storage (custom)');
    expect(doc.outputs['dau']!.value).toBe(600e6);
    expect(Object.values(doc.outputs).some((o) => o.book !== undefined)).toBe(false);
  });
  it('the template file is .yaml: another extension is refused, a bare name gets .yaml', async () => {
    const cwd = tempDir('estimate-i-');
    const { prompter, rejected } = scripted(['1bn', ...keep(twitterInputs - 1), 'none', true, 'mine.md', 'mine']);
    await interview('twitter', opts, recordingIo({ cwd }), prompter);
    expect(rejected[0]).toContain('a template file ends in .yaml, not .md');
    expect(readdirSync(cwd)).toEqual(['mine.yaml']);
  });
  it('answers given with --set are saved too, even when every prompt keeps its default', async () => {
    const cwd = tempDir('estimate-i-');
    await interview('twitter', { ...opts, set: ['mau=1bn'] }, recordingIo({ cwd }), scripted([...keep(twitterInputs), 'none', true, '']).prompter);
    expect(readFileSync(join(cwd, 'twitter-custom.yaml'), 'utf8')).toContain('default: "1bn user"');
  });
  it('a template derived from a derived template says so once', async () => {
    const cwd = tempDir('estimate-i-');
    await interview('twitter', opts, recordingIo({ cwd }), scripted(['1bn', ...keep(twitterInputs - 1), 'none', true, 'a']).prompter);
    await interview(join(cwd, 'a.yaml'), opts, recordingIo({ cwd }), scripted(['2bn', ...keep(twitterInputs - 1), 'none', true, 'b']).prompter);
    const text = readFileSync(join(cwd, 'b.yaml'), 'utf8');
    expect(text.match(/derived_from/g)).toHaveLength(1);
    expect(text).toMatch(/^derived_from: "a"$/m);
    expect(text).toContain('title: "Twitter: QPS and storage (custom)"');
  });
  it('a folder is no file name', async () => {
    const cwd = tempDir('estimate-i-');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(cwd, 'out'));
    const { prompter, rejected } = scripted([...keep(twitterInputs), 'markdown', 'out', 'out/', 'out/e.md']);
    await interview('twitter', opts, recordingIo({ cwd }), prompter);
    expect(rejected).toEqual(['out is a folder; give a file name', 'out/ is a folder; give a file name']);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['e.md']);
  });
  it('a typed name with an escape sequence comes back escaped in the message', async () => {
    const cwd = tempDir('estimate-i-');
    const again = scripted([...keep(twitterInputs), 'json', 'bad.md\x1b[2J/', 'ok.json']);
    await interview('twitter', opts, recordingIo({ cwd }), again.prompter);
    expect(again.rejected).toHaveLength(1);
    expect(again.rejected[0]).not.toContain('\x1b');
    expect(again.rejected[0]).toContain('is a folder');
    expect(readdirSync(cwd)).toEqual(['ok.json']);
  });
});
