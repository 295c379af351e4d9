/**
 * The authoring commands cost the main path nothing: their modules are bundled lazily, so
 * `estimate twitter` never evaluates them (node:readline, which only the REPL needs, is the
 * witness), while `estimate repl` does. Timing is in `npm run bench`, not here.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

function builtinsLoaded(args: string[], input = ''): string[] {
  const dir = tempDir();
  const preload = join(dir, 'witness.cjs');
  writeFileSync(preload, "process.on('exit', () => process.stderr.write('\\nLOADED ' + process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).join(',') + '\\n'));\n");
  const r = spawnSync(process.execPath, ['-r', preload, `${ROOT}bin/estimate.js`, ...args], { encoding: 'utf8', input, env: { PATH: process.env['PATH'] ?? '', HOME: '/nonexistent' } });
  const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED ')) ?? '';
  return line.slice('LOADED '.length).split(',').map((m) => m.replace('NativeModule ', ''));
}

describe('start-up', () => {
  it('estimate twitter does not load the REPL (node:readline), estimate repl does', () => {
    expect(builtinsLoaded(['twitter'])).not.toContain('readline');
    expect(builtinsLoaded(['repl'], '1 + 1\n')).toContain('readline');
  });
});
