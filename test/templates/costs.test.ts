/**
 * Every cost over time that a built-in template shows is per billing month (issue 16: "Billing
 * uses a 730-hour month: say so on every cost output"), and the estimate states the billing
 * month's size. A cost per 30-day `month` beside a cloud price would be 1.4% off, unlabelled.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli } from '../helpers.js';

const NAMES = readdirSync(join(ROOT, 'templates')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));

interface Doc {
  outputs: Record<string, { unit: string; dimension: string }>;
  inputs: Record<string, { unit: string; dimension: string }>;
  conventions: string[];
}

describe('costs per billing month', () => {
  it.each(NAMES)('%s', async (name) => {
    const r = await cli([name, '--format', 'json']);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as Doc;
    const perTime = (d: string) => /^Money \/ /.test(d) && d.includes('Time');
    // A cost per day (the book's CDN bill) says its period; one per month must be the billing month.
    const costs = Object.entries(doc.outputs).filter(([, o]) => o.dimension === 'Money / Time' && /month/.test(o.unit));
    for (const [n, o] of costs) expect(o.unit, n).toBe('USD/billing_month');
    // Prices per month are per billing month too, so a bare `--set` number means the same month.
    for (const [n, i] of Object.entries(doc.inputs).filter(([, i]) => perTime(i.dimension) && /month/.test(i.unit))) expect(i.unit, n).toMatch(/billing_month/);
    const billed = costs.length > 0 || Object.values(doc.inputs).some((i) => i.unit.includes('billing_month'));
    expect(doc.conventions.some((c) => c.startsWith('billing_month = 730 h')), 'the billing month is stated').toBe(billed);
  });
});
