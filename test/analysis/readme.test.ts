/** The What-if examples of README.md and the commands of docs/analysis.md run as shown. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

const words = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
const block = /## What-if\s[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const doc = readFileSync(`${ROOT}/docs/analysis.md`, 'utf8');
const lines = [...block.split('\n'), ...[...doc.matchAll(/```\n(estimate [^\n]*)\n/g)].map((m) => m[1]!)]
  .map((l) => l.replace(/\s+#.*$/, '').trim())
  .filter((l) => l.startsWith('estimate ') && !l.includes('my-twitter.yaml'));

describe('What-if examples', () => {
  it('there are examples', () => expect(lines.length).toBeGreaterThan(12));
  it.each(lines)('%s', async (line) => {
    const r = await cli(words(line).slice(1), { cwd: tempDir('estimate-whatif-readme-') });
    expect(r.stderr.replace(/^wrote .*\n$/, '')).toBe('');
    expect(r.code).toBe(0);
  });
  it('the goal seek example says 864M users, as README does', async () => {
    const r = await cli(['twitter', '--solve', 'mau', '--for', 'write_servers <= 20']);
    expect(r.stdout).toContain('864M user');
  });
});
