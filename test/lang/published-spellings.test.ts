/**
 * Published estimates as their sources write them (readers findings, session 3): capital rate
 * units, capitalised magnitude words, multipliers, hyphenated unit products, and the hints given
 * where a source's spelling means something else here.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EstimateError } from '../../src/diagnostics/error.js';
import { calculate } from '../../src/eval/calculate.js';
import { UnitRegistry } from '../../src/units/registry.js';
// Imported here, not inside a test: its afterAll that removes the temp folders registers on load.
import { cli, tempDir } from '../helpers.js';

function fails(text: string, registry?: UnitRegistry): EstimateError {
  try {
    calculate(text, registry ? { registry } : {});
  } catch (e) {
    if (e instanceof EstimateError) return e;
    throw e;
  }
  throw new Error(`expected ${text} to fail`);
}

const si = (text: string, registry?: UnitRegistry) => calculate(text, registry ? { registry } : {}).si;
const TWEETS = UnitRegistry.BUILTIN.withCounts(['tweet']);

describe('F3: rate units in capitals, as sources write them', () => {
  it.each([
    ['48000 QPS', 48000],
    ['7000 RPS', 7000],
  ])('%s is the same rate as the lower-case unit', (text, value) => {
    expect(si(text)).toBe(value);
    expect(calculate(`${text} -> req/s`).value).toBe(value);
    expect(si(text)).toBe(si(text.toLowerCase()));
  });
  it('TPS is not a unit: the error says how to declare transactions', () => {
    const e = fails('1mil TPS');
    expect(e.code).toBe('E0301');
    expect((e.details.help ?? []).join('\n')).toContain('units: [transaction]');
  });
  it('DAU is not a unit: the error says to declare users', () => {
    const e = fails('500M DAU');
    expect(e.code).toBe('E0301');
    expect((e.details.help ?? []).join('\n')).toContain('500M user');
  });
});

describe('F10: msec, usec, nsec as Dean and High Scalability write them', () => {
  it.each([
    ['10 msec', 10e-3],
    ['250 usec', 250e-6],
    ['100 nsec', 100e-9],
  ])('%s is %d s', (text, value) => {
    expect(si(text)).toBeCloseTo(value, 15);
  });
});

describe('F20: magnitude words spelled out in any prose case', () => {
  it.each([
    ['2 Million', 2e6],
    ['2 MILLION', 2e6],
    ['3 Billion', 3e9],
    ['4 Thousand', 4e3],
    ['5 Trillion', 5e12],
    ['1.5 Billion', 1.5e9],
  ])('%s is %d', (text, value) => {
    expect(si(text)).toBe(value);
  });
  it('`2 Million tweet/s` is two million tweets a second, not an error blaming the unit', () => {
    expect(si('2 Million tweet/s', TWEETS)).toBe(2e6);
  });
  it('mixed case that prose never uses stays unknown (`mIllion`)', () => {
    expect(fails('2 mIllion').code).toBe('E0301');
  });
});

describe('F2: multipliers as sources write them (`14x L1 cache`, `peak = 5x`, `3×`)', () => {
  it.each([
    ['14x', 14],
    ['30X', 30],
    ['5x * 100', 500],
    ['3×', 3],
    ['(2 + 3×) * 2', 10],
    ['1.5x', 1.5],
  ])('%s is %d', (text, value) => {
    expect(si(text)).toBe(value);
  });
  it('a multiplier keeps a rate\'s dimension: 100 req/s * 5x is 500 req/s', () => {
    expect(calculate('100 req/s * 5x').text).toBe('500 req/s');
  });
  it('`3x to 5x` is a range of factors', () => {
    expect(calculate('3x to 5x').dimension).toBe('Scalar');
  });
  it('`3×5` still multiplies, and a lone `×` at the end is still an error', () => {
    expect(si('3×5')).toBe(15);
    expect(fails('3 ×').code).toBe('E0201');
  });
  it('in a template, an input `5x` is 5; with a quantity named `x`, `2x` stays the E0306 error', async () => {
    const dir = tempDir();
    writeFileSync(`${dir}/peak.yaml`, 'name: peak\ntitle: Peak\ninputs:\n  avg: 100 req/s\n  peak_factor: 5x\nquantities:\n  peak:\n    label: Peak\n    value: avg * peak_factor\nsections:\n  S: [peak]\n');
    const ok = await cli([`${dir}/peak.yaml`, '--format', 'json']);
    expect(ok.stderr).toBe('');
    expect((JSON.parse(ok.stdout) as { outputs: Record<string, { si: number }> }).outputs['peak']!.si).toBe(500);
    writeFileSync(`${dir}/x.yaml`, 'name: xq\ntitle: X\ninputs:\n  x: 3\nquantities:\n  y:\n    label: Y\n    value: 2x\nsections:\n  S: [y]\n');
    const bad = await cli([`${dir}/x.yaml`]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('E0306');
  });
});

const helpOf = (text: string, registry?: UnitRegistry) => {
  const e = fails(text, registry);
  return { code: e.code, help: (e.details.help ?? []).join('\n') };
};

describe('F9: `GB-month` as cloud price pages write it', () => {
  it('`$0.023 per GB-month` is still a subtraction error, whose help shows the unit product and the price', () => {
    const { code, help } = helpOf('$0.023 per GB-month');
    expect(code).toBe('E0501');
    expect(help).toContain('`GB*month`');
    expect(help).toContain('`USD/GB/month`');
  });
  it('the written form works: 0.023 USD/GB/month * 100 GB * 1 month is 2.3 USD', () => {
    expect(si('0.023 USD/GB/month * 100 GB * 1 month')).toBeCloseTo(2.3, 12);
  });
  it('a subtraction with spaces gets no such help', () => {
    expect(helpOf('1 GB - 1 month').help).not.toContain('unit product');
  });
});

describe('F5: `256K` meaning 256 KB (Jeff Dean)', () => {
  it('when the dimension error is about Data, the help names `256K` and suggests `256 KB`', () => {
    const { code, help } = helpOf('10 ms + 256K / (30 MB/s)');
    expect(code).toBe('E0501');
    expect(help).toContain('`256 KB`');
    expect(helpOf('256K + 1 MB').help).toContain('`256 KB`');
  });
  it('an error that has nothing to do with Data gets no such help', () => {
    expect(helpOf('256K + 1 s').help).not.toContain('KB');
  });
});

describe('F7: `30m` meaning 30 minutes (napkin-math)', () => {
  it('`1 day + 30m` is an error whose help says `30m` is metres and minutes are `30 min`', () => {
    const { code, help } = helpOf('1 day + 30m');
    expect(code).toBe('E0501');
    expect(help).toContain('`30 min`');
  });
  it('`24h / 60m -> min` names `60m` too', () => {
    expect(helpOf('24h / 60m -> min').help).toContain('`60 min`');
  });
  it('`book: 30m` of a duration names it in the template error', async () => {
    const file = `${tempDir()}/m.yaml`;
    writeFileSync(file, 'name: m\ntitle: M\ninputs:\n  seek: 10 ms\nquantities:\n  hdd:\n    label: HDD\n    value: seek\n    book: 30m\nsections:\n  S: [hdd]\n');
    const r = await cli([file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E0708');
    expect(r.stderr).toContain('`30 min`');
  });
});

describe('F10: `~` and `≈` before a number in an expression', () => {
  it.each(['~1000', '≈ 10^5 s', '2 * ~3'])('`%s` is E0101 with a help to drop the sign', (text) => {
    const { code, help } = helpOf(text);
    expect(code).toBe('E0101');
    expect(help).toContain('drop it');
  });
});
