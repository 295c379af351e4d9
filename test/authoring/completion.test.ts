/**
 * Shell completion: the bash script sourced in a real bash (the candidates its function puts in
 * COMPREPLY, and compgen over them), the zsh and fish scripts checked for syntax, and the
 * candidates themselves (in process) for every kind of word.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasTool, missing, ROOT, tempDir } from '../helpers.js';

/** The candidates `__complete` gives for the words (the finish line dropped), values only. */
async function candidates(shell: string, words: string[], env: Record<string, string> = {}): Promise<string[]> {
  const r = await cli(['__complete', shell, '--', ...words], { env });
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').slice(1, -1).map((l) => l.split('\t')[0]!);
}

async function finish(shell: string, words: string[]): Promise<string> {
  return (await cli(['__complete', shell, '--', ...words])).stdout.split('\n')[0]!;
}

describe('__complete (what each Tab asks the binary)', () => {
  it('completes commands and templates at the start, hiding itself', async () => {
    const c = await candidates('zsh', ['']);
    expect(c).toEqual(expect.arrayContaining(['calc', 'list', 'ref', 'check', 'new', 'completion', 'twitter', 'url-shortener']));
    expect(c).not.toContain('__complete');
    expect(await candidates('zsh', ['tw'])).toEqual(['twitter']);
  });

  it('completes options of the command in use', async () => {
    expect(await candidates('zsh', ['--fo'])).toEqual(['--format', '--for']);
    expect(await candidates('zsh', ['check', '--'])).toEqual(expect.arrayContaining(['--strict', '--json', '--help']));
    expect(await candidates('zsh', ['new', 'x', '--f'])).toEqual(expect.arrayContaining(['--from', '--force']));
  });

  it('completes input names after --set, with their default and unit, then the default after =', async () => {
    const r = await cli(['__complete', 'fish', '--', 'twitter', '--set', 'me']);
    expect(r.stdout).toBe('nospace\nmedia_ratio=\t10% · Tweets with media\nmedia_size=\t1 MB/tweet · Media per media tweet\n');
    expect(await candidates('zsh', ['twitter', '-s', 'mau='])).toEqual(['mau=300M user']);
    // bash completes after the `=` (COMP_WORDBREAKS): the candidate is what follows it.
    expect(await candidates('bash', ['estimate twitter --set mau='])).toEqual(['300M user']);
    expect(await finish('zsh', ['twitter', '--set', ''])).toBe('nospace');
    // The template may come after the flag too, or be a file; no template, no names.
    expect(await candidates('zsh', ['--set', 'ma'])).toEqual([]);
  });

  it('completes the user folder templates, and their inputs', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mine.yaml'), 'name: mine\ntitle: Mine\ninputs:\n  widgets: 3\nquantities:\n  w2: widgets * 2\nsections:\n  S: [w2]\n');
    const env = { ESTIMATE_TEMPLATES: dir };
    expect(await candidates('zsh', ['mi'], env)).toEqual(['mine']);
    expect(await candidates('zsh', ['mine', '--set', ''], env)).toEqual(['widgets=']);
  });

  it('completes formats (with aliases), reference cards, shells, and --format=value', async () => {
    expect(await candidates('zsh', ['twitter', '--format', ''])).toEqual(expect.arrayContaining(['table', 'markdown', 'md', 'json', 'csv']));
    expect(await candidates('zsh', ['twitter', '--format=j'])).toEqual(['--format=json']);
    expect(await candidates('zsh', ['ref', ''])).toEqual(['latency', 'powers', 'nines', 'prices', 'conventions']);
    expect(await candidates('zsh', ['completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(await candidates('zsh', ['new', 'x', '--from', 'url'])).toEqual(['url-shortener']);
  });

  it('asks the shell for files after --output and for check', async () => {
    expect(await finish('zsh', ['twitter', '-o', ''])).toBe('files');
    expect(await finish('zsh', ['check', ''])).toBe('files');
  });

  it('never fails or prints an error, whatever the words', async () => {
    for (const words of [['nope', '--set', ''], ['--set'], ['"'], ['\u0000\u001b[2J'], ['x'.repeat(10_000)], ['calc', '--to', '']]) {
      const r = await cli(['__complete', 'bash', '--', ...words]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect((await cli(['__complete', 'tcsh', '--', ''])).stdout).toBe('');
  });
});

describe('estimate completion', () => {
  it('refuses an unknown shell, naming the shells (E0981, exit 2)', async () => {
    const r = await cli(['completion', 'powershell']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[E0981]: no completion for the shell `powershell`');
    expect(r.stderr).toContain('bash, zsh, fish');
    expect((await cli(['completion', 'bassh'])).stderr).toContain('did you mean `bash`?');
  });

  /** A folder with an `estimate` on PATH that runs this checkout's binary. */
  function shim(): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin', 'estimate'), `#!/bin/sh\nexec "${process.execPath}" "${ROOT}bin/estimate.js" "$@"\n`);
    chmodSync(join(dir, 'bin', 'estimate'), 0o755);
    return dir;
  }

  /** Sources the bash script and completes the line as if Tab were pressed at its end. */
  function bashComplete(line: string, extra = ''): string[] {
    const dir = shim();
    const script = spawnSync(process.execPath, [`${ROOT}bin/estimate.js`, 'completion', 'bash'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, 'estimate.bash'), script);
    const words = `COMP_WORDS=(${line.split(' ').map((w) => `'${w}'`).join(' ')})`;
    const program = `source ${dir}/estimate.bash
complete -p estimate >/dev/null || exit 9
COMP_LINE='${line}'; COMP_POINT=\${#COMP_LINE}; ${words}; COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
_estimate_complete
${extra}
printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8', cwd: dir, env: { PATH: `${dir}/bin:${process.env['PATH'] ?? ''}`, HOME: '/nonexistent' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout.split('\n').filter((l) => l !== '');
  }

  it.skipIf(missing(hasTool('bash')))('bash: the sourced script registers and completes commands, templates and --set names', () => {
    expect(bashComplete('estimate tw')).toEqual(['twitter']);
    expect(bashComplete('estimate twitter --set med')).toEqual(['media_ratio=', 'media_size=']);
    expect(bashComplete('estimate ref n')).toEqual(['nines']);
    // compgen over the candidates, as a completion function built on them would.
    expect(bashComplete('estimate twitter --format ', 'COMPREPLY=($(compgen -W "${COMPREPLY[*]}" -- m))')).toEqual(['markdown', 'md']);
  });

  it.skipIf(missing(hasTool('bash')))('bash: a candidate with a space is escaped for the shell', () => {
    expect(bashComplete('estimate twitter --set mau=')).toEqual(['300M\\ user']);
  });

  it.skipIf(missing(hasTool('zsh', ['-c', 'true'])))('zsh: the script parses (zsh -n)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '_estimate'), spawnSync(process.execPath, [`${ROOT}bin/estimate.js`, 'completion', 'zsh'], { encoding: 'utf8' }).stdout);
    const r = spawnSync('zsh', ['-n', join(dir, '_estimate')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(missing(hasTool('fish', ['-c', 'true'])))('fish: the script parses (fish -n)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'estimate.fish'), spawnSync(process.execPath, [`${ROOT}bin/estimate.js`, 'completion', 'fish'], { encoding: 'utf8' }).stdout);
    const r = spawnSync('fish', ['-n', join(dir, 'estimate.fish')], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', HOME: dir } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(missing(hasTool('fish', ['-c', 'true'])))('fish: the function completes --set names through the binary', () => {
    const dir = shim();
    writeFileSync(join(dir, 'estimate.fish'), spawnSync(process.execPath, [`${ROOT}bin/estimate.js`, 'completion', 'fish'], { encoding: 'utf8' }).stdout);
    const r = spawnSync('fish', ['--no-config', '-c', `source ${dir}/estimate.fish; complete -C 'estimate twitter --set media_s'`], {
      encoding: 'utf8',
      env: { PATH: `${dir}/bin:${process.env['PATH'] ?? ''}`, HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir },
    });
    expect(r.stdout).toContain('media_size=\t1 MB/tweet');
  });
});
