// `node bench/squiggle-reference.js [samples] [seed]`: prints, as the Markdown table of
// docs/uncertainty.md ("Checked against Squiggle"), Squiggle's percentiles of the twitter ranges model
// (bench/twitter-ranges.js) beside the closed-form lognormal ones, and our CLI's when the built
// binary accepts ranges. Defaults: 200,000 samples, Squiggle seed "estimate", our seed 1.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliArgs, closedForm, OUTPUTS, squiggleQuantiles } from './twitter-ranges.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const samples = Number(process.argv[2] ?? 200_000);
const seed = process.argv[3] ?? 'estimate';
const version = JSON.parse(readFileSync(join(ROOT, 'node_modules/@quri/squiggle-lang/package.json'), 'utf8')).version;

const squiggle = await squiggleQuantiles(samples, seed);
const closed = closedForm();
const r = spawnSync(process.execPath, [join(ROOT, 'bin/estimate.js'), ...cliArgs(samples, 1)], { encoding: 'utf8', cwd: ROOT });
const ours = r.status === 0 ? JSON.parse(r.stdout).outputs : undefined;

const fmt = (x) => (x >= 1000 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(4));
const diff = (a, b) => `${a >= b ? '+' : ''}${((a / b - 1) * 100).toFixed(2)}%`;
console.log(`Squiggle ${version}, ${samples.toLocaleString('en-US')} samples, seed "${seed}"; Node ${process.version}`);
console.log(ours ? `estimate: ${cliArgs(samples, 1).join(' ')}` : 'estimate: the built binary does not accept ranges yet');
console.log();
console.log(`| Output | Unit | | p5 | p50 | p95 | mean |`);
console.log(`| --- | --- | --- | ---: | ---: | ---: | ---: |`);
for (const [name, { unit, perUnit }] of Object.entries(OUTPUTS)) {
  const keys = ['p5', 'p50', 'p95', 'mean'];
  const show = (label, q) => console.log(`| ${label === 'Squiggle' ? `\`${name}\`` : ''} | ${label === 'Squiggle' ? unit : ''} | ${label} | ${keys.map((k) => q(k)).join(' | ')} |`);
  show('Squiggle', (k) => fmt(squiggle[name][k] / perUnit));
  show('closed form', (k) => `${fmt(closed[name][k] / perUnit)} (${diff(squiggle[name][k], closed[name][k])})`);
  if (ours) {
    const o = ours[name];
    const mine = { p5: o.p5, p50: o.value, p95: o.p95, mean: o.mean };
    show('estimate', (k) => `${fmt(mine[k])} (${diff(mine[k] * perUnit, squiggle[name][k])})`);
  }
}
