// `npm run bench`: start-up against `node -e 0`, engine throughput against mathjs, template
// scale, and peak memory. Every comparison is measured side by side in this run. Needs a
// build (npm ci builds). Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { PerformanceObserver } from 'node:perf_hooks';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate as mathEvaluate } from 'mathjs';
import { calculate } from '../dist/eval/calculate.js';
import { compile, unitScope } from '../dist/eval/compile.js';
import { parse } from '../dist/lang/parser.js';
import { source } from '../dist/diagnostics/source.js';
import { UnitRegistry } from '../dist/units/registry.js';
import { parseTemplate } from '../dist/template/load.js';
import { buildModel } from '../dist/model/build.js';
import { evaluate } from '../dist/model/evaluate.js';
import { twitterWithRanges } from './monte-carlo-once.js';
import { EXPRESSIONS } from './expressions.js';
import { ms, summary } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/estimate.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const rows = [];
const row = (...cells) => rows.push(cells);

// 1. Start-up: each command and the baseline interleaved, so load affects all alike.
function wall(args, status = 0) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'], cwd: ROOT });
  const t = performance.now() - t0;
  if (r.status !== status) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return t;
}
const commands = {
  'node -e 0': ['-e', '0'],
  'estimate twitter': [BIN, 'twitter'],
  'estimate calc "1+1"': [BIN, 'calc', '1+1'],
  // Every built-in template's title (22 of them): from the build-time index, no template parsed.
  'estimate list': [BIN, 'list'],
  // Non-ASCII cells (µs): the width function's slow path, and cli-table3 without the estimate.
  'estimate ref latency': [BIN, 'ref', 'latency'],
  'estimate --help': [BIN, '--help'],
  // One Tab of the shell completion (docs/authoring.md): input names after --set; target 150 ms.
  'estimate __complete (Tab after --set)': [BIN, '__complete', 'bash', '--', 'estimate twitter --set '],
  'import the engine (dist/eval/calculate.js)': ['--input-type=module', '-e', `await import(${JSON.stringify(join(ROOT, 'dist/eval/calculate.js'))})`],
};
const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < 3; i++) for (const args of Object.values(commands)) wall(args);
for (let i = 0; i < RUNS; i++) for (const [k, args] of Object.entries(commands)) times[k].push(wall(args));
const base = summary(times['node -e 0']);
row('Start-up', 'node -e 0', ms(base), '1.00x');
for (const k of Object.keys(commands).slice(1)) {
  // The ratio of the medians. A single start varies by +-15 ms here, more than the difference
  // measured, so the median of per-run ratios would mostly measure that noise (and lean high).
  const st = summary(times[k]);
  row('Start-up', k, ms(st), `${(st.median / base.median).toFixed(2)}x node -e 0`);
}

// 2. Engine: parse + check + evaluate each expression, against mathjs's evaluate.
const scope = unitScope(UnitRegistry.BUILTIN);
const ours = () => {
  for (const e of EXPRESSIONS) compile(parse(source('<bench>', e.ours)), scope).run([]);
};
const theirs = EXPRESSIONS.filter((e) => e.mathjs);
const mathjs = () => {
  for (const e of theirs) mathEvaluate(e.mathjs);
};
/** Expressions per second of each runner in each of 21 alternating 200 ms rounds. */
function throughputs(runners) {
  for (const [f] of runners) for (let i = 0; i < 50; i++) f();
  const rates = runners.map(() => []);
  for (let round = 0; round < 21; round++) {
    runners.forEach(([f, perCall], k) => {
      const t0 = performance.now();
      let n = 0;
      while (performance.now() - t0 < 200) {
        f();
        n++;
      }
      rates[k].push((n * perCall) / ((performance.now() - t0) / 1000));
    });
  }
  return rates;
}
const [oursRates, mathRates] = throughputs([
  [ours, EXPRESSIONS.length],
  [mathjs, theirs.length],
]);
const oursStats = summary(oursRates);
const mathStats = summary(mathRates);
// The ratio of each pair of neighbouring rounds: both saw the same machine load.
const ratio = summary(oursRates.map((r, i) => r / mathRates[i]));
let agree = 0;
let compared = 0;
const disagreements = [];
for (const e of EXPRESSIONS) {
  if (!e.mathjs || !e.to) continue;
  compared++;
  const a = calculate(`${e.ours} -> ${e.to}`).value;
  const b = mathEvaluate(`${e.mathjs}`).toNumber(e.to);
  if (Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))) agree++;
  else disagreements.push(`${e.ours}: ${a} vs ${b} ${e.to}`);
}
const rate = (st) => `${Math.round(st.median).toLocaleString('en-US')} expr/s (best ${Math.round(st.max).toLocaleString('en-US')})`;
row('Engine', `estimate, ${EXPRESSIONS.length} expressions`, rate(oursStats), `${ratio.median.toFixed(1)}x mathjs (min ${ratio.min.toFixed(1)}, max ${ratio.max.toFixed(1)})`);
row('Engine', `mathjs evaluate, ${theirs.length} expressions`, rate(mathStats), '1.0x');
row('Engine', 'values agree with mathjs', `${agree} of ${compared} compared`, disagreements.length ? disagreements.join('; ') : 'all within 1e-9');

