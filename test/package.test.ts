/** What `npm pack` ships: the docs, the licence, and no path of the machine that built it. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

describe('the published package', () => {
  const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  const files = (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);

  it('carries the licence, README and docs, the bundle and the templates', () => {
    for (const f of ['LICENSE', 'README.md', 'docs/errors.md', 'docs/robustness.md', 'bin/estimate.js', 'dist/bundle/estimate.cjs', 'dist/bundle/estimate.v8cache', 'templates/twitter.yaml']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });
  it('no packed file, the V8 code cache included, holds the build checkout path', () => {
    const checkout = Buffer.from(ROOT.replace(/\/$/, ''));
    const leaking = files.filter((f) => readFileSync(`${ROOT}/${f}`).includes(checkout));
    expect(leaking).toEqual([]);
  });
  it('names its licence, home, repository and issue tracker', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({ license: 'MIT', repository: { type: 'git' }, bugs: { url: expect.stringMatching(/^https:/) }, homepage: expect.stringMatching(/^https:/) });
    expect(readFileSync(`${ROOT}/LICENSE`, 'utf8')).toMatch(/^MIT License/);
  });
  it('installs from the packed tarball into a fresh prefix and runs', () => {
    const dir = tempDir('estimate-pack-');
    const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 120_000 });
    expect(npm(['pack', '--pack-destination', dir, '--ignore-scripts', '--silent'], ROOT).status).toBe(0);
    const { version } = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
    const install = npm(['install', '-g', `./estimate-cli-${version}.tgz`, '--prefix', `${dir}/prefix`, '--prefer-offline', '--no-audit', '--no-fund', '--silent'], dir);
    expect(install.status, install.stderr).toBe(0);
    const run = spawnSync(`${dir}/prefix/bin/estimate`, ['twitter', '--format', 'json'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ template: 'twitter' });
    expect(spawnSync(`${dir}/prefix/bin/estimate`, ['show', 'twitter'], { encoding: 'utf8' }).stdout).toBe(readFileSync(`${ROOT}/templates/twitter.yaml`, 'utf8'));
  });
});
