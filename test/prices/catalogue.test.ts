/** The price catalogue (issue 16 part 3): dated and sourced, typed, overridable, and refusing bad files. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, unitScope } from '../../src/eval/compile.js';
import { parse, parseUnit } from '../../src/lang/parser.js';
import { resolveUnit } from '../../src/eval/resolve-unit.js';
import { PRICES, SOURCES, priceText, type PriceDef } from '../../src/prices/catalogue.js';
import { UnitRegistry } from '../../src/units/registry.js';
import { cli, tempDir } from '../helpers.js';

/** What is wrong with a catalogue entry: a missing source or date, a date that is no date. */
function problems(p: PriceDef): string[] {
  const out: string[] = [];
  if (!p.source || !SOURCES.has(p.source)) out.push(`${p.name}: no cited source`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.read) || Number.isNaN(Date.parse(p.read))) out.push(`${p.name}: no date read`);
  if (!(p.amount > 0)) out.push(`${p.name}: no amount`);
  return out;
}

const registryFor = (p: PriceDef) => UnitRegistry.BUILTIN.withCounts([...(p.counts ?? [])]);
const valueOf = (p: PriceDef) => compile(parse({ name: p.name, text: priceText(p) }), unitScope(registryFor(p)));

describe('every price has a source and a date', () => {
  it.each(PRICES.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    expect(problems(p)).toEqual([]);
  });
  it('the check fails on an entry without a source or a date', () => {
    const p = PRICES[0]!;
    expect(problems({ ...p, source: '' })).toEqual([`${p.name}: no cited source`]);
    expect(problems({ ...p, read: '' })).toEqual([`${p.name}: no date read`]);
  });
  it('covers what the issue lists: compute, memory, object storage, block SSD, egress, CDN, inter-zone, inter-region, requests', () => {
    expect(PRICES.map((p) => p.name)).toEqual(expect.arrayContaining(['vcpu', 'memory', 'object_storage', 'block_ssd', 'egress', 'cdn', 'inter_zone', 'inter_region', 'requests_read', 'requests_write']));
  });
});

describe('units and dimensions', () => {
  it.each(PRICES.map((p) => [p.name, p] as const))('%s: money per its basis, shown in a unit of the same dimension', (_name, p) => {
    const c = valueOf(p);
    expect(c.dimension.exponent('Money')).toBe(1);
    expect(c.dimension.exponent('Time')).toBe(p.unit.includes('month') ? -1 : 0);
    expect(c.dimension.exponent('Data')).toBe(p.unit.includes('GB') ? -1 : 0);
    if (p.display) expect(resolveUnit(parseUnit({ name: 'display', text: p.display }), registryFor(p)).dimension.equals(c.dimension)).toBe(true);
  });
  it('a monthly price is per 730-hour month: 1 TB for 730 h at 0.023 USD/GB/month is 23 USD', () => {
    const p = PRICES.find((x) => x.name === 'object_storage')!;
    expect(valueOf(p).run([]) * 1e12 * 730 * 3600).toBeCloseTo(23, 9);
  });
  it('a price per million requests: a billion GETs at 0.4 USD/million cost 400 USD', () => {
    const p = PRICES.find((x) => x.name === 'requests_read')!;
    expect(valueOf(p).run([]) * 1e9).toBeCloseTo(400, 9);
  });
});

function template(dir: string, quantities: string): string {
  const path = join(dir, 't.yaml');
  writeFileSync(path, `name: t\ntitle: T\nunits: [server]\ninputs:\n  stored: 10 TB\n  served: 1 TB/day\nquantities:\n${quantities}\nsections:\n  Cost: [cost]\n`);
  return path;
}