// 3. Scale: generated templates, chains and wide fan-in.
function generate(n, shape) {
  const lines = ['name: gen', 'title: Generated', 'units: [user]', 'inputs:', '  base: 1000 user', '  size: 2 MB/user', 'quantities:'];
  for (let i = 0; i < n; i++) {
    if (shape === 'chain') lines.push(`  q${i}: ${i === 0 ? 'base * size' : `q${i - 1} * 1.0001 + base * size`}`);
    else if (i < n - Math.ceil(n / 10)) lines.push(`  q${i}: base * size * ${i + 1}`);
    else {
      // fan-in: each of the last tenth sums ten of the earlier ones
      const k = i - (n - Math.ceil(n / 10));
      const terms = Array.from({ length: 10 }, (_, j) => `q${(k * 10 + j) % (n - Math.ceil(n / 10))}`);
      lines.push(`  q${i}: ${terms.join(' + ')}`);
    }
  }
  lines.push('sections:', `  S: [q${n - 1}]`);
  return lines.join('\n') + '\n';
}
const dir = mkdtempSync(join(tmpdir(), 'estimate-bench-'));
// The generated templates go when the bench ends, however it ends.
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
// Garbage-collection pauses, to say how much of each size's time is the collector's.
const gcPauses = [];
new PerformanceObserver((list) => gcPauses.push(...list.getEntries())).observe({ entryTypes: ['gc'] });
const nextTick = () => new Promise((resolve) => setImmediate(resolve));
const SHAPES = ['chain', 'fan-in'];
const SIZES = [100, 1000, 10000];
const texts = new Map(SHAPES.flatMap((shape) => SIZES.map((n) => [`${shape}-${n}`, generate(n, shape)])));
const runOnce = (name) => evaluate(buildModel(parseTemplate(source(`${name}.yaml`, texts.get(name)))));
// Not counted: one run of every template first, so no size pays for compiling code that the
// others then reuse (the first 1,000-quantity runs were up to twice as slow as the rest).
for (const [name, text] of texts) {
  writeFileSync(join(dir, `${name}.yaml`), text);
  runOnce(name);
}
for (const shape of SHAPES) {
  let previous;
  let previousWithoutGc;
  for (const n of SIZES) {
    const once = () => runOnce(`${shape}-${n}`);
    const samples = [];
    const withoutGc = [];
    let total = 0;
    let collecting = 0;
    for (let i = 0; i < (n >= 10000 ? 15 : 31); i++) {
      const t0 = performance.now();
      once();
      const t1 = performance.now();
      samples.push(t1 - t0);
      await nextTick(); // the observer hears of pauses a turn or two later
      await nextTick();
      const paused = gcPauses.filter((e) => e.startTime >= t0 && e.startTime < t1).reduce((sum, e) => sum + e.duration, 0);
      total += t1 - t0;
      collecting += paused;
      withoutGc.push(t1 - t0 - paused);
    }
    const st = summary(samples);
    const rest = summary(withoutGc).median;
    const gcShare = `GC ${Math.round((100 * collecting) / total)}%`;
    const growth = previous ? `${(st.median / previous).toFixed(1)}x per 10x (${(rest / previousWithoutGc).toFixed(1)}x without GC), ${gcShare}` : gcShare;
    row('Scale', `${shape}, ${n.toLocaleString('en-US')} quantities: load, check, evaluate`, ms(st), growth);
    previous = st.median;
    previousWithoutGc = rest;
  }
}

