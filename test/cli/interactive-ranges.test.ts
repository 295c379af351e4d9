// The interactive mode accepts a range as an answer, and saving the answers keeps it a range.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { interview } from '../../src/cli/commands/interactive.js';
import { recordingIo } from '../../src/cli/io.js';
import { type Prompter } from '../../src/cli/prompts.js';
import { cli } from '../helpers.js';

function scripted(answers: (string | boolean)[]): Prompter {
  const next = () => answers.shift()!;
  return {
    select: async (_m, choices) => {
      const a = next() as string;
      return a === '' ? choices[0]!.value : a;
    },
    input: async (_m, opts) => {
      for (;;) {
        const a = next() as string;
        const text = a === '' ? (opts.default ?? '') : a;
        if (!opts.validate || opts.validate(text) === true) return text;
      }
    },
    confirm: async (_m, initial) => {
      const a = next();
      return a === '' ? initial : (a as boolean);
    },
  };
}

const opts = { set: [], explain: false, interactive: true, format: 'table' as const };
const TEMPLATE = ['name: t', 'title: T', 'units: [user]', 'inputs:', '  short: 300M user', '  long:', '    default: 2 MB/user', '    min: 0 B/user', '  declared:', '    default: 10%', '    range: 5% to 20%', 'quantities:', '  total: short * long * declared', 'sections:', '  S: [total]', ''].join('\n');

describe('range answers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'estimate-ir-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the interval and saves each range where --ranges reads it', async () => {
    const file = join(dir, 't.yaml');
    writeFileSync(file, TEMPLATE);
    const io = recordingIo({ cwd: dir });
    // short: bare range (takes `user`); long: a range with units; declared: a new range.
    await interview(file, opts, io, scripted(['200M to 400M', '1 to 3 MB/user', '2% to 30%', 'none', true, '']));
    expect(io.stdout.join('')).toMatch(/200M to 400M|[\d.]+M users \([\d.]+M – [\d.]+M\) \(set\)/);
    const saved = readFileSync(join(dir, 't-custom.yaml'), 'utf8');
    expect(saved).toContain('short: { default: "300M user", range: "200M to 400M user" }');
    expect(saved).toMatch(/ {4}default: 2 MB\/user\n {4}range: "1 to 3 MB\/user"\n/);
    expect(saved).toContain('range: "2% to 30%"');
    const plain = await cli([join(dir, 't-custom.yaml'), '--format', 'json']);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout).outputs.total.p5).toBeUndefined();
    const ranged = await cli([join(dir, 't-custom.yaml'), '--ranges', '--format', 'json']);
    expect(ranged.code).toBe(0);
    expect(JSON.parse(ranged.stdout).uncertainty.inputs).toEqual(['short', 'long', 'declared']);
  });
});
