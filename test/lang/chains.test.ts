/**
 * A flat chain of operators is not nesting (issue 11, item 4). `1 + 1 + … + 1` is a tree as tall
 * as it is long; every pass walks its left spine in a loop, so a chain is bounded only by the
 * expression's length (65,536 characters, E0104), and gives the same bits as a left fold.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { source, span } from '../../src/diagnostics/source.js';
import { calculate, calculateSampled } from '../../src/eval/calculate.js';
import { compile, evaluateClosed, unitScope } from '../../src/eval/compile.js';
import { type BinaryOp, type Expr } from '../../src/lang/ast.js';
import { parse } from '../../src/lang/parser.js';
import { print, sexpr } from '../../src/lang/printer.js';
import { namesIn } from '../../src/model/build.js';
import { UnitRegistry } from '../../src/units/registry.js';
import { cli, tempDir } from '../helpers.js';

/** `t0 op t1 op t2 …`, left to right, as JavaScript computes it. */
function leftFold(values: readonly number[], ops: readonly BinaryOp[]): number {
  let acc = values[0]!;
  ops.forEach((op, i) => {
    const v = values[i + 1]!;
    acc = op === '+' ? acc + v : op === '-' ? acc - v : op === '*' ? acc * v : acc / v;
  });
  return acc;
}

/**
 * The tree the parser would build for `t0 op t1 op …` with one-character terms, built directly:
 * a 100,000-term chain is 199,999 characters, past the expression length limit the lexer keeps.
 */
function builtChain(terms: readonly string[], op: BinaryOp): { text: string; tree: Expr } {
  const text = terms.join(op);
  const src = source('<expr>', text);
  const leaf = (i: number): Expr => {
    const t = terms[i]!;
    const at = span(src, 2 * i, 2 * i + 1);
    return /^[0-9]$/.test(t) ? { kind: 'number', value: Number(t), span: at } : { kind: 'name', name: t, span: at };
  };
  let tree = leaf(0);
  for (let i = 1; i < terms.length; i++) {
    tree = { kind: 'binary', op, left: tree, right: leaf(i), span: span(src, 0, 2 * i + 1), opSpan: span(src, 2 * i - 1, 2 * i) };
  }
  return { text, tree };
}

const registry = UnitRegistry.BUILTIN;

describe('a 100,000-term chain through every pass', () => {
  const { text, tree } = builtChain(Array<string>(100_000).fill('1'), '+');

  it('checks, lowers and evaluates to exactly 100,000', () => {
    const c = compile(tree, unitScope(registry));
    expect(c.run([])).toBe(100_000);
  });

  it('prints back to its text and to an s-expression', () => {
    expect(print(tree)).toBe(text.replaceAll('+', ' + '));
    expect(sexpr(tree)).toBe('(+ '.repeat(99_999) + '1' + ' 1)'.repeat(99_999));
  });

  it('collects 100,000 different names once each, in reading order', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `n${i}`);
    const src = source('<expr>', names.join('+'));
    let named: Expr = { kind: 'name', name: names[0]!, span: span(src, 0, 1) };
    for (let i = 1; i < names.length; i++) named = { kind: 'binary', op: '+', left: named, right: { kind: 'name', name: names[i]!, span: span(src, 0, 1) }, span: span(src, 0, 1), opSpan: span(src, 0, 1) };
    expect(namesIn(named)).toEqual(names);
  });

  it('runs over samples when the chain reads a quantity: one kernel, not one closure per term', () => {
    const scope = { registry, lookup: (n: string) => (n === 'x' ? { slot: 0, dimension: compile(parse(source('<u>', '1')), unitScope(registry)).dimension } : undefined), names: () => ['x'] };
    const { tree: xs } = builtChain(['x', ...Array<string>(99_999).fill('1')], '+');
    const c = compile(xs, scope);
    const out = c.sample([new Float64Array([0.5, 1.5])], { n: 2, rng: undefined as never });
    expect(Array.from(out as Float64Array)).toEqual([99_999.5, 100_000.5]);
    expect(c.sample([2], { n: 1, rng: undefined as never })).toBe(100_001);
  });
});