// The same from the command line: a fresh process, cold code, the YAML parser loaded, a table.
for (const shape of ['chain', 'fan-in']) {
  const file = join(dir, `${shape}-10000.yaml`);
  const st = summary(Array.from({ length: 5 }, () => wall([BIN, file])));
  row('Scale', `estimate ${shape}-10000.yaml, start to exit`, ms(st), '');
}

// The error path (issue 11): 5,000 unknown names, each close to one of 5,000 quantity names.
// It was quadratic (41 s); now did-you-mean runs for the 50 errors shown only.
{
  const lines = ['name: errors', 'title: Errors', 'sections:', '  S: [qty0]', 'inputs:', '  a: 1', 'quantities:'];
  for (let i = 0; i < 5000; i++) lines.push(`  qty${i}: a * qtx${i}`);
  const file = join(dir, 'errors-5000.yaml');
  writeFileSync(file, lines.join('\n') + '\n');
  const st = summary(Array.from({ length: 5 }, () => wall([BIN, file], 1)));
  row('Scale', 'estimate errors-5000.yaml (5,000 errors, 50 shown), start to exit', ms(st), '');
}

// 4. Memory: peak resident set of a run, against node -e 0.
function maxRss(args) {
  const hook = "data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS))";
  const r = spawnSync(process.execPath, ['--import', hook, ...args], { encoding: 'utf8', cwd: ROOT });
  return Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
}
const rssBase = summary(Array.from({ length: 5 }, () => maxRss(['-e', '0'])));
const rssTwitter = summary(Array.from({ length: 5 }, () => maxRss([BIN, 'twitter'])));
row('Memory', 'node -e 0, peak RSS', `${rssBase.median.toFixed(1)} MB`, '');
row('Memory', 'estimate twitter, peak RSS', `${rssTwitter.median.toFixed(1)} MB`, `+${(rssTwitter.median - rssBase.median).toFixed(1)} MB`);

// 5. Monte Carlo: twitter with four ranged inputs (users, tweets per user, media ratio, media
// size), evaluated in process: draw, compute every quantity over the samples, summarise.
const { model: twitter, overrides: mcSet } = twitterWithRanges();
{
  // Peak memory at 1M samples, in a fresh process, measured before the in-process runs below:
  // on Linux a child's peak RSS starts from its parent's, so it must not follow them.
  const script = `import(${JSON.stringify(join(ROOT, 'bench/monte-carlo-once.js'))}).then((m) => m.run(1_000_000))`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `${script}.then(() => process.stderr.write('maxrss=' + process.resourceUsage().maxRSS))`], { encoding: 'utf8', cwd: ROOT });
  const mb = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  row('Monte Carlo', 'peak RSS, twitter, 4 ranges, 1,000,000 samples', `${mb.toFixed(1)} MB`, mb < 400 ? 'under 400 MB' : 'OVER 400 MB');
}
for (const n of [10_000, 100_000, 1_000_000]) {
  const once = () => evaluate(twitter, mcSet, { samples: n });
  once();
  const st = summary(Array.from({ length: n >= 1_000_000 ? 5 : 15 }, () => {
    const t0 = performance.now();
    once();
    return performance.now() - t0;
  }));
  const perSecond = Math.round(n / (st.median / 1000)).toLocaleString('en-US');
  row('Monte Carlo', `estimate twitter, 4 ranges, ${n.toLocaleString('en-US')} samples (in process)`, ms(st), `${perSecond} samples/s`);
}

// What-if analyses against plain evaluations per point (bench/analysis.js).
{
  const { analysisRows } = await import('./analysis.js');
  rows.push(...analysisRows());
}

// 6. Monte Carlo against Squiggle, only with `npm run bench -- --mc`: about a minute more, most of
// it Squiggle at 1M samples. `node bench/monte-carlo.js` runs this suite alone.
if (process.argv.includes('--mc')) {
  const { monteCarloRows } = await import('./monte-carlo.js');
  rows.push(...(await monteCarloRows()));
}

// The table.
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => String(r[i]).length), ['Suite', 'Measure', 'Result', 'Comparison'][i].length));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(`estimate benchmarks, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${RUNS} start-up runs each, medians`);
console.log(line(['Suite', 'Measure', 'Result', 'Comparison']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
