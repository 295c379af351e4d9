import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EstimateError, EstimateErrors } from '../../src/diagnostics/error.js';
import { source } from '../../src/diagnostics/source.js';
import { buildModel } from '../../src/model/build.js';
import { evaluate } from '../../src/model/evaluate.js';
import { parseTemplate } from '../../src/template/load.js';
import { cli, tempDir } from '../helpers.js';
import { RUNS } from './arbitraries.js';

const fragment = fc.oneof(
  fc.constantFrom('name: t\n', 'title: T\n', 'units: [user]\n', 'inputs:\n', 'quantities:\n', 'sections:\n', '  S: [a]\n', '  S: [b, x]\n'),
  fc.constantFrom('  a: 1\n', '  a: 300M user\n', '  b: a * 2\n', '  b: b + 1\n', '  c: a + 1 MB\n', '  x:\n    default: 5%\n    min: 0%\n', '    max: 1\n', '    unit: TB\n'),
  fc.constantFrom('&x ', '*x', '!!binary ', '<<: ', '? [a]\n', '- ', '---\n', '%YAML 1.1\n', '\t', '{', '}', '[', ']', '"', "'", '#', ': ', '__proto__: 1\n', 'constructor: {}\n'),
  fc.string({ maxLength: 8 }),
);

/** Loading and evaluating a template: only the project's errors may escape. */
function loadOrRefuse(text: string): void {
  const t0 = performance.now();
  try {
    evaluate(buildModel(parseTemplate(source('fuzz.yaml', text))));
  } catch (e) {
    if (!(e instanceof EstimateError) && !(e instanceof EstimateErrors)) throw e;
  }
  expect(performance.now() - t0).toBeLessThan(2000);
}

describe('template loader fuzzing', () => {
  it('random YAML fragments load, or are refused with the project error', () => {
    fc.assert(fc.property(fc.array(fragment, { maxLength: 25 }), (parts) => loadOrRefuse(parts.join(''))), { numRuns: RUNS });
  });
  it('keys named __proto__ or constructor do not pollute prototypes', () => {
    loadOrRefuse('name: t\ntitle: T\n__proto__: {polluted: yes}\ninputs:\n  constructor: 1\n  __proto__: 2\nquantities:\n  b: 1\nsections:\n  S: [b]\n');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});

describe('command-line fuzzing', () => {
  const cwd = tempDir('estimate-fuzz-');
  const arg = fc.oneof(
    fc.constantFrom('twitter', 'crawler', 'nope', '../etc/passwd', '/etc', '.hidden', 'calc', 'list', 'show', 'ref', '--set', '-s', 'mau=1bn', 'mau', '=', 'mau=1 GB'),
    fc.constantFrom('--format', 'json', 'csv', 'xml', '--explain', '--json', '--to', 'PB', '--units', 'user,', '1 +', '300M * 2', '-V', '--help', '--bogus', '-', '--'),
    fc.string({ maxLength: 6 }),
  );
  it('random argument lists end with 0, 1 or 2 and never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arg, { maxLength: 6 }), async (args) => {
        const t0 = performance.now();
        const r = await cli(args, { cwd });
        expect([0, 1, 2]).toContain(r.code);
        expect(r.stderr).not.toContain('E9999');
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(performance.now() - t0).toBeLessThan(2000);
      }),
      { numRuns: RUNS },
    );
  });
});
