import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/diagnostics/codes.js';
import { cli, ROOT, tempDir } from './helpers.js';

describe('documentation', () => {
  it('docs/errors.md lists every error code', () => {
    const doc = readFileSync(`${ROOT}/docs/errors.md`, 'utf8');
    for (const code of Object.keys(ERROR_CODES)) expect(doc, code).toContain(`| ${code} |`);
  });
  it('the annotated example of docs/templates.md runs', async () => {
    const doc = readFileSync(`${ROOT}/docs/templates.md`, 'utf8');
    const yaml = /## A complete, annotated example\s+```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(yaml).toBeDefined();
    const dir = tempDir('estimate-doc-');
    writeFileSync(join(dir, 'tiny-feed.yaml'), yaml!);
    const r = await cli([join(dir, 'tiny-feed.yaml'), '--format', 'json']);
    expect(r.stderr).toBe('');
    const out = (JSON.parse(r.stdout) as { outputs: Record<string, { text: string }> }).outputs;
    expect(out['storage']!.text).toBe('13.14 TB');
    expect(out['server_count']!.text).toBe('1 server');
  });
  it("README's quick start is two steps: the main job and the tests", () => {
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    expect(readme).toContain('1. Run the main job: `npm ci && npx estimate twitter`');
    expect(readme).toContain('2. Run the tests: `npm test`');
  });
});
