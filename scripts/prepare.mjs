// `npm run prepare`: builds dist/. npm runs it after `npm ci` in the repository, before
// `npm pack`/`npm publish`, and for `npm install -g .` from a fresh clone. That last one links
// the folder without installing anything in it, so the compiler (and the runtime dependencies
// the bundle leaves outside: yaml, @inquirer/prompts) would be missing: install them first.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const needed = ['typescript', 'esbuild', 'yaml', '@inquirer/prompts', 'commander'];
if (needed.some((name) => !existsSync(`node_modules/${name}/package.json`))) {
  // The global install's settings must not leak into this local one (it would install globally).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(global|prefix|location)$/i.test(k)));
  // --ignore-scripts: this install must not run prepare again.
  execFileSync(npm, ['install', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--location=project'], { stdio: 'inherit', env });
}
execFileSync(npm, ['run', 'build'], { stdio: 'inherit' });
