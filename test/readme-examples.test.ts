import { mkdtempSync, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

/** The words of a shell command line: double quotes group, nothing else is special here. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
const block = /## Use\s[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
// Each example without its comment; a user's own template file is not in the repository.
const examples = block
  .split('\n')
  .map((l) => l.replace(/\s+#.*$/, '').trim())
  .filter((l) => l.startsWith('estimate ') && !l.includes('./my-model.yaml'));

const cwd = mkdtempSync(join(tmpdir(), 'estimate-readme-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe("README's examples run", () => {
  it('the Use section has examples', () => {
    expect(examples.length).toBeGreaterThan(10);
  });
  it.each(examples)('%s', async (line) => {
    const r = await cli(words(line).slice(1), { cwd });
    expect(r.stderr.replace(/^wrote .*\n$/, '')).toBe('');
    expect(r.code).toBe(0);
  });
});