describe('templates read prices as typed constants', () => {
  it('a price per GB used where a price per GB-month is needed is a dimension error', async () => {
    const r = await cli([template(tempDir(), '  cost:\n    value: stored * price.egress\n    unit: USD/month')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E0709');
    expect(r.stderr).toMatch(/t\.yaml:10:11/);
  });
  it('the right basis gives the bill: 10 TB for one billing month at 0.023 USD/GB/billing_month is 230 USD', async () => {
    const r = await cli([template(tempDir(), '  cost:\n    value: stored * price.object_storage\n    unit: USD/billing_month'), '--format', 'json']);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { outputs: { cost: { value: number; unit: string; text: string } }; inputs: Record<string, { help: string }>; conventions: string[] };
    expect(doc.outputs.cost.value).toBeCloseTo(230, 9);
    expect(doc.outputs.cost.unit).toBe('USD/billing_month');
    expect(doc.inputs['price.object_storage']!.help).toBe('0.023 USD/GB/billing_month; S3 storage, read 2026-03-13');
    expect(doc.conventions).toContain('billing_month = 730 h (365 × 24 / 12, the month cloud prices are billed in), not the 30-day month');
  });
  it('a cost per 30-day month is not a cost per billing month: 10 TB for 720 h at 0.023 USD per 730 h is 226.85 USD', async () => {
    const r = await cli([template(tempDir(), '  cost:\n    value: stored * price.object_storage\n    unit: USD/month'), '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { outputs: { cost: { value: number } }; conventions: string[] };
    expect(doc.outputs.cost.value).toBeCloseTo((230 * 720) / 730, 9);
    // The catalogue price is per billing month, so the report states its size even here.
    expect(doc.conventions.join('\n')).toContain('billing_month = 730 h');
  });
  it('an estimate without prices or billing months says nothing about them', async () => {
    const r = await cli([template(tempDir(), '  cost:\n    value: stored * 0.02 USD/GB/month\n    unit: USD/month'), '--format', 'json']);
    expect((JSON.parse(r.stdout) as { conventions: string[] }).conventions.join('\n')).not.toContain('billing');
  });
  it('an unknown price is located at its use, with a suggestion', async () => {
    const r = await cli([template(tempDir(), '  cost: stored * price.object_storag * 730 h')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E0760');
    expect(r.stderr).toMatch(/t\.yaml:8:18/);
    expect(r.stderr).toContain('did you mean `object_storage`?');
  });
  it('a name merely containing "price." is no price', async () => {
    const r = await cli([template(tempDir(), '  cost: stored * myprice.x')]);
    expect(r.stderr).not.toContain('E0760');
  });
});

describe('--prices FILE.yaml', () => {
  const prices = (text: string) => {
    const path = join(tempDir(), 'prices.yaml');
    writeFileSync(path, text);
    return path;
  };
  const memoryCost = async (args: string[]) => {
    const r = await cli(['cache-cluster', '--format', 'json', ...args]);
    expect(r.stderr).toBe('');
    return (JSON.parse(r.stdout) as { outputs: { memory_cost: { value: number } } }).outputs.memory_cost.value;
  };
  it('a negotiated rate replaces the catalogue for the run: half the memory price, half the memory cost', async () => {
    // 2 nodes x 64 GB x 1 USD/GB/month = 128 USD; at 0.5 USD/GB/month, 64 USD.
    expect(await memoryCost([])).toBeCloseTo(128, 9);
    expect(await memoryCost(['--prices', prices('memory: 0.5\n')])).toBeCloseTo(64, 9);
    expect(await memoryCost(['--prices', prices('memory: 0.5 * 12 USD/GB/year\n')])).toBeCloseTo(64, 9);
  });
  it('--set overrides one price as any input', async () => {
    expect(await memoryCost(['--set', 'price.memory=6 USD/GB/year'])).toBeCloseTo(64, 9);
  });
  it('unknown names, wrong units and ranges are located in the file, every one', async () => {
    const r = await cli(['cache-cluster', '--prices', prices('egres: 0.05\nobject_storage: 0.02 USD/GB\nvcpu: 1 to 2\n')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/E0761[^\n]*egres[\s\S]*prices\.yaml:1:1[\s\S]*did you mean `egress`/);
    expect(r.stderr).toMatch(/E0762[^\n]*object_storage` is Money \/ Data, but[\s\S]*prices\.yaml:2:17/);
    expect(r.stderr).toMatch(/E0762[^\n]*vcpu[^\n]*range[\s\S]*prices\.yaml:3:7/);
  });
  it.each([
    ['a list', '- memory\n', 'E0763'],
    ['a single value', '0.5\n', 'E0763'],
    ['a nested value', 'memory: [1, 2]\n', 'E0763'],
    ['YAML that does not parse', 'memory: [1\n', 'E0701'],
    ['a bad expression', 'memory: 0.5 +\n', 'E0201'],
  ])('%s', async (_what, text, code) => {
    const r = await cli(['cache-cluster', '--prices', prices(text)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(code);
    expect(r.stderr).toContain('prices.yaml');
  });
  it('a missing file is a usage error', async () => {
    const r = await cli(['cache-cluster', '--prices', join(tempDir(), 'none.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E0905');
  });
});

describe('estimate ref prices', () => {
  it('prints every price with its unit, source and date, in JSON too', async () => {
    const r = await cli(['ref', 'prices', '--format', 'json']);
    expect(r.stderr).toBe('');
    const card = JSON.parse(r.stdout) as { rows: Record<string, string>[]; notes: string[] };
    expect(card.rows.map((row) => row['Name'])).toEqual(PRICES.map((p) => `price.${p.name}`));
    for (const row of card.rows) {
      expect(row['Price']).toMatch(/^\d[\d.]* USD\//);
      expect(row['Source']).toMatch(/\S/);
      expect(row['Read']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(card.notes.join('\n')).toContain('730-hour month');
    expect(card.notes.join('\n')).toContain('github.com/sirupsen/napkin-math');
  });
});

describe('the billing month is a convention', () => {
  const run = async (t: string, args: string[] = []) => {
    const r = await cli([t, '--format', 'json', ...args]);
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as { outputs: Record<string, { value: number; unit: string }>; conventions: string[] };
  };
  it('cloud-drive, hand-checked: a year of uploads 10M x 2 x 500 KB x 3 x 365 = 10,950 TB at 0.023 = 251,850 USD; downloads 115.74 MB/s x 2,628,000 s = 304,167 GB at 0.09 = 27,375 USD', async () => {
    const o = (await run('cloud-drive')).outputs;
    expect(o['storage_cost_per_month']!.unit).toBe('USD/billing_month');
    expect(o['storage_cost_per_month']!.value).toBeCloseTo(10_950_000 * 0.023, 6);
    expect(o['egress_cost_per_month']!.unit).toBe('USD/billing_month');
    expect(o['egress_cost_per_month']!.value).toBeCloseTo(((10e6 * 2 * 500e3) / 86_400) * 730 * 3600 / 1e9 * 0.09, 6);
  });
  it('video-cdn, hand-checked: 25M views x 300 MB x 0.085 USD/GB = 637,500 USD a day, x 730/24 days = 19,390,625 USD; 821.25 PB at 0.023 = 18,888,750 USD', async () => {
    const o = (await run('video-cdn')).outputs;
    expect(o['catalogue_cdn_cost_per_month']!.unit).toBe('USD/billing_month');
    expect(o['catalogue_cdn_cost_per_month']!.value).toBeCloseTo(637_500 * (730 / 24), 4);
    expect(o['storage_cost_per_month']!.value).toBeCloseTo(821.25e6 * 0.023, 4);
  });
  it('--convention billing_month=720h: a price per billing month stays per billing month; a rate billed over it shrinks by 720/730', async () => {
    const base = (await run('cloud-drive')).outputs;
    const doc = await run('cloud-drive', ['--convention', 'billing_month=720h']);
    expect(doc.outputs['storage_cost_per_month']!.value).toBeCloseTo(base['storage_cost_per_month']!.value, 6);
    expect(doc.outputs['egress_cost_per_month']!.value).toBeCloseTo((base['egress_cost_per_month']!.value * 720) / 730, 6);
    expect(doc.conventions[0]).toBe('billing_month = 720h = 2,592,000 s, set by --convention');
    expect(doc.conventions.join('\n')).not.toContain('billing_month = 730 h');
  });
  it('the billing month is not the month: `month: 2.5M s` leaves it at 730 h', async () => {
    const dir = tempDir();
    const path = join(dir, 't.yaml');
    writeFileSync(path, 'name: t\ntitle: T\nconventions:\n  month: 2.5M s\n  day: 10^5 s\ninputs:\n  n: 1\nquantities:\n  b:\n    value: n * 1 billing_month\n    unit: h\nsections:\n  S: [b]\n');
    const r = await cli([path, '--format', 'json']);
    expect((JSON.parse(r.stdout) as { outputs: { b: { value: number } } }).outputs.b.value).toBe(730);
  });
  it.each([
    ['billing_month=2 GB', 'E0731'],
    ['billing_month=0 h', 'E0731'],
    ['billing_month=1 billing_month', 'E0732'],
  ])('--convention %s is refused (%s)', async (conv, code) => {
    const r = await cli(['cloud-drive', '--convention', conv]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(code);
  });
  it('estimate ref conventions lists the billing month with its source', async () => {
    const r = await cli(['ref', 'conventions', '--format', 'json']);
    const card = JSON.parse(r.stdout) as { rows: Record<string, string>[] };
    const row = card.rows.find((x) => x['Convention'] === 'billing_month: 730 h')!;
    expect(row['Source']).toContain('730 hours');
    expect(row['Size']).toMatchObject({ value: 2_628_000, unit: 's' });
  });
});

describe('every source is one that was read, and dated', () => {
  const TODAY = new Date().toISOString().slice(0, 10);
  it.each(PRICES.map((p) => [p.name, p] as const))('%s: the date is not in the future', (_name, p) => {
    expect(p.read <= TODAY, `${p.read} is after ${TODAY}`).toBe(true);
  });
  it.each([...SOURCES])('%s names the URL or repository path it was read at, and a date', (_short, full) => {
    expect(full).toMatch(/https?:\/\/\S+|github\.com\/[\w.-]+\/[\w.-]+ @ [0-9a-f]{7,}/);
    expect(full).toMatch(/\d{4}-\d{2}-\d{2}|(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/);
  });
  it('the check fails on a source with no address', () => {
    expect('napkin-math, "Cost Numbers" table').not.toMatch(/https?:\/\/\S+|github\.com\/[\w.-]+\/[\w.-]+ @ [0-9a-f]{7,}/);
  });
});
