/**
 * Redteam F11: `--samples` was limited per flag (2M), not per model: 3,750 uncertain values at 2M
 * samples (60 GB of samples) reached 11 GB of memory before being killed. Now uncertain values ×
 * samples is checked against MAX_SAMPLE_VALUES before anything is drawn: usage error E0922.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SAMPLE_VALUES } from '../../src/eval/magnitude.js';
import { cli, tempDir } from '../helpers.js';

/** A template of `n` inputs (the first `ranged` with a range) and one quantity reading the first input. */
function template(n: number, ranged: number): string {
  const dir = tempDir('estimate-budget-');
  const inputs = Array.from({ length: n }, (_, i) => `  i${i}:\n    label: In ${i}\n    default: ${i + 1}\n${i < ranged ? `    range: ${i + 1} to ${i + 3}\n` : ''}    help: h\n`).join('');
  const file = join(dir, 'b.yaml');
  writeFileSync(file, `name: b\ntitle: b\ninputs:\n${inputs}quantities:\n  q: i0 * 2\nsections:\n  S: [q]\n`);
  return file;
}

describe('the sample budget (F11)', () => {
  it('150 ranged inputs at 2M samples are refused before drawing, with the samples that fit', async () => {
    const r = await cli([template(150, 150), '--ranges', '--samples', '2000000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error\[E0922\]: 151 uncertain values × 2,000,000 samples is more than the 200,000,000 sample values/);
    expect(r.stderr).toContain(`--samples ${Math.floor(MAX_SAMPLE_VALUES / 151)}`);
    expect(r.stdout).toBe('');
  });
  it('counts only the values that are uncertain: 1 range among 150 inputs runs at 2M samples', async () => {
    const r = await cli([template(150, 1), '--ranges', '--samples', '2000000', '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { outputs: { q: { samples: number } } }).outputs.q.samples).toBe(2_000_000);
  });
  it('the same 150 ranged inputs run at the default samples', async () => {
    expect((await cli([template(150, 150), '--ranges'])).code).toBe(0);
  });
});
