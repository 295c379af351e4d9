// Templates and ranges: the plain run is bit-for-bit what it was before ranges existed; the
// sampled engine at one sample is the exact engine; declared ranges run end to end.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { source } from '../../src/diagnostics/source.js';
import { Random } from '../../src/eval/random.js';
import { type Magnitude } from '../../src/eval/magnitude.js';
import { buildModel } from '../../src/model/build.js';
import { evaluate } from '../../src/model/evaluate.js';
import { type Model } from '../../src/model/model.js';
import { resolveOverrides } from '../../src/model/overrides.js';
import { parseTemplate } from '../../src/template/load.js';
import { cli, ROOT } from '../helpers.js';

const TEMPLATES = readdirSync(`${ROOT}/templates`).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
const load = (name: string): Model => buildModel(parseTemplate(source(`templates/${name}.yaml`, readFileSync(`${ROOT}/templates/${name}.yaml`, 'utf8')), { name, folder: `${ROOT}/templates` }));

/** Values of every input and quantity computed by the engine before ranges (test/golden/exact-values.json). */
const BEFORE = JSON.parse(readFileSync(`${ROOT}/test/golden/exact-values.json`, 'utf8')) as Record<string, { set: string[]; values: Record<string, number> }>;

describe('the plain run is unchanged', () => {
  it.each(Object.entries(BEFORE))('%s: every value bit for bit as before ranges', (key, { set, values }) => {
    const model = load(key.split(' ')[0]!);
    const r = evaluate(model, resolveOverrides(model, set));
    expect(r.sampled).toBeUndefined();
    for (const [name, v] of Object.entries(values)) expect(Object.is(r.values[model.byName.get(name)!.slot], v), name).toBe(true);
  });

  it.each(TEMPLATES)('%s: with any exact inputs, one-sample arrays give the exact values bit for bit', (name) => {
    const model = load(name);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.5, max: 1, noNaN: true }), { minLength: model.inputs.length, maxLength: model.inputs.length }), (ks) => {
        const set = model.inputs.map((input, k) => `${input.name}=${ks[k]} * (${input.spec.default.text})`);
        let exact;
        try {
          exact = evaluate(model, resolveOverrides(model, set));
        } catch {
          return; // out of bounds: not this property's concern
        }
        const slots = new Array<Magnitude>(model.slotCount).fill(0);
        for (const input of model.inputs) slots[input.slot] = Float64Array.of(exact.values[input.slot]!);
        for (const q of model.quantities) {
          const m = q.compiled.sample(slots, { n: 1, rng: new Random(1) });
          slots[q.slot] = m;
          const one = typeof m === 'number' ? m : m[0]!;
          expect(Object.is(one, exact.values[q.slot]), q.name).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('built-in templates declare ranges', () => {
  it.each(TEMPLATES)('%s declares two to five ranges, each with a comment on why', (name) => {
    const text = readFileSync(`${ROOT}/templates/${name}.yaml`, 'utf8').split('\n');
    const ranges = text.map((l, i) => [l, i] as const).filter(([l]) => /^ {4}range:/.test(l));
    expect(ranges.length).toBeGreaterThanOrEqual(2);
    expect(ranges.length).toBeLessThanOrEqual(5);
    for (const [, i] of ranges) expect(text[i - 1]).toMatch(/^ {4}# Why a range: \S/);
    expect(load(name).inputs.filter((i) => i.range).length).toBe(ranges.length);
  });

  it.each(TEMPLATES)('%s --ranges stays within its bounds at any of several seeds (a tail must not cross min/max)', (name) => {
    const model = load(name);
    for (let seed = 1; seed <= 8; seed++) expect(() => evaluate(model, new Map(), { ranges: true, samples: 50_000, seed })).not.toThrow();
  });

  it.each(TEMPLATES)('%s --ranges: every uncertain value has p5 ≤ value ≤ p95 in its unit', async (name) => {
    const r = await cli([name, '--ranges', '--format', 'json', '--samples', '2000']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { inputs: Record<string, Record<string, unknown>>; outputs: Record<string, Record<string, unknown>>; uncertainty: { inputs: string[] } };
    const model = load(name);
    expect(doc.uncertainty.inputs).toEqual(model.inputs.filter((i) => i.range).map((i) => i.name));
    for (const [k, v] of [...Object.entries(doc.inputs), ...Object.entries(doc.outputs)]) {
      if (v['p5'] === undefined) {
        expect(v['samples'], k).toBeUndefined();
        continue;
      }
      expect(v['samples']).toBe(2000);
      expect(v['p5'] as number).toBeLessThanOrEqual(v['value'] as number);
      expect(v['p95'] as number).toBeGreaterThanOrEqual(v['value'] as number);
    }
    // An input without a range stays exact.
    const exactInput = model.inputs.find((i) => !i.range)!;
    expect(doc.inputs[exactInput.name]!['p5']).toBeUndefined();
  });
});

describe('twitter with ranges', () => {
  it('the table shows the median and the 90% interval in one unit', async () => {
    const r = await cli(['twitter', '--ranges']);
    expect(r.stdout).toMatch(/Tweet QPS +│ [\d,]+ tweets\/s \([\d,]+ – [\d,]+\)/);
  });
  it('the same seed gives the same output; another seed another', async () => {
    const a = await cli(['twitter', '--ranges', '--seed', '42', '--format', 'csv']);
    const b = await cli(['twitter', '--ranges', '--seed', '42', '--format', 'csv']);
    const c = await cli(['twitter', '--ranges', '--seed', '43', '--format', 'csv']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
  });
  it('CSV fills p5, p50, p95 and mean for uncertain rows only', async () => {
    const r = await cli(['twitter', '--set', 'mau=200M to 400M', '--format', 'csv']);
    const rows = r.stdout.trim().split('\r\n').map((l) => l.split(','));
    const mau = rows.find((x) => x[1] === 'mau')!;
    const textSize = rows.find((x) => x[1] === 'text_size')!;
    expect(mau.slice(7).every((c) => c !== '')).toBe(true);
    expect(Number(mau[8])).toBe(Number(mau[3]));
    expect(textSize.slice(7)).toEqual(['', '', '', '']);
  });
  it('--explain names the uncertain inputs and warns that medians do not multiply', async () => {
    const r = await cli(['twitter', '--set', 'mau=200M to 400M', '--explain']);
    expect(r.stdout).toContain('Uncertain inputs: mau (10,000 samples');
    // The note wraps at the terminal's width: compare its words.
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('the median of a product is not the product of the medians');
  });
  it('Markdown shows the interval beside the median', async () => {
    const r = await cli(['twitter', '--ranges', '--format', 'markdown']);
    expect(r.stdout).toMatch(/\| Tweet QPS \| [\d,]+ tweets\/s \([\d,]+ – [\d,]+\) \|/);
  });
});

describe('--samples-out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'estimate-samples-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('writes one column per output and one row per sample', async () => {
    const file = join(dir, 's.csv');
    const r = await cli(['twitter', '--ranges', '--samples', '500', '--samples-out', file], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines.length).toBe(501);
    expect(lines[0]).toContain('tweet_qps (tweet/s)');
    const width = lines[0]!.split(',').length;
    for (const l of lines.slice(1)) expect(l.split(',').every((c) => Number.isFinite(Number(c)))).toBe(true);
    expect(lines[1]!.split(',').length).toBe(width);
  });
  it('refuses a run with nothing uncertain, writing nothing', async () => {
    const file = join(dir, 'none.csv');
    const r = await cli(['twitter', '--samples-out', file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[E0904]');
    expect(existsSync(file)).toBe(false);
  });
});

describe('bad ranges in templates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'estimate-range-errors-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (input: string[], args: string[] = []) => {
    const file = join(dir, 't.yaml');
    writeFileSync(file, ['name: t', 'title: T', 'units: [user]', 'inputs:', '  x:', ...input.map((l) => `    ${l}`), 'quantities:', '  y: x * 2', 'sections:', '  S: [y]', ''].join('\n'));
    return cli([file, ...args], { cwd: dir });
  };
  it.each([
    [['default: 300M user', 'min: 0 to 1 user'], 'E0720', 't.yaml:7:10'],
    [['default: 200M to 400M user'], 'E0720', 't.yaml:6:14'],
    [['default: 300M user', 'range: 300M user'], 'E0721', 't.yaml:7:12'],
    [['default: 300M user', 'range: 1 MB to 2 MB'], 'E0708', 't.yaml:7:12'],
    [['default: 300M user', 'range: 400M to 200M user'], 'E0620', 't.yaml:7:17'],
    [['default: 300M user', 'range: 1 MB to 2 s'], 'E0520', 't.yaml:7:17'],
  ])('%j -> %s at %s', async (input, code, place) => {
    const r = await run(input);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error[${code}]`);
    expect(r.stderr).toContain(place);
  });
  it('a bound is checked in every sample, naming the first that crosses it', async () => {
    const r = await run(['default: 50%', 'range: 80% to 99%', 'max: 100%'], ['--ranges', '--samples', '10000']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E0713]');
    expect(r.stderr).toMatch(/is above its maximum, 100%/);
    expect(r.stderr).toMatch(/in sample [\d,]+ of 10,000/);
  });
});
