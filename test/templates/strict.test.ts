/**
 * Every built-in template passes `estimate check --strict` with no warning (issue 16). The older
 * check test named two templates only, so message-queue's `10 MB/s` beside `MiB/s` (E0755) went
 * unseen: this one reads the whole templates/ folder, so a new template is covered as it lands.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const DIR = join(import.meta.dirname, '..', '..', 'templates');
const COUNT = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).length;

describe('check --strict on every built-in template', () => {
  it('finds no error and no warning in any of them', async () => {
    const r = await cli(['check', '--strict', DIR]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`checked ${COUNT} templates: no problems\n`);
    expect(r.code).toBe(0);
    expect(COUNT).toBeGreaterThanOrEqual(22);
  });
});
