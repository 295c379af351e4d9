/** Issue 13, `--explain` shows the step inside a call: `ceil(log(365bn urls / url, 62))` then `ceil(6.451)`, then 7. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

interface Step {
  name: string;
  substituted: string;
  inner?: string[];
  result: string;
}
async function steps(args: string[]): Promise<Map<string, Step>> {
  const r = await cli([...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  return new Map((JSON.parse(r.stdout) as { steps: Step[] }).steps.map((s) => [s.name, s]));
}

const CALLS = `name: calls
title: Calls
units: [server]
inputs:
  load: 6944 req/s
  capacity: 1000 req/s/server
  daily: 364.4 GB/day
  year_now: 2026
  growth: 1.475
quantities:
  servers:
    label: Servers
    value: ceil(load / capacity)
  floored:
    label: Floored
    value: floor(year_now + growth)
  rounded:
    label: Rounded
    value: round(load / capacity)
  figures:
    label: Two figures
    value: sig(daily, 2, GB/day)
    unit: GB/day
  nested:
    label: Nested
    value: max(ceil(load / capacity), min(floor(growth), 3) * 1 server)
  plain:
    label: No call
    value: load * 2
sections:
  Result: [servers, floored, rounded, figures, nested, plain]
`;

describe('the value inside a call', () => {
  it('ceil(log(...)) shows the log before the ceiling, in JSON, the table and Markdown', async () => {
    const s = (await steps(['url-shortener'])).get('code_length')!;
    expect(s.substituted).toBe('ceil(log(365bn urls / url, 62))');
    expect(s.inner).toEqual(['ceil(6.451)']);
    expect(s.result).toBe('7');
    const table = (await cli(['url-shortener', '--explain'])).stdout;
    expect(table).toMatch(/code_length += ceil\(log\(records \/ url, code_alphabet\)\)\n +=  ?ceil\(log\(365bn urls \/ url, 62\)\)\n +=  ?ceil\(6\.451\)\n +=  ?7\n/);
    const md = (await cli(['url-shortener', '--format', 'md'])).stdout;
    expect(md).toContain('  = ceil(log(365bn urls / url, 62))  \n  = ceil(6.451)  \n  = **7**\n');
  });
  it('ceil of a quotient shows the quotient: ceil(6.944 servers) = 7 servers', async () => {
    const s = (await steps(['twitter'])).get('write_servers')!;
    expect(s.inner).toEqual(['ceil(6.944 servers)']);
    expect(s.result).toBe('7 servers');
  });
  it('floor, round, sig, min, max and nested calls each show what they act on', async () => {
    const dir = tempDir();
    const file = join(dir, 'calls.yaml');
    writeFileSync(file, CALLS);
    const s = await steps([file]);
    expect(s.get('servers')!.inner).toEqual(['ceil(6.944 servers)']);
    // floor would hide what it drops at four digits (2,027): the value keeps its fraction.
    expect(s.get('floored')!.inner).toEqual(['floor(2027.47)']);
    expect(s.get('floored')!.result).toBe('2,027');
    expect(s.get('rounded')!.inner).toEqual(['round(6.944 servers)']);
    // sig's unit argument is a unit, not a value to compute: it stays as written.
    expect(s.get('figures')!.substituted).toBe('sig(364.4 GB/day, 2, GB / day)');
    expect(s.get('figures')!.inner).toBeUndefined();
    expect(s.get('figures')!.result).toMatch(/^360 GB\/day/);
    // Calls inside calls first become their values; then the outer call reads them.
    expect(s.get('nested')!.substituted).toBe('max(ceil(6,944 req/s / 1,000 req/s/server), min(floor(1.475), 3) × 1 server)');
    expect(s.get('nested')!.inner).toEqual(['max(7 servers, 1 × 1 server)', 'max(7 servers, 1 server)']);
    expect(s.get('nested')!.result).toBe('7 servers');
    expect(s.get('plain')!.inner).toBeUndefined();
  });
});
