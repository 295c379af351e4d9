/**
 * The packed tarball installs into a fresh project (offline: npm's cache holds the dependencies
 * since `npm ci`) and its API works from ESM JavaScript and type-checks from TypeScript.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

const CONSUMER_JS = `import { calc, loadBuiltinTemplate, loadTemplate, evaluateTemplate, renderReport, EstimateError } from 'estimate-cli';
import { createRequire } from 'node:module';
const r = calc('300M user * 50% / day', { units: ['user'] });
const e = evaluateTemplate(loadBuiltinTemplate('twitter'), { set: { mau: '1.5bn' } });
const json = JSON.parse(await renderReport(e, 'json'));
let code;
try { loadTemplate('name: x\\n'); } catch (err) { code = err instanceof EstimateError ? err.code : 'not ours'; }
const schema = createRequire(import.meta.url)('estimate-cli/schema/template.schema.json');
console.log(JSON.stringify({ unit: r.unit, template: json.template, mau: e.values.mau, code, schema: schema.title }));
`;

const CONSUMER_TS = `import { calc, evaluateTemplate, loadTemplate, renderReport, EstimateError, type CalcResult, type Estimate, type ReportFormat } from 'estimate-cli';
const r: CalcResult = calc('2 MB * 3');
const t = loadTemplate('name: t', { fileName: 't.yaml' });
const e: Estimate = evaluateTemplate(t, { set: { a: '1' } });
const f: ReportFormat = 'markdown';
const text: Promise<string> = renderReport(e, f, { columns: 100 });
const n: number = r.si + e.values['a']!;
function code(err: unknown): string | undefined {
  return err instanceof EstimateError ? err.code : undefined;
}
// @ts-expect-error: the format names are checked
void renderReport(e, 'pdf');
export { text, n, code };
`;

describe('the library API from the packed tarball', () => {
  it('installs into a temporary project, runs from ESM and type-checks from TypeScript', () => {
    const dir = tempDir('estimate-api-');
    const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
    const pack = npm(['pack', '--pack-destination', dir, '--ignore-scripts', '--silent'], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    const { version } = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
    const project = join(dir, 'consumer');
    spawnSync('mkdir', [project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
    const install = npm(['install', `../estimate-cli-${version}.tgz`, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--silent'], project);
    expect(install.status, install.stderr).toBe(0);

    writeFileSync(join(project, 'use.mjs'), CONSUMER_JS);
    const run = spawnSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ unit: 'user/day', template: 'twitter', mau: 1.5e9, code: 'E0704', schema: 'estimate template' });

    writeFileSync(join(project, 'use.ts'), CONSUMER_TS);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: [], typeRoots: [] }, files: ['use.ts'] }),
    );
    const tsc = spawnSync(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
