import { calculate } from '../../src/eval/calculate.js';
import { describe, expect, it } from 'vitest';
import { source } from '../../src/diagnostics/source.js';
import { EstimateError } from '../../src/diagnostics/error.js';
import { parse } from '../../src/lang/parser.js';
import { print, sexpr } from '../../src/lang/printer.js';

const p = (text: string) => sexpr(parse(source('<expr>', text)));

describe('parser: [source, s-expression]', () => {
  const table: [string, string][] = [
    ['42', '42'],
    ['3.5', '3.5'],
    ['1e6', '1000000'],
    ['1_000_000', '1000000'],
    ['1,000,000', '1000000'],
    ['3,472.5', '3472.5'],
    ['010', '10'],
    ['.5', '0.5'],
    ['2.5k', '2500'],
    ['2.5K', '2500'],
    ['300M', '300000000'],
    ['1.5bn', '1500000000'],
    ['1.1M', '1100000'],
    ['2T', '2000000000000'],
    ['1.5 billion', '1500000000'],
    ['2 thousand', '2000'],
    ['3 million', '3000000'],
    ['1 trillion', '1000000000000'],
    ['10%', '10%'],
    ['7 %', '7%'],
    ['300 MB', '(q 300 MB)'],
    ['300MB', '(q 300 MB)'],
    ['300M user', '(q 300000000 user)'],
    ['$0.02', '(q 0.02 USD)'],
    ['$0.02/GB', '(/ (q 0.02 USD) GB)'],
    ['2 s^2', '(q 2 (^ s 2))'],
    ['2 s^-1', '(q 2 (^ s -1))'],
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['(1 + 2) * 3', '(* (+ 1 2) 3)'],
    // Ranges: `to` binds tighter than * and looser than unary minus and ^; a unit after the
    // high end belongs to that end; `to` before a unit is still a conversion.
    ['200M to 400M user', '(to 200000000 (q 400000000 user))'],
    ['1 MB to 3 MB', '(to (q 1 MB) (q 3 MB))'],
    ['1 to 3 MB', '(to 1 (q 3 MB))'],
    ['200M to 400M * 2 / day', '(/ (* (to 200000000 400000000) 2) day)'],
    ['2 * 1 to 3', '(* 2 (to 1 3))'],
    ['-1 to 2^3', '(to (neg 1) (^ 2 3))'],
    ['1 to -1', '(to 1 (neg 1))'],
    ['$1 to $3', '(to (q 1 USD) (q 3 USD))'],
    ['5% to 15%', '(to 5% 15%)'],
    ['1 to 3 MB -> GB', '(-> (to 1 (q 3 MB)) GB)'],
    ['1 to 3 MB to GB', '(-> (to 1 (q 3 MB)) GB)'],
    ['x to PB', '(-> x PB)'],
    ['x to /s', '(-> x (/ 1 s))'],
    ['x -> 1/s', '(-> x (/ 1 s))'],
    ['0.5 to 1 / day', '(/ (to 0.5 1) day)'],
    ['1 MB to 1 GB', '(to (q 1 MB) (q 1 GB))'],
    ['0.5 to 1', '(to 0.5 1)'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['8 / 4 / 2', '(/ (/ 8 4) 2)'],
    ['2 ^ 3 ^ 2', '(^ 2 (^ 3 2))'],
    ['-2 ^ 2', '(neg (^ 2 2))'],
    ['-x * 2', '(* (neg x) 2)'],
    ['2 * -3', '(* 2 (neg 3))'],
    ['2 per day', '(/ 2 day)'],
    ['50 GB / 2 s', '(/ (q 50 GB) (q 2 s))'],
    ['2 tweet/user/day', '(/ (/ (q 2 tweet) user) day)'],
    ['x + 20%', '(+ x 20%)'],
    ['max(1,5)', '(max 1 5)'],
    ['max(1, 2, 3)', '(max 1 2 3)'],
    ['ceil(x / 2)', '(ceil (/ x 2))'],
    ['1 GiB -> MB', '(-> (q 1 GiB) MB)'],
    ['1 GiB in MB', '(-> (q 1 GiB) MB)'],
    ['1 GiB to MB', '(-> (q 1 GiB) MB)'],
    ['x -> TB/day', '(-> x (/ TB day))'],
    ['x -> /s', '(-> x (/ 1 s))'],
    ['x -> %', '(-> x %)'],
    ['x -> USD per GB', '(-> x (/ USD GB))'],
    ['2 × 3', '(* 2 3)'],
    ['6 ÷ 3', '(/ 6 3)'],
    ['5 − 3', '(- 5 3)'],
    ['1\u00a0MB', '(q 1 MB)'],
    ['3 µs', '(q 3 µs)'],
  ];
  it.each(table)('%s', (src, expected) => {
    expect(p(src)).toBe(expected);
  });
});

describe('parser errors point at the offending text', () => {
  const cases: [string, string, number, number][] = [
    // source, code, start, end
    ['1 +', 'E0201', 3, 3],
    ['', 'E0103', 0, 0],
    ['   ', 'E0103', 0, 3],
    ['(1 + 2', 'E0202', 6, 6],
    ['1 + 2)', 'E0203', 5, 6],
    ['1 # 2', 'E0101', 2, 3],
    ['1,5', 'E0102', 0, 3],
    ['1.000.000', 'E0102', 0, 9],
    ['1 000 000', 'E0102', 2, 5],
    ["1'000", 'E0102', 1, 2],
    ['1__000', 'E0102', 1, 2],
    ['1000_', 'E0102', 4, 5],
    ['_1000', 'E0102', 0, 1],
    ['１２', 'E0101', 0, 1],
    ['1.5B users', 'E0303', 0, 4],
    ['1 to 2 to 3', 'E0205', 7, 9],
    ['1 to 2 to', 'E0205', 9, 9],
    ['x to (', 'E0201', 6, 6],
    ['%', 'E0206', 0, 1],
    ['1 MB -> PB + 1', 'E0203', 11, 12],
    ['1, 2', 'E0203', 1, 2],
    ['2 s^1.5', 'E0504', 4, 7],
  ];
  it.each(cases)('%j -> %s', (src, code, start, end) => {
    try {
      parse(source('<expr>', src));
      expect.unreachable('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(EstimateError);
      const err = e as EstimateError;
      expect(err.code).toBe(code);
      expect([err.span?.start, err.span?.end]).toEqual([start, end]);
    }
  });

  it('refuses 100,000 nested parentheses without overflowing the stack', () => {
    const src = '('.repeat(100_000) + '1' + ')'.repeat(100_000);
    expect(() => parse(source('<expr>', src))).toThrow(EstimateError);
    try {
      parse(source('<expr>', src));
    } catch (e) {
      expect(['E0104', 'E0204']).toContain((e as EstimateError).code);
    }
  });

  it('refuses deep nesting within the length limit', () => {
    const src = '('.repeat(5000) + '1' + ')'.repeat(5000);
    expect(() => parse(source('<expr>', src))).toThrow(/nested too deeply/);
  });

  it('a chain of 20,000 additions is not nesting: it evaluates (it was E0207, too many terms)', () => {
    const src = Array.from({ length: 20_000 }, () => '1').join('+');
    expect(calculate(src).si).toBe(20_000);
  });

  it('a flat chain is not nesting: 257 and 1,024 terms evaluate', () => {
    expect(calculate(Array.from({ length: 257 }, () => '1').join('+')).si).toBe(257);
    expect(calculate(Array.from({ length: 1024 }, () => '1 MB').join(' + ')).text).toBe('1,024 MB');
    expect(calculate(Array.from({ length: 600 }, (_, i) => (i % 2 ? '2' : '1')).join('*')).si).toBe(2 ** 300);
  });

  it('real nesting keeps its limit: 257 parentheses, unary minus signs, powers or calls', () => {
    const cases = ['('.repeat(257) + '1' + ')'.repeat(257), '-'.repeat(257) + '1', Array(258).fill('1').join('^'), 'abs('.repeat(257) + '1' + ')'.repeat(257)];
    for (const src of cases) expect(() => parse(source('<expr>', src)), src.slice(0, 8)).toThrow(/nested too deeply/);
    expect(calculate('('.repeat(200) + '1' + ')'.repeat(200)).si).toBe(1);
  });

  it('refuses 1 MB of input with a length error', () => {
    expect(() => parse(source('<expr>', '1'.repeat(1 << 20)))).toThrow(/too long/);
  });
});

describe('printer', () => {
  const cases = ['1 + 2 * 3', '(1 + 2) * 3', '2 ^ 3 ^ 2', '(2 ^ 3) ^ 2', '-(1 + 2)', '(-2) ^ 2', '300 MB / 2 s', 'x + 20%', 'max(1, 2) -> MB', '(2 s) ^ 2'];
  it.each(cases)('prints %s back to the same tree', (src) => {
    const tree = parse(source('<expr>', src));
    expect(sexpr(parse(source('<expr>', print(tree))))).toBe(sexpr(tree));
  });
});
