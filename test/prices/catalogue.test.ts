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
  it('the right basis gives the bill: 10 TB for one 730-hour month at 0.023 USD/GB/month is 230 USD', async () => {
    const r = await cli([template(tempDir(), '  cost:\n    value: stored * price.object_storage * 730 h\n    unit: USD'), '--format', 'json']);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { outputs: { cost: { value: number } }; inputs: Record<string, { help: string }>; conventions: string[] };
    expect(doc.outputs.cost.value).toBeCloseTo(230, 9);
    expect(doc.inputs['price.object_storage']!.help).toMatch(/0\.023 USD\/GB\/month \(730-hour month\); AWS S3, read \d{4}-\d{2}-\d{2}/);
    expect(doc.conventions.join('\n')).toContain('billing month = 730 h');
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
    expect(card.notes.join('\n')).toContain('730 h month');
    expect(card.notes.join('\n')).toContain('github.com/sirupsen/napkin-math');
  });
});
