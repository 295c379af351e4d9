import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/cli/commands/estimate.js';
import { recordingIo } from '../../src/cli/io.js';
import { readAnswer, resolveOverrides } from '../../src/model/overrides.js';
import { cli } from '../helpers.js';

const { model } = loadModel('twitter', recordingIo());
const input = (name: string) => model.inputs.find((i) => i.name === name)!;
const si = (name: string, text: string) => readAnswer(input(name), text, model).value.run([]);

describe('--set: the README example and the count denominator', () => {
  it('the README example runs: media_size=2MB takes the input\'s /tweet and shows it', async () => {
    const r = await cli(['twitter', '--set', 'mau=1.5bn', '--set', 'media_size=2MB']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/media_size\s+│ Media per media tweet\s+│ 2 MB\/tweet \(set\)/);
    expect(r.stdout).toContain('1.5bn users (set)');
  });
  it('fills in a trailing count denominator of the input\'s own unit, and writes it down', () => {
    expect(si('media_size', '2MB')).toBe(2e6);
    expect(readAnswer(input('media_size'), '2MB', model).written).toBe('2MB/tweet');
    expect(readAnswer(input('media_size'), '1 MB + 1 MB', model).written).toBe('(1 MB + 1 MB) / tweet');
    // tweet/s/server: the server is the trailing count.
    expect(si('server_capacity', '500 tweet/s')).toBe(500);
    expect(readAnswer(input('server_capacity'), '500 tweet/s', model).written).toBe('500 tweet/s/server');
  });
  it('never guesses across a real dimension error', () => {
    // Time is no count, so tweet/user/day given as tweet/user is still wrong; so is a Time for Data/tweet.
    for (const [name, text] of [['media_size', '2 s'], ['tweets_per_user', '2 tweet/user'], ['tweets_per_user', '2 tweet'], ['mau', '3 tweet'], ['server_capacity', '500 tweet'], ['daily_active_ratio', '1 GB']]) {
      expect(() => readAnswer(input(name!), text!, model), `${name}=${text}`).toThrow(expect.objectContaining({ code: 'E0708' }));
    }
  });
  it('an override already in the input\'s dimension is taken as written', () => {
    expect(readAnswer(input('media_size'), '2 MB/tweet', model).written).toBe('2 MB/tweet');
    expect(si('media_size', '2 MB/tweet')).toBe(2e6);
  });
});

describe('--set: a bare number for a percent input is a percentage', () => {
  it('daily_active_ratio=60 is 60% (not 6,000%), shown as 60% (set)', async () => {
    const r = await cli(['twitter', '--set', 'daily_active_ratio=60']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/daily_active_ratio\s+│ Daily active share of\s+│ 60% \(set\)/);
    expect(r.stdout).toMatch(/Daily active users\s+│ 180M user/);
  });
  it('60, 60% and 60 % are the same; 0.6 is 0.6%, as its echo shows', async () => {
    expect(si('daily_active_ratio', '60')).toBeCloseTo(0.6, 12);
    expect(si('daily_active_ratio', '60%')).toBeCloseTo(0.6, 12);
    expect(si('daily_active_ratio', '0.6')).toBeCloseTo(0.006, 12);
    expect(readAnswer(input('daily_active_ratio'), '60', model).written).toBe('60%');
    const r = await cli(['twitter', '--set', 'daily_active_ratio=0.6']);
    expect(r.stdout).toContain('0.6% (set)');
  });
  it('the bounds apply to the percentage: 150 is above 100%', async () => {
    const r = await cli(['twitter', '--set', 'daily_active_ratio=150']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('150% is above its maximum, 100%');
  });
  it('a plain input (peak_factor: 2) keeps plain numbers', () => {
    expect(si('peak_factor', '3')).toBe(3);
  });
  it('property: a bare number n for a percent input is n / 100, and its written form reads back the same', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (n) => {
        const text = String(n);
        const a = readAnswer(input('daily_active_ratio'), text, model);
        expect(a.value.run([])).toBeCloseTo(n / 100, 12);
        expect(readAnswer(input('daily_active_ratio'), a.written, model).value.run([])).toBeCloseTo(n / 100, 12);
      }),
    );
  });
  it('property: the written form of any accepted answer reads back to the same value', () => {
    const texts = fc.constantFrom('2MB', '3', '1.5 GB', '2 MB/tweet', '500 KB', '0', '7e3 B');
    fc.assert(
      fc.property(texts, (t) => {
        const a = readAnswer(input('media_size'), t, model);
        const b = resolveOverrides(model, [`media_size=${a.written}`]).get('media_size')!;
        expect(b.value.run([])).toBe(a.value.run([]));
        expect(b.written).toBe(a.written);
      }),
    );
  });
});

describe('messages say "a plain number", not "Scalar"', () => {
  it('in a dimension error', async () => {
    const r = await cli(['calc', '1 MB + 2']);
    expect(r.stderr).toContain('a plain number');
    expect(r.stderr).not.toContain('Scalar');
  });
});

describe('which inputs are percent inputs', () => {
  it('an input whose default is written as a fraction keeps bare numbers fractions, even with unit: "%"', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'estimate-pct-'));
    try {
      const file = join(dir, 'f.yaml');
      writeFileSync(file, 'name: f\ntitle: F\ninputs:\n  share:\n    default: 0.5\n    unit: "%"\nquantities:\n  twice:\n    value: share * 2\n    unit: "%"\nsections:\n  S: [twice]\n');
      const r = await cli([file, '--set', 'share=0.25', '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).outputs.twice.value).toBeCloseTo(50, 9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