describe('chains in calc', () => {
  it('the longest chain the 65,536-character limit admits: 32,768 terms, exactly', async () => {
    const r = await cli(['calc', '--json', Array<string>(32_768).fill('1').join('+')]);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { si: number }).si).toBe(32_768);
    const over = await cli(['calc', Array<string>(32_769).fill('1').join('+')]);
    expect([over.code, over.stderr]).toEqual([1, expect.stringContaining('error[E0104]')]);
  });

  it('a mixed + - chain with units: the left fold of the base values', () => {
    const terms = Array.from({ length: 5_000 }, (_, i) => [`${i % 7} GB`, `${(i % 13) * 10} MB`, `0.${i % 9}5 TB`][i % 3]!);
    const ops = Array.from({ length: terms.length - 1 }, (_, i): BinaryOp => (i % 3 === 1 ? '-' : '+'));
    const text = terms.map((t, i) => (i ? ` ${ops[i - 1]} ${t}` : t)).join('');
    const si = terms.map((t) => {
      const [n, u] = t.split(' ');
      return Number(n) * { GB: 1e9, MB: 1e6, TB: 1e12 }[u!]!;
    });
    expect(calculate(text).si).toBe(leftFold(si, ops));
  });

  it('a mixed * / chain with units keeps its dimension and the left fold', () => {
    const n = 4_000;
    const terms = Array.from({ length: n }, (_, i) => (i === 0 ? '100 MB' : i % 2 ? `${1 + (i % 5) / 10} s` : `${1 + (i % 3) / 10} s`));
    const ops = Array.from({ length: n - 1 }, (_, i): BinaryOp => (i % 2 ? '*' : '/'));
    const text = terms.map((t, i) => (i ? ` ${ops[i - 1]} ${t}` : t)).join('');
    const r = calculate(text);
    expect(r.text).toMatch(/B\/s$/);
    expect(r.si).toBe(leftFold(terms.map((t) => Number(t.split(' ')[0]) * (t.endsWith('MB') ? 1e6 : 1)), ops));
  });

  it('a chain over a range: each sample is the left fold of that sample', () => {
    const ones = ' + 1 MB'.repeat(8_999);
    const chain = calculateSampled(`(1 to 2 MB)${ones}`, { samples: 2_000, seed: 7 });
    const base = calculateSampled('1 to 2 MB', { samples: 2_000, seed: 7 });
    const expected = Array.from(base.samples!, (s) => leftFold([s, ...Array<number>(8_999).fill(1e6)], Array<BinaryOp>(8_999).fill('+')));
    expect(Array.from(chain.samples!)).toEqual(expected);
  });

  it('an error in a long chain points at its own operator', async () => {
    const text = Array<string>(8_000).fill('1 MB').join(' + ') + ' + 1 s';
    const r = await cli(['calc', '--json', text]);
    const e = JSON.parse(r.stderr.split('\n')[0]!) as { code: string; column: number };
    expect([r.code, e.code, e.column]).toEqual([1, 'E0501', text.lastIndexOf('+') + 1]);
  });

  it('real nesting keeps its limit inside a chain: 257 parentheses are E0204', () => {
    expect(() => calculate(`1 + ${'('.repeat(257)}1${')'.repeat(257)} + 1`)).toThrow(/nested too deeply/);
  });

  it('a random flat chain gives the left fold done here, bit for bit (property)', () => {
    const term = fc.integer({ min: 1, max: 100_000 }).map((k) => k / 100);
    const chain = fc.tuple(fc.boolean(), fc.array(term, { minLength: 1, maxLength: 3_000 }), fc.array(fc.boolean(), { minLength: 3_000, maxLength: 3_000 }), fc.constantFrom('', ' MB', ' s'));
    fc.assert(
      fc.property(chain, ([additive, values, picks, unit]) => {
        const ops = values.slice(1).map((_, i): BinaryOp => (additive ? (picks[i] ? '+' : '-') : picks[i] ? '*' : '/'));
        // A product of units would pass the exponent bound: units only on sums.
        const u = additive ? unit : '';
        const factor = u === ' MB' ? 1e6 : 1;
        const text = values.map((v, i) => (i ? ` ${ops[i - 1]} ${v}${u}` : `${v}${u}`)).join('');
        expect(calculate(text).si).toBe(leftFold(values.map((v) => v * factor), ops));
      }),
      { numRuns: 60 },
    );
  });

  it('prints a long chain with parentheses back to the same tree', () => {
    const text = `(1 + 2) * 3 * (4 - 5) / 6 - ${Array<string>(3_000).fill('7 MB').join(' + ')}`.replace('(1 + 2)', '(1 MB + 2 MB)');
    const tree = parse(source('<expr>', text.replace('(4 - 5)', '(4 - 5)')));
    expect(sexpr(parse(source('<expr>', print(tree))))).toBe(sexpr(tree));
    expect(evaluateClosed(compile(tree, unitScope(registry)), 1, 1)).toBe(calculate(print(tree)).si);
  });
});

