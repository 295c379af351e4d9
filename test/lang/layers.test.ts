// The language is the first layer after diagnostics: it must not reach into units/ or later.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

describe('src/lang imports', () => {
  for (const file of readdirSync(`${ROOT}/src/lang`).filter((f) => f.endsWith('.ts'))) {
    it(`${file} imports only lang/ and diagnostics/`, () => {
      const text = readFileSync(`${ROOT}/src/lang/${file}`, 'utf8');
      const from = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      expect(from.filter((f) => !f.startsWith('./') && !f.startsWith('../diagnostics/'))).toEqual([]);
    });
  }
});

describe('dead code stays removed', () => {
  it('roundSignificant and SCALAR_UNIT are gone', async () => {
    const format = await import('../../src/units/format.js');
    const quantity = await import('../../src/units/quantity.js');
    expect('roundSignificant' in format).toBe(false);
    expect('SCALAR_UNIT' in quantity).toBe(false);
  });
});
