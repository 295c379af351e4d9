/**
 * readers F1: under `data: binary` the formatter's own choice of unit (no `unit:`, calc, a moved
 * prefix) follows the convention, so what it prints reads back under the same convention.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dimension } from '../../src/units/dimension.js';
import { bestUnit, formatQuantity } from '../../src/units/format.js';
import { UnitRegistry } from '../../src/units/registry.js';
import { cli, tempDir } from '../helpers.js';

const DATA = Dimension.base('Data');
const RATE = DATA.div(Dimension.base('Time'));
const BINARY = UnitRegistry.BUILTIN.withSizes({ binaryData: true });

describe('data: binary picks prefixes by 1024', () => {
  it('2^40 B is 1 TB under binary (not 1.1 TB); by default it stays 1.1 TB', () => {
    expect(formatQuantity(2 ** 40, DATA, undefined, false, { registry: BINARY }).text).toBe('1 TB');
    expect(formatQuantity(2 ** 40, DATA, undefined, false, {}).text).toBe('1.1 TB');
  });
  it('the chosen unit and its factor agree with the registry: the value reads back exactly', () => {
    for (const k of [0, 1, 2, 3, 4, 5, 6]) {
      const si = 3 * 2 ** (10 * k);
      const b = bestUnit(si, DATA, BINARY);
      const named = BINARY.lookup(b.text);
      expect(named?.factor).toBe(b.factor);
      expect(si / b.factor).toBe(3);
    }
  });
  it('a byte rate follows the convention too; a bit rate stays SI (the convention is the byte\'s)', () => {
    expect(formatQuantity(2 ** 30, RATE, undefined, false, { registry: BINARY }).text).toBe('1 GB/s');
    const gbps = BINARY.lookup('Gbps')!;
    expect(formatQuantity(2e9 / 8, RATE, { text: 'Gbps', dimension: RATE, factor: gbps.factor }, false, { registry: BINARY }).text).toBe('2 Gbps');
  });
  it('a preferred unit moves its prefix by 1024: unit MB with 2^50 B shows 1 PB', () => {
    const mb = BINARY.lookup('MB')!;
    const f = formatQuantity(2 ** 50, DATA, { text: 'MB', dimension: DATA, factor: mb.factor }, false, { registry: BINARY });
    expect(f.text).toBe('1 PB');
    expect(f.value).toBe(2 ** 30);
  });
  it('calc --convention data=binary "2^32 B" prints 4 GB (as `-> GB` does)', async () => {
    const r = await cli(['calc', '--convention', 'data=binary', '2^32 B']);
    expect(r.stdout.trim()).toBe('4 GB');
    expect((await cli(['calc', '--convention', 'data=binary', '2^32 B -> GB'])).stdout.trim()).toBe('4 GB');
  });
  it('a template with data: binary and no unit: prints 1 TB, JSON value 1 in TB', async () => {
    const file = join(tempDir(), 'powers.yaml');
    writeFileSync(file, 'name: powers\ntitle: Powers\nconventions:\n  data: binary\ninputs:\n  b: 1 B\nquantities:\n  total:\n    label: 2^40 bytes\n    value: 2^40 * b\nsections:\n  S: [total]\n');
    const r = await cli([file, '--format', 'json']);
    expect(r.stderr).toBe('');
    const out = (JSON.parse(r.stdout) as { outputs: Record<string, { text: string; value: number; unit: string }> }).outputs['total']!;
    expect([out.text, out.value, out.unit]).toEqual(['1 TB', 1, 'TB']);
  });
  it('property: any byte count from 1 B to 2^62 B shows in a unit the binary registry sizes the same, at 1 to 1,023.99', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 2 ** 62, noNaN: true }), (si) => {
        const b = bestUnit(si, DATA, BINARY);
        expect(BINARY.lookup(b.text)?.factor).toBe(b.factor);
        expect(si / b.factor).toBeGreaterThanOrEqual(0.99995);
        expect(si / b.factor).toBeLessThan(1024);
      }),
    );
  });
});
