/**
 * Conventions as data, names that shadow units, sig in the display unit, rates without a count,
 * and every quantity in JSON (issue 13).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EstimateError, projectErrors } from '../../src/diagnostics/error.js';
import { source } from '../../src/diagnostics/source.js';
import { buildModel } from '../../src/model/build.js';
import { commandLineConventions } from '../../src/model/conventions.js';
import { evaluate } from '../../src/model/evaluate.js';
import { resolveOverrides } from '../../src/model/overrides.js';
import { parseTemplate } from '../../src/template/load.js';
import { writeFileSync } from 'node:fs';
import { cli, ROOT, tempDir } from '../helpers.js';

/** A template from text: conventions, inputs and quantities; every quantity shown. */
function template(body: string, sections = ''): string {
  return `name: t\ntitle: T\n${body}\nsections:\n  S: [${sections}]\n`;
}

function model(text: string, conventions: string[] = []) {
  return buildModel(parseTemplate(source('t.yaml', text)), { conventions: commandLineConventions(conventions) });
}

/** The value of `name` in `unit`, through the model's registry. */
function valueOf(text: string, name: string, unit: string, conventions: string[] = [], set: string[] = []): number {
  const m = model(text, conventions);
  const r = evaluate(m, resolveOverrides(m, set));
  return r.values[m.byName.get(name)!.slot]! / m.registry.lookup(unit)!.factor;
}

function errorOf(f: () => unknown): EstimateError {
  try {
    f();
  } catch (e) {
    const errs = projectErrors(e);
    if (errs?.[0]) return errs[0];
    throw e;
  }
  throw new Error('expected an error');
}

const YEARS = template('conventions:\n  year: 12 month\ninputs:\n  span: 3 year\nquantities:\n  days:\n    value: span\n    unit: day', 'days');

describe('each convention changes exactly the numbers it should', () => {
  it('`3 year` with `year: 12 month` and 30-day months is 1,080 days', () => {
    expect(valueOf(YEARS, 'days', 'day')).toBe(1080);
  });
  it('without the convention, 3 years are 1,095 days', () => {
    expect(valueOf(YEARS.replace('conventions:\n  year: 12 month\n', ''), 'days', 'day')).toBe(1095);
  });
  it('`day: 10^5 s` sizes /day rates, the week (7 declared days) and the default month (30 declared days)', () => {
    const t = template(
      'conventions:\n  day: 10^5 s\ninputs:\n  searches: 500M /day\n  week_len: 1 week\n  month_len: 1 month\n  hour_len: 1 h\nquantities:\n  qps:\n    value: searches\n    unit: /s',
      'qps',
    );
    const m = model(t);
    const r = evaluate(m, resolveOverrides(m, []));
    const at = (n: string) => r.values[m.byName.get(n)!.slot]!;
    expect(at('qps')).toBe(5000);
    expect(at('week_len')).toBe(7e5);
    expect(at('month_len')).toBe(3e6);
    // s, min and h never change.
    expect(at('hour_len')).toBe(3600);
  });
  it('`month: 2.5M s` sizes the month; the day and the year stay', () => {
    const m = model(template('conventions:\n  month: 2.5M s\ninputs:\n  a: 1 month\n  b: 1 day\n  c: 1 year\nquantities:\n  x:\n    value: a', 'x'));
    const r = evaluate(m, resolveOverrides(m, []));
    expect(r.values[m.byName.get('a')!.slot]).toBe(2.5e6);
    expect(r.values[m.byName.get('b')!.slot]).toBe(86400);
    expect(r.values[m.byName.get('c')!.slot]).toBe(365 * 86400);
  });
  it('`data: binary` makes KB = 1024 B and MB = 1024^2 B; bits and rates stay SI', () => {
    const m = model(template('conventions:\n  data: binary\ninputs:\n  a: 1 KB\n  b: 1 MB\n  c: 1 Mbps\n  d: 1 kilobyte\nquantities:\n  x:\n    value: a', 'x'));
    const r = evaluate(m, resolveOverrides(m, []));
    const at = (n: string) => r.values[m.byName.get(n)!.slot]!;
    expect(at('a')).toBe(1024);
    expect(at('b')).toBe(1024 ** 2);
    expect(at('c')).toBe(1e6 / 8);
    expect(at('d')).toBe(1024);
  });
  it('--convention overrides the template: month=730h', () => {
    const t = template('conventions:\n  month: 2.5M s\ninputs:\n  a: 1 month\nquantities:\n  x:\n    value: a\n    unit: h', 'x');
    expect(valueOf(t, 'x', 'h', ['month=730h'])).toBe(730);
  });
  it('a convention that restates the default is not listed', () => {
    const m = model(template('conventions:\n  day: 86400 s\n  month: 30 day\n  data: si\ninputs:\n  a: 1 month\nquantities:\n  x:\n    value: a', 'x'));
    expect(m.conventions.declared).toEqual([]);
  });
  it('a year may be written in the declared month; the month in the declared day', () => {
    const t = template('conventions:\n  day: 10^5 s\n  year: 12 month\ninputs:\n  a: 1 year\nquantities:\n  x:\n    value: a\n    unit: s', 'x');
    expect(valueOf(t, 'x', 's')).toBe(12 * 30 * 1e5);
  });
});