describe('a chain in a template quantity', () => {
  const dir = tempDir('estimate-chains-');
  const file = join(dir, 'chain.yaml');
  const n = 5_000;
  writeFileSync(
    file,
    [
      'name: chain',
      'title: Chain',
      'units: [user]',
      'inputs:',
      '  a:',
      '    label: A',
      '    default: 1.5 MB',
      '    range: 1 to 2 MB',
      '  u:',
      '    label: U',
      '    default: 1000 user',
      'quantities:',
      '  total:',
      '    label: Total',
      `    value: ${Array<string>(n).fill('a').join(' + ')}`,
      '    unit: GB',
      '  growth:',
      '    label: Growth',
      `    value: u${' * 1.0001'.repeat(n)} / 2`,
      'sections:',
      '  S: [total, growth]',
      '',
    ].join('\n'),
  );

  it('evaluates with --format json and --explain: values, formulas and steps', async () => {
    const r = await cli([file, '--format', 'json', '--explain']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { outputs: Record<string, { si: number }>; steps: { name: string; formula: string; result: string }[] };
    expect(out.outputs['total']!.si).toBe(leftFold(Array<number>(n).fill(1.5e6), Array<BinaryOp>(n - 1).fill('+')));
    expect(out.outputs['growth']!.si).toBe(leftFold([1000, ...Array<number>(n).fill(1.0001), 2], [...Array<BinaryOp>(n).fill('*'), '/']));
    const total = out.steps.find((s) => s.name === 'total')!;
    expect(total.formula).toBe(Array<string>(n).fill('a').join(' + '));
    expect(total.result).toBe('7.5 GB');
  });

  it('explains the chain in the terminal, substituted values and all', async () => {
    const r = await cli([file, '--explain']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('total  = a + a + a');
    expect(r.stdout).toContain('= 1.5 MB + 1.5 MB + 1.5 MB');
    expect(r.stdout).toContain('= 7.5 GB');
  });

  it('samples the chain over the range of its input (--ranges)', async () => {
    const r = await cli([file, '--ranges', '--samples', '2000', '--format', 'json']);
    expect(r.stderr).toBe('');
    const total = (JSON.parse(r.stdout) as { outputs: Record<string, { value: number; unit: string; p5: number; p95: number }> }).outputs['total']!;
    // n × a, a drawn between 1 and 2 MB: 5 GB to 10 GB at the 5th and 95th percentiles.
    expect(total.unit).toBe('GB');
    expect(total.p5).toBeGreaterThan(4.5);
    expect(total.p95).toBeLessThan(10.5);
    expect(total.p5).toBeLessThan(total.value);
    expect(total.value).toBeLessThan(total.p95);
  });
});
