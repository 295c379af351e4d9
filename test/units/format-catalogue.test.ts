/** Issue 13, units are entirely data: the formatter reads sizes, display names and plurals from the catalogue. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type UnitDef } from '../../src/units/catalogue.js';
import { Dimension } from '../../src/units/dimension.js';
import { bestUnit, formatQuantity } from '../../src/units/format.js';
import { UnitRegistry } from '../../src/units/registry.js';
import { cli, tempDir } from '../helpers.js';

const TIME = Dimension.base('Time');
const words = (registry: UnitRegistry) => ({ words: true, registry });

describe('durations use the declared sizes', () => {
  it('exactly one declared month prints as 1 month under month: 730 h; by default 730 h is 30.42 days', () => {
    const billing = UnitRegistry.BUILTIN.withSizes({ month: 730 * 3600 });
    expect(formatQuantity(730 * 3600, TIME, undefined, false, words(billing)).text).toBe('1 month');
    expect(formatQuantity(2 * 730 * 3600, TIME, undefined, false, words(billing)).text).toBe('2 months');
    expect(formatQuantity(730 * 3600, TIME, undefined, false, words(UnitRegistry.BUILTIN)).text).toBe('30.42 days');
  });
  it('a declared day of 10^5 s: 2 × 10^5 s is 2 days, and a slow rate is per declared day', () => {
    const napkin = UnitRegistry.BUILTIN.withSizes({ day: 1e5 });
    expect(formatQuantity(2e5, TIME, undefined, false, words(napkin)).text).toBe('2 days');
    expect(formatQuantity(2e5, TIME, undefined, false, words(UnitRegistry.BUILTIN)).text).toBe('2.315 days');
    const perTime = Dimension.NONE.div(TIME);
    expect(formatQuantity(3 / 1e5, perTime, undefined, false, words(napkin)).text).toBe('3 /day');
  });
  it('year: 12 month with 30-day months makes 3 years 1,080 days, printed as 3 years', () => {
    const r = UnitRegistry.BUILTIN.withSizes({ year: 12 * 30 * 86_400 });
    expect(formatQuantity(1080 * 86_400, TIME, undefined, false, words(r)).text).toBe('3 years');
  });
  it('in a template: a quantity of one month under month: 730 h prints 1 month', async () => {
    const dir = tempDir();
    const file = join(dir, 'billing.yaml');
    writeFileSync(file, 'name: billing\ntitle: Billing\nconventions:\n  month: 730 h\ninputs:\n  hours: 730 h\nquantities:\n  period:\n    label: Billing period\n    value: hours\nsections:\n  Result: [period]\n');
    const r = await cli([file, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { outputs: Record<string, { text: string }> }).outputs['period']!.text).toBe('1 month');
  });
});

describe('a new unit is one line of the catalogue', () => {
  const fortnight: UnitDef = { names: ['fortnight', 'fortnights'], dimension: [['Time', 1]], factor: 14 * 86_400, prefixes: 'none', family: 'none', display: 'fortnight', plural: 'fortnights', long: 'fortnight', pick: true };
  const packet: UnitDef = { names: ['pkt', 'packet', 'packets'], dimension: [['packet', 1]], factor: 1, prefixes: 'none', family: 'none', display: 'pkt', plural: 'pkt', long: 'packet' };
  const registry = UnitRegistry.BUILTIN.withUnits([fortnight, packet]);
  it('is read back, chosen for a duration, displayed and pluralised', () => {
    expect(registry.lookup('fortnights')?.factor).toBe(14 * 86_400);
    expect(formatQuantity(28 * 86_400, TIME, undefined, false, words(registry)).text).toBe('2 fortnights');
    expect(formatQuantity(14 * 86_400, TIME, undefined, false, words(registry)).text).toBe('1 fortnight');
    // The built-in registry knows no fortnight: the same value is 28 days.
    expect(formatQuantity(28 * 86_400, TIME, undefined, false, words(UnitRegistry.BUILTIN)).text).toBe('28 days');
  });
  it('a base dimension prints as its display symbol, which keeps its form in the plural', () => {
    const rate = Dimension.base('packet').div(TIME);
    expect(bestUnit(5, rate, registry).text).toBe('pkt/s');
    expect(formatQuantity(5, rate, undefined, false, words(registry)).text).toBe('5 pkt/s');
  });
  it('the built-in request prints as req (from the catalogue) and is never pluralised', () => {
    const rps = Dimension.base('request').div(TIME);
    expect(formatQuantity(23_148, rps, undefined, false, { words: true }).text).toBe('23.15K req/s');
  });
});
