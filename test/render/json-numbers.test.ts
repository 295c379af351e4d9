/**
 * readers F11: JSON values carried the residue of unit conversion (`400.00000000000006` for a
 * server price written as $400, `29.999999999999996` for a book's 30 TB/day) where CSV writes 400
 * and 30. Every figure of the JSON report has at most 15 significant digits, as CSV; only `si`
 * keeps the engine's exact double (scripts check sums bit for bit against it).
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

/** Every number in a JSON document, with the key it sits under. */
function numbers(v: unknown, key = '', out: [string, number][] = []): [string, number][] {
  if (typeof v === 'number') {
    if (key !== 'si') out.push([key, v]);
  }
  else if (Array.isArray(v)) v.forEach((x) => numbers(x, key, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) numbers(x, k, out);
  return out;
}

describe('JSON numbers carry at most 15 significant digits (readers F11)', () => {
  it('ad-click: the $400 server price reads back as 400, not 400.00000000000006', async () => {
    const r = await cli(['ad-click', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { inputs: Record<string, { value: number }> };
    expect(doc.inputs['server_price']!.value).toBe(400);
    for (const [key, n] of numbers(doc)) expect(Number(n.toPrecision(15)), key).toBe(n);
  });
  it('an uncertain run rounds p5, p95 and mean the same way', async () => {
    const r = await cli(['twitter', '--ranges', '--format', 'json', '--samples', '2000']);
    expect(r.code).toBe(0);
    const found = numbers(JSON.parse(r.stdout));
    expect(found.some(([k]) => k === 'p95')).toBe(true);
    for (const [key, n] of found) expect(Number(n.toPrecision(15)), key).toBe(n);
  });
});
