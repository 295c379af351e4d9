// The Monte Carlo suite of `npm run bench -- --mc` (issue 12), also runnable alone as
// `node bench/monte-carlo.js`: twitter with four ranged inputs (bench/twitter-ranges.js) at 10k,
// 100k and 1M samples, in ms and samples per second, against Squiggle on the same model, each
// round running every contender once so machine load touches all alike. Every figure is a
// median. Needs a build (dist/). Takes one to two minutes, most of it Squiggle at 1M samples.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run as squiggleRun } from '@quri/squiggle-lang';
import { cliArgs, squiggleCode, squiggleEnvironment } from './twitter-ranges.js';
import { ms, summary } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/estimate.js');
const SIZES = [10_000, 100_000, 1_000_000];
/** Rounds per size: fewer at 1M, where one Squiggle run takes seconds. */
const ROUNDS = { 10_000: 11, 100_000: 7, 1_000_000: 3 };
const NA = 'n/a (engine not built)';

/** Squiggle in process: the model and the percentiles of its four outputs (its own `run`). */
async function squiggleOnce(n) {
  const out = await squiggleRun(squiggleCode(), { environment: squiggleEnvironment(n) });
  if (!out.result.ok) throw new Error(`Squiggle failed: ${out.result.value.toString()}`);
}

/** Our CLI end to end, start-up included: a fresh `node bin/estimate.js twitter --set ... --samples N` (stdout piped: estimate refuses to write to a closed stdout, E0802). */
function cliOnce(n) {
  const r = spawnSync(process.execPath, [BIN, ...cliArgs(n)], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`estimate ${cliArgs(n).join(' ')} exited ${r.status}: ${r.stderr}`);
}

/** Whether the built binary accepts ranges (the engine of issue 12 lands from another branch). */
function cliSupportsRanges() {
  return spawnSync(process.execPath, [BIN, 'calc', '1 to 2'], { stdio: 'ignore', cwd: ROOT }).status === 0;
}

/**
 * The in-process hook: the same run without Node's start-up, through the built CLI's `run`
 * (argv + a recording Io) so it needs no knowledge of the engine's internals. Undefined when
 * dist/ is missing or its engine does not take ranges yet. The lead may point this at a narrower
 * engine function after merging; keep its signature: (n) => Promise<void>.
 */
async function inProcessHook() {
  try {
    const { run } = await import(pathToFileURL(join(ROOT, 'dist/cli/program.js')).href);
    const { recordingIo } = await import(pathToFileURL(join(ROOT, 'dist/cli/io.js')).href);
    const call = (argv) => run(argv, recordingIo({ cwd: ROOT, env: { HOME: '/nonexistent' } }));
    if ((await call(['calc', '1 to 2'])) !== 0) return undefined;
    return async (n) => {
      const code = await call(cliArgs(n));
      if (code !== 0) throw new Error(`in-process estimate exited ${code}`);
    };
  } catch {
    return undefined;
  }
}

/** Peak resident set, in MB, of a child `node ...args` (read by the child itself at exit). */
function peakRss(args) {
  const hook = "data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS))";
  const r = spawnSync(process.execPath, ['--import', hook, ...args], { encoding: 'utf8', cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  const kb = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return r.status === 0 ? kb / 1024 : NaN;
}

/** Wall time of one call, in ms. */
async function time(f) {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

/** "target >= 10x: met", or without a verdict when nothing was measured. */
const target = (goal, met) => `target ${goal}${met === undefined ? '' : met ? ': met' : ': NOT met'}`;
const perSecond = (n, st) => `${Math.round(n / (st.median / 1000)).toLocaleString('en-US')} samples/s`;
const k = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

/** Measures the suite; returns table rows [suite, measure, result, comparison]. */
export async function monteCarloRows() {
  const rows = [];
  const row = (...cells) => rows.push(cells);
  const cli = cliSupportsRanges() ? cliOnce : undefined;
  const inProcess = await inProcessHook();
  // Each of ours is compared with Squiggle run the same way: in process, or a fresh process.
  const squiggleIn = { name: 'Squiggle 0.10.0, in process', f: squiggleOnce };
  const squiggleOut = { name: 'Squiggle 0.10.0, start to exit', f: squiggleChildOnce };
  const contenders = [
    squiggleIn,
    { name: 'estimate, in process', f: inProcess, against: squiggleIn },
    squiggleOut,
    { name: 'estimate, start to exit', f: cli, against: squiggleOut },
  ];
  // Not counted: one run of each at the smallest size, so none pays for the others' JIT warm-up.
  for (const { f } of contenders) if (f) await f(SIZES[0]);
  for (const n of SIZES) {
    for (const c of contenders) c.times = [];
    for (let round = 0; round < ROUNDS[n]; round++) {
      for (const c of contenders) if (c.f) c.times.push(await time(() => c.f(n)));
    }
    for (const c of contenders) {
      const measure = `twitter, 4 ranges, ${k(n)} samples: ${c.name}`;
      if (!c.f) {
        row('Monte Carlo', measure, NA, '');
        continue;
      }
      const st = summary(c.times);
      c[n] = st.median;
      // The ratio of the medians, as for start-up: a single run varies more than the rounds do.
      const vs = c.against ? `${(c.against[n] / st.median).toFixed(1)}x Squiggle's speed` : '';
      row('Monte Carlo', measure, `${ms(st)}, ${perSecond(n, st)}`, vs);
    }
  }
  for (const c of contenders.filter((x) => x.against)) {
    const ratio = c.f ? c.against[100_000] / c[100_000] : undefined;
    row('Monte Carlo', `100k samples, speed-up over Squiggle: ${c.name}`, ratio ? `${ratio.toFixed(1)}x` : NA, target('>= 10x', ratio && ratio >= 10));
  }
  const rssSquiggle = summary(Array.from({ length: 3 }, () => peakRss(squiggleChildArgs(1_000_000)))).median;
  row('Monte Carlo', '1M samples, peak RSS: Squiggle 0.10.0, start to exit', `${rssSquiggle.toFixed(0)} MB`, '');
  const rssOurs = cli ? summary(Array.from({ length: 3 }, () => peakRss([BIN, ...cliArgs(1_000_000)]))).median : undefined;
  row('Monte Carlo', '1M samples, peak RSS: estimate, start to exit', rssOurs ? `${rssOurs.toFixed(0)} MB` : NA, target('< 400 MB', rssOurs && rssOurs < 400));
  return rows;
}

/** Node arguments for a child that loads Squiggle and runs the model once at n samples. */
function squiggleChildArgs(n) {
  const model = pathToFileURL(join(ROOT, 'bench/twitter-ranges.js')).href;
  return ['--input-type=module', '-e', `import { squiggleQuantiles } from ${JSON.stringify(model)}; await squiggleQuantiles(${n});`];
}

/** Squiggle from start to exit, as our CLI is measured: a fresh node process. */
function squiggleChildOnce(n) {
  const r = spawnSync(process.execPath, squiggleChildArgs(n), { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`Squiggle child exited ${r.status}: ${r.stderr}`);
}

// Alone: print the suite's table.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = performance.now();
  const rows = await monteCarloRows();
  const head = ['Suite', 'Measure', 'Result', 'Comparison'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(`estimate Monte Carlo benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}; took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}