describe('bad conventions are refused where they are written', () => {
  it('an unknown key names the known ones (E0730)', () => {
    const e = errorOf(() => model(template('conventions:\n  week: 5 day\ninputs:\n  a: 1\nquantities:\n  x:\n    value: a', 'x')));
    expect(e.code).toBe('E0730');
    expect(e.details.help?.join(' ')).toContain('a week is always 7 declared days');
  });
  it('a value of the wrong dimension (E0731)', () => {
    expect(errorOf(() => model(template('conventions:\n  month: 5 MB\ninputs:\n  a: 1\nquantities:\n  x:\n    value: a', 'x'))).code).toBe('E0731');
    expect(errorOf(() => model(template('conventions:\n  data: decimal\ninputs:\n  a: 1\nquantities:\n  x:\n    value: a', 'x'))).code).toBe('E0731');
    expect(errorOf(() => model(template('conventions:\n  day: 0 s\ninputs:\n  a: 1\nquantities:\n  x:\n    value: a', 'x'))).code).toBe('E0731');
    expect(errorOf(() => model(template('conventions:\n  day: 20 to 30 h\ninputs:\n  a: 1\nquantities:\n  x:\n    value: a', 'x'))).code).toBe('E0731');
  });
  it('a convention written in a unit it defines, or a later one (E0732)', () => {
    expect(errorOf(() => model(template('conventions:\n  day: 1 week\ninputs:\n  a: 1\nquantities:\n  x:\n    value: a', 'x'))).code).toBe('E0732');
    expect(errorOf(() => model(template('conventions:\n  month: 1/12 year\ninputs:\n  a: 1\nquantities:\n  x:\n    value: a', 'x'))).code).toBe('E0732');
    expect(errorOf(() => model(template('conventions:\n  year: 1 year\ninputs:\n  a: 1\nquantities:\n  x:\n    value: a', 'x'))).code).toBe('E0732');
  });
  it('--convention without name=value is a usage error (E0950)', () => {
    expect(errorOf(() => commandLineConventions(['month'])).code).toBe('E0950');
    expect(errorOf(() => commandLineConventions(['=3'])).code).toBe('E0950');
  });
  it('on the command line: exit 2 for a malformed option, 1 for a bad value', async () => {
    expect((await cli(['crawler', '--convention', 'month'])).code).toBe(2);
    const r = await cli(['crawler', '--convention', 'month=5 MB']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E0731');
  });
});

describe('explanations use the declared day', () => {
  it('a per-second rate is shown per declared day first: 500M search/day = 5,000 search/s', async () => {
    const r = await cli(['test/fixtures/published/sdi2-proximity.yaml', '--explain']);
    expect(r.stdout).toContain('= 500M search/day = 5,000 search/s  (under day: 10^5 s)');
  });
});

describe('the crawler declares its book\'s year', () => {
  it('5-year storage is the book\'s 30 PB, and the table says under which convention', async () => {
    const r = await cli(['crawler']);
    expect(r.stdout).toMatch(/Storage over the retention │ 30 PB/);
    expect(r.stdout).toContain('Conventions: year = 12 month = 31,104,000 s, declared by the template.');
  });
  it('--explain names the convention after each number it changed', async () => {
    const r = await cli(['crawler', '--explain']);
    expect(r.stdout).toContain('= 30 PB  (under year: 12 month)');
    expect(r.stdout).not.toMatch(/page\/s {2}\(under/);
  });
  it('--convention year="365 day" brings back the default and 30.42 PB', async () => {
    const r = await cli(['crawler', '--convention', 'year=365 day', '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { outputs: Record<string, { value: number }>; conventions: string[] };
    expect(doc.outputs['storage']!.value).toBeCloseTo(30.416666666666668, 9);
    expect(doc.conventions[0]).toBe('month = 30 days, year = 365 days');
    const r2 = await cli(['crawler', '--convention', 'year=360 day', '--format', 'json']);
    expect((JSON.parse(r2.stdout) as { conventions: string[] }).conventions[0]).toBe('year = 360 day = 31,104,000 s, set by --convention');
  });
  it('the other built-in templates have no conventions line under their tables', async () => {
    for (const t of ['twitter', 'url-shortener', 'cloud-drive', 'autocomplete', 'video-cdn']) {
      expect((await cli([t])).stdout).not.toContain('Conventions:');
    }
  });
});

describe('a template\'s names may be unit names', () => {
  const T = template(
    'units: [user]\ninputs:\n  users: 100mil user\n  requests: 5 req/user/day\nquantities:\n  qps:\n    value: users * requests\n    unit: qps\n  twice:\n    value: 2 * qps + 100 qps\n    unit: req/s',
    'qps, twice',
  );
  it('a bare name is the quantity; after a number it is the unit', () => {
    expect(valueOf(T, 'qps', 'qps')).toBeCloseTo(5e8 / 86400, 9);
    expect(valueOf(T, 'twice', 'qps')).toBeCloseTo((2 * 5e8) / 86400 + 100, 9);
  });
  it('--set sets the shadowing input', () => {
    expect(valueOf(T, 'qps', 'qps', [], ['users=200M'])).toBeCloseTo(1e9 / 86400, 9);
  });
  it('functions, magnitudes and keywords still cannot name a quantity', () => {
    for (const n of ['min', 'ceil', 'M', 'mil', 'per']) {
      expect(errorOf(() => model(template(`inputs:\n  a: 1\nquantities:\n  ${n}:\n    value: a`, n))).code, n).toBe('E0706');
    }
  });
});

describe('sig counts figures in the quantity\'s unit', () => {
  it('sig(x, 2) of 364 GB/day is 360 GB/day, not a rounding of bytes per second', () => {
    const t = template('inputs:\n  daily: 364 GB/day\nquantities:\n  rounded:\n    value: sig(daily, 2)\n    unit: GB/day', 'rounded');
    expect(valueOf(t, 'rounded', 'GB') * 86400).toBeCloseTo(360, 9);
  });
  it('a third argument names another unit', () => {
    const t = template('inputs:\n  daily: 364 GB/day\nquantities:\n  rounded:\n    value: sig(daily, 1, TB/day)\n    unit: GB/day', 'rounded');
    // 0.364 TB/day to one figure is 0.4 TB/day.
    expect(valueOf(t, 'rounded', 'GB') * 86400).toBeCloseTo(400, 9);
    const t2 = template('inputs:\n  daily: 364 GB/day\nquantities:\n  rounded:\n    value: sig(daily, 2, MB/s)\n    unit: GB/day', 'rounded');
    expect(valueOf(t2, 'rounded', 'MB')).toBeCloseTo(4.2, 9);
  });
  it('the explanation shows the unit the figures are counted in', async () => {
    const r = await cli(['test/fixtures/published/primer-sales-rank.yaml', '--explain']);
    expect(r.stdout).toContain('sig(transaction_size_sum, 1, B/transaction)');
  });
});

describe('an input written as a rate without a count keeps its unit', () => {
  const T = template('inputs:\n  writes: 10M /month\n  size: 5 KB\nquantities:\n  store:\n    value: writes * size\n    unit: GB/month', 'store');
  it('`--set writes=20M` is 20M per month', () => {
    expect(valueOf(T, 'store', 'GB', [], ['writes=20M']) * 30 * 86400).toBeCloseTo(100, 9);
  });
  it('it is shown per month, not as 3.858 /s', async () => {
    const dir = tempDir();
    writeFileSync(`${dir}/w.yaml`, T);
    const r = await cli([`${dir}/w.yaml`, '--set', 'writes=20M']);
    expect(r.stdout).toContain('20M /month (set)');
  });
});

describe('JSON has every quantity', () => {
  it('a quantity in no section is there with shown: false', async () => {
    const r = await cli(['test/fixtures/published/primer-twitter.yaml', '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { outputs: Record<string, { shown?: boolean; value: number; unit: string }> };
    expect(doc.outputs['tweet_size']).toMatchObject({ shown: false, value: 10, unit: 'KB/tweet' });
    expect(doc.outputs['qps']!.shown).toBeUndefined();
  });
});

describe('a source\'s rounded chain, reproduced with sig', () => {
  it('sdi2 stock exchange: sig(qps, 2) * 5 is the notes\' 215,000, beside the exact 213,675', () => {
    const text = readFileSync(`${ROOT}test/fixtures/published/sdi2-stock-exchange.yaml`, 'utf8');
    expect(valueOf(text, 'peak_qps_as_written', 'qps')).toBeCloseTo(215000, 6);
    expect(valueOf(text, 'peak_qps', 'qps')).toBeCloseTo(5e9 / (6.5 * 3600), 6);
  });
});
