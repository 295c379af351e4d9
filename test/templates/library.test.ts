/**
 * The model library (issue 16): each template built from a public worked estimate is checked
 * against every figure its source publishes, with the citation beside the figures.
 *
 * For each figure the test knows the exact value, computed by hand (the arithmetic is written
 * beside it), and the source's number with the significant digits the source writes. Then:
 * - the tool's value is the exact value (relative 1e-9);
 * - the template's `book:` is the source's number;
 * - where the source is right, the exact value rounded to the source's digits is its number;
 * - where the source erred, the figure says what went wrong, the exact value does NOT round to
 *   the source's number, and the test records how far off the source is (published / exact - 1).
 * The same figures stay out of `book:` when a template has none published (notification, sharding):
 * there the inputs the source states are checked instead.
 * Then: golden outputs in every format, `estimate list`, and hand-checked capacity-review figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { source } from '../../src/diagnostics/source.js';
import { buildModel } from '../../src/model/build.js';
import { evaluate } from '../../src/model/evaluate.js';
import { type Model } from '../../src/model/model.js';
import { resolveOverrides } from '../../src/model/overrides.js';
import { parseTemplate } from '../../src/template/load.js';
import { cli, golden, ROOT } from '../helpers.js';

interface Output {
  value: number;
  unit: string;
  book?: { value: number; unit: string };
}

interface Doc {
  source: string;
  inputs: Record<string, Output>;
  outputs: Record<string, Output>;
}

/** One published figure. */
interface Figure {
  readonly name: string;
  /** The unit the template shows it in. */
  readonly unit: string;
  /** The exact value in that unit, computed by hand. */
  readonly exact: number;
  /** The source's number, in that unit. */
  readonly published: number;
  /** Significant digits the source writes it with. */
  readonly digits: number;
  /** Present when the source's number is not the exact value rounded to its digits. */
  readonly erred?: { readonly why: string; readonly off: number };
}

const ok = (name: string, unit: string, exact: number, published: number, digits: number): Figure => ({ name, unit, exact, published, digits });
const erred = (name: string, unit: string, exact: number, published: number, digits: number, why: string, off: number): Figure => ({
  name,
  unit,
  exact,
  published,
  digits,
  erred: { why, off },
});

/** Equal within a relative 1e-9 (values pass through SI units and back). */
function near(a: number | undefined, b: number): boolean {
  return a !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Rounds to `digits` significant digits, half away from zero, immune to float residue. */
function roundSig(x: number, digits: number): number {
  if (x === 0) return 0;
  const power = Math.floor(Math.log10(Math.abs(x))) - digits + 1;
  const scaled = Number((power >= 0 ? x / 10 ** power : x * 10 ** -power).toPrecision(12));
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled));
  return power >= 0 ? rounded * 10 ** power : rounded / 10 ** -power;
}

const GROKKING = 'sharanyaa/grok_sdi_educative';
const BOOKNOTES = 'preslavmihaylov/booknotes';

/** Per template: the citation its `source:` must carry, and the figures its source publishes. */
const CASES: Record<string, { cite: string[]; figures: Figure[] }> = {
  // Grokking, "Designing Facebook Messenger", 3. Capacity Estimation and Constraints;
  // Xu, System Design Interview ch. 12 (booknotes chapter13): "1mil concurrent users ... 10k memory ... 10GB".
  chat: {
    cite: [GROKKING, 'Designing Facebook Messenger', BOOKNOTES, 'chapter13'],
    figures: [
      ok('messages_per_day', 'message/day', 500e6 * 40, 20e9, 2), // 500M users * 40 messages
      ok('storage_per_day', 'TB/day', (20e9 * 100) / 1e12, 2, 1), // 20bn * 100 B
      erred('storage', 'PB', (2e12 * 365 * 5) / 1e15, 3.6, 2, 'rounds 2 TB * 1,825 days = 3.65 PB down to 3.6 PB', -0.0137),
      erred('incoming', 'MB/s', 2e12 / 86_400 / 1e6, 25, 2, '2 TB / 86,400 s is 23.15 MB/s, not 25 (2 TiB would give 25.4)', 0.08),
      erred('outgoing', 'MB/s', 2e12 / 86_400 / 1e6, 25, 2, 'the same 23.15 MB/s, written 25', 0.08),
      ok('memory_per_million', 'GB', (1e6 * 10e3) / 1e9, 10, 2), // 1M connections * 10 KB
    ],
  },
  // Grokking, "Designing Facebook's Newsfeed", 3. Capacity Estimation and Constraints.
  'news-feed': {
    cite: [GROKKING, "Designing Facebook's Newsfeed", BOOKNOTES, 'chapter12'],
    figures: [
      ok('requests_per_day', 'req/day', 300e6 * 5, 1.5e9, 2), // 300M users * 5 fetches
      erred('request_rate', 'req/s', 1.5e9 / 86_400, 17_500, 3, '1.5bn / 86,400 s is 17,361, written "approximately 17,500"', 0.008),
      ok('feed_per_user', 'KB/user', 500 * 1, 500, 1), // 500 posts * 1 KB
      ok('feed_memory', 'TB', (300e6 * 500e3) / 1e12, 150, 2), // 300M users * 500 KB
      ok('cache_servers', 'server', 150e12 / 100e9, 1500, 2), // 150 TB / 100 GB
    ],
  },
  // Grokking, "Designing an API Rate Limiter", sections 8, 9 and 10.
  'rate-limiter': {
    cite: [GROKKING, 'Designing an API Rate Limiter'],
    figures: [
      ok('fixed_window_record', 'B/user', 8 + 2 + 2, 12, 2),
      ok('fixed_window_memory', 'MB', ((12 + 20) * 1e6) / 1e6, 32, 2),
      ok('fixed_window_memory_locked', 'MB', ((12 + 20 + 4) * 1e6) / 1e6, 36, 2),
      ok('sliding_window_record', 'KB/user', (8 + (4 + 20) * 500 + 20) / 1e3, 12, 2), // 12,028 B
      ok('sliding_window_memory', 'GB', ((8 + (4 + 20) * 500 + 20) * 1e6) / 1e9, 12, 2),
      ok('counters_record', 'KB/user', (8 + (4 + 2 + 20) * 60 + 20) / 1e3, 1.6, 2), // 1,588 B
      ok('counters_memory', 'GB', ((8 + (4 + 2 + 20) * 60 + 20) * 1e6) / 1e9, 1.6, 2),
      ok('limiter_rate', 'req/s', 10 * 1e6, 10e6, 2), // 10 req/s * 1M users
    ],
  },
  // Xu & Lam, vol. 2 ch. 1 (booknotes chapter17); Grokking, "Designing Yelp or Nearby Friends".
  proximity: {
    cite: [BOOKNOTES, 'chapter17', GROKKING, 'Designing Yelp'],
    figures: [
      ok('search_rate', 'search/s', (100e6 * 5) / 1e5, 5000, 1), // in the book's 10^5-second day
      ok('grid_count', 'grid', 200e6 / 10, 20e6, 2), // 200M square miles / 10
      ok('leaf_count', 'node', 200e6 / 100, 2e6, 1), // 200M businesses / 100 per leaf
      ok('leaf_size', 'B/node', 32 + 8 * 100, 832, 3),
      ok('quadtree_memory', 'GB', (2e6 * 832 + (2e6 / 3) * 64) / 1e9, 1.7, 2), // 1.707 GB, "~1.7GB"
    ],
  },
  // Xu & Lam, vol. 2 ch. 2 "Nearby Friends" (booknotes chapter18).
  'nearby-friends': {
    cite: [BOOKNOTES, 'chapter18'],
    figures: [
      ok('concurrent_users', 'user', 100e6 * 0.1, 10e6, 2),
      erred('update_rate', 'update/s', 10e6 / 30, 334e3, 3, 'rounds 333,333 up to ~334k', 0.002),
      ok('forwards_per_update', '', 400 * 0.1, 40, 2),
      erred('push_rate', 'update/s', (10e6 / 30) * 40, 14e6, 2, '333,333 * 40 is 13.33M (334k * 40 is 13.36M), written ~14M', 0.05),
      ok('channel_memory', 'GB', (100e6 * 100 * 20) / 1e9, 200, 2), // 100M channels * 100 subscribers * 20 B
      ok('servers_for_memory', 'server', 200 / 100, 2, 1),
      erred('servers_for_pushes', 'server', Math.ceil(((10e6 / 30) * 40) / 100e3), 140, 2, 'follows the ~14M: 134 servers suffice', 140 / 134 - 1),
    ],
  },
  // Xu & Lam, vol. 2 ch. 6 "Ad Click Event Aggregation" (booknotes chapter22).
  'ad-click': {
    cite: [BOOKNOTES, 'chapter22'],
    figures: [
      ok('clicks_per_day', 'click/day', 1e9 * 1, 1e9, 1),
      ok('click_rate', 'click/s', 1e9 / 1e5, 10_000, 2), // in the book's 10^5-second day
      ok('peak_click_rate', 'click/s', (1e9 / 1e5) * 5, 50_000, 2),
      ok('storage_per_day', 'GB/day', (1e9 * 100) / 1e9, 100, 2), // 1bn * 0.1 KB
      ok('storage_per_month', 'TB', (100e9 * 30) / 1e12, 3, 1), // a 30-day month
    ],
  },
  // Xu & Lam, vol. 2 ch. 5 "Metrics Monitoring and Alerting System" (booknotes chapter21).
  'metrics-monitoring': {
    cite: [BOOKNOTES, 'chapter21'],
    figures: [ok('metric_count', 'metric', 1000 * 100 * 100, 10e6, 2)],
  },
  // Xu & Lam, vol. 2 ch. 7 "Hotel Reservation System" (booknotes chapter23).
  'hotel-reservation': {
    cite: [BOOKNOTES, 'chapter23'],
    figures: [
      erred('reservations_per_day', 'reservation/day', (1e6 * 0.7) / 3, 240e3, 2, '1M * 0.7 / 3 is 233,333, written ~240k', 0.0286),
      erred('reservation_rate', 'reservation/s', (1e6 * 0.7) / 3 / 1e5, 3, 1, '233,333 / 10^5 s is 2.33, written ~3', 0.2857),
      erred('reservation_page_rate', 'view/s', (1e6 * 0.7) / 3 / 1e5 / 0.1, 30, 1, 'the funnel starts from the rounded 3: 23.3 written 30', 0.2857),
      erred('detail_page_rate', 'view/s', (1e6 * 0.7) / 3 / 1e5 / 0.01, 300, 1, 'the funnel starts from the rounded 3: 233 written 300', 0.2857),
      ok('inventory_rows', 'row', 5000 * 20 * 2 * 365, 73e6, 2),
    ],
  },
  // Xu & Lam, vol. 2 ch. 11 "Payment System" and ch. 12 "Digital Wallet" (booknotes chapter27, chapter28).
  'payment-wallet': {
    cite: [BOOKNOTES, 'chapter27', 'chapter28'],
    figures: [
      ok('payment_rate', 'transaction/s', 1e6 / 1e5, 10, 2), // in the book's 10^5-second day
      ok('wallet_leg_rate', 'leg/s', 1e6 * 2, 2e6, 1),
      ok('nodes_one_leg', 'server', 1e6 / 1000, 1000, 1),
      ok('database_nodes', 'server', 2e6 / 1000, 2000, 1),
    ],
  },
  // Project notes, seed 001 (4 servers grow to 5, each gives up 5%); Xu ch. 5 (booknotes chapter06).
  'consistent-hashing': {
    cite: ['seeds/001', BOOKNOTES, 'chapter06'],
    figures: [
      ok('consistent_share_per_node', '%', (1 / 4 - 1 / 5) * 100, 5, 1),
      ok('consistent_share', '%', (1 / 5) * 100, 20, 2),
    ],
  },
  // Project notes, seed 004; calcbee's Hash Rate Crack Time Calculator, its worked example.
  'password-hashing': {
    cite: ['seeds/004', 'calcbee.com'],
    figures: [
      ok('keyspace', 'guess', 95 ** 8, 6.63e15, 3),
      ok('bcrypt_total_rate', 'guess/s', 50_000, 50_000, 2),
      ok('bcrypt_time', 'year', 95 ** 8 / 50_000 / (365 * 86_400), 4207.4, 5),
      ok('bcrypt_average', 'year', 95 ** 8 / 50_000 / (365 * 86_400) / 2, 2103.7, 5),
    ],
  },
  // Xu ch. 10 (booknotes chapter11) publishes only daily volumes: checked as inputs below.
  notification: { cite: [BOOKNOTES, 'chapter11'], figures: [] },
  // Project notes, seed 003, publishes only the comfort limits: checked as inputs below.
  sharding: { cite: ['seeds/003'], figures: [] },
};

const TEMPLATES = Object.keys(CASES);

async function run(template: string, args: string[] = []): Promise<Doc> {
  const r = await cli([template, '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

function title(f: Figure): string {
  if (f.erred === undefined) return `${f.name} = ${f.published} ${f.unit}`;
  const pct = `${f.erred.off > 0 ? '+' : ''}${(f.erred.off * 100).toFixed(2)}%`;
  return `${f.name}: the source's ${f.published} ${f.unit} is ${pct} off (${f.erred.why})`;
}

describe.each(Object.entries(CASES))('%s reproduces its source', (template, { cite, figures }) => {
  it('cites the source in its `source:` and quotes it in the file', async () => {
    const doc = await run(template);
    for (const c of cite) expect(`${doc.source}\n${readFileSync(`${ROOT}templates/${template}.yaml`, 'utf8')}`).toContain(c);
    expect(readFileSync(`${ROOT}templates/${template}.yaml`, 'utf8')).toMatch(/^#\s+.*"/m);
  });

  it('has a book figure for exactly the figures checked here', async () => {
    const doc = await run(template);
    const withBook = Object.entries(doc.outputs)
      .filter(([, o]) => o.book !== undefined)
      .map(([n]) => n)
      .sort();
    expect(withBook).toEqual(figures.map((f) => f.name).sort());
  });

  it.skipIf(figures.length === 0).each(figures.map((f) => [title(f), f] as const))('%s', async (_t, f) => {
    const out = (await run(template)).outputs[f.name];
    expect(out, f.name).toBeDefined();
    expect(out!.unit).toBe(f.unit);
    expect(near(out!.value, f.exact), `${out!.value} is the exact ${f.exact}`).toBe(true);
    expect(out!.book?.unit).toBe(f.unit);
    expect(near(out!.book?.value, f.published), `book ${out!.book?.value} is ${f.published}`).toBe(true);
    if (f.erred === undefined) {
      expect(near(roundSig(f.exact, f.digits), f.published), `${f.exact} rounds to ${f.published}`).toBe(true);
    } else {
      expect(near(roundSig(f.exact, f.digits), f.published), `${f.exact} does not round to ${f.published}`).toBe(false);
      expect(f.published / f.exact - 1).toBeCloseTo(f.erred.off, 3);
    }
  });
});

describe('what a capacity review asks for', () => {
  it.each(TEMPLATES)('%s: help on every input, counts declared, servers and cost shown', async (t) => {
    const doc = (await run(t)) as Doc & { inputs: Record<string, { help?: string }>; outputs: Record<string, { section: string }> };
    for (const [name, input] of Object.entries(doc.inputs)) expect(input.help ?? '', name).toMatch(/\S/);
    expect(readFileSync(`${ROOT}templates/${t}.yaml`, 'utf8')).toMatch(/^units: \[\w/m);
    const sections = new Set(Object.values(doc.outputs).map((o) => o.section));
    expect([...sections]).toEqual(expect.arrayContaining(['Servers', 'Cost']));
  });
});

describe('sources that publish only their assumptions', () => {
  it('notification: "10mil mobile push, 1mil SMS, 5mil email" per day (Xu ch. 10, booknotes chapter11)', async () => {
    const { inputs, outputs } = await run('notification');
    // Values pass through per-second SI units and back, so compare within 1e-9.
    expect(near(inputs['push_per_day']!.value, 10e6)).toBe(true);
    expect(near(inputs['sms_per_day']!.value, 1e6)).toBe(true);
    expect(near(inputs['email_per_day']!.value, 5e6)).toBe(true);
    expect(near(outputs['total_per_day']!.value, 16e6)).toBe(true);
    expect(outputs['peak_push_rate']!.value).toBeCloseTo((10e6 * 10) / 86_400, 9);
    // 1M SMS * 0.0079 + 5M emails * 0.0001 = 8,400 USD a day, for a billing month of 730 h
    // (30.42 days): 255,500 USD per billing month.
    expect(outputs['provider_cost']!.unit).toBe('USD/billing_month');
    expect(outputs['provider_cost']!.value).toBeCloseTo((1e6 * 0.0079 + 5e6 * 0.0001) * (730 / 24), 6);
    expect(outputs['push_workers']!.value).toBe(Math.ceil((10e6 * 10) / 86_400 / 1000));
  });

  it('sharding: "several billion rows", "a few hundred GB" (seed 003) as the comfort limits', async () => {
    const { inputs, outputs } = await run('sharding');
    expect(inputs['comfort_rows']!.value).toBe(3e9);
    expect(inputs['comfort_bytes']!.value).toBe(300);
    // 500M rows * 300 B = 150 GB today; growth 60% a year.
    const bytesYears = Math.log(300 / 150) / Math.log(1.6);
    const rowsYears = Math.log(3e9 / 500e6) / Math.log(1.6);
    expect(outputs['years_to_byte_limit']!.value).toBeCloseTo(bytesYears, 12);
    expect(outputs['years_to_row_limit']!.value).toBeCloseTo(rowsYears, 12);
    expect(outputs['split_year']!.value).toBe(Math.floor(2026 + Math.min(bytesYears, rowsYears))); // 2027
    // In 5 years: 500M * 1.6^5 = 5.24bn rows, 1,573 GB: ceil(max(1.75, 5.24)) = 6 shards.
    expect(outputs['shards_needed']!.value).toBe(Math.ceil(Math.max((500e6 * 1.6 ** 5) / 3e9, (500e6 * 1.6 ** 5 * 300) / 300e9)));
    expect(outputs['shards_needed']!.value).toBe(6);
  });
});

describe('figures a capacity review adds, checked by hand', () => {
  it('consistent hashing: modulo moves 80% for 4 -> 5, half for 4 -> 8, 1 - gcd/(N+k) in general', async () => {
    const share = async (n: number, k: number) => (await run('consistent-hashing', ['--set', `node_count=${n}`, '--set', `added_nodes=${k}`])).outputs['modulo_share']!.value;
    expect(await share(4, 1)).toBeCloseTo(80, 10);
    expect(await share(4, 4)).toBeCloseTo(50, 10);
    expect(await share(6, 4)).toBeCloseTo(80, 10); // gcd(6, 4) = 2, 2/10 stay
    expect(await share(144, 89)).toBeCloseTo((1 - 1 / 233) * 100, 10); // Fibonacci neighbours: Euclid's longest run
  });

  it('consistent hashing: time to move 20% of 1 TB at 1 Gbps is 1,600 s', async () => {
    const { outputs } = await run('consistent-hashing');
    expect(outputs['consistent_time']!.value).toBeCloseTo((0.2e12 * 8) / 1e9 / 3600, 12);
    expect(outputs['modulo_time']!.value).toBeCloseTo((0.8e12 * 8) / 1e9 / 3600, 12);
  });

  it('password hashing: each bcrypt cost step doubles the attacker\'s time and the defender\'s cores', async () => {
    const at12 = (await run('password-hashing')).outputs;
    const at14 = (await run('password-hashing', ['--set', 'bcrypt_cost=14'])).outputs;
    expect(at14['bcrypt_time']!.value / at12['bcrypt_time']!.value).toBeCloseTo(4, 12);
    expect(at12['login_cores']!.value).toBeCloseTo(1000 * 0.25, 12);
    expect(at12['login_servers']!.value).toBe(Math.ceil(250 / 16));
    expect(at14['login_servers']!.value).toBe(Math.ceil(1000 / 16));
    // MD5 at 150bn/s: 95^8 / 150e9 s = 12.29 hours.
    expect(at12['fast_time']!.value).toBeCloseTo(95 ** 8 / 150e9 / 3600, 9);
  });

  it('nearby friends: the pub/sub servers are the larger of the memory and the push needs', async () => {
    const { outputs } = await run('nearby-friends');
    expect(outputs['pubsub_servers']!.value).toBe(134);
    const lean = (await run('nearby-friends', ['--set', 'subscriber_size=20 KB'])).outputs;
    expect(lean['servers_for_memory']!.value).toBe(2000); // 200 TB / 100 GB
    expect(lean['pubsub_servers']!.value).toBe(2000);
  });

  it('payment wallet: the book\'s other rows, 100 TPS -> 20,000 nodes and 10,000 TPS -> 200', async () => {
    expect((await run('payment-wallet', ['--set', 'node_tps=100'])).outputs['database_nodes']!.value).toBe(20_000);
    expect((await run('payment-wallet', ['--set', 'node_tps=10000'])).outputs['database_nodes']!.value).toBe(200);
  });

  it('the book\'s 10^5-second day is an input: 86,400 s gives the exact rates', async () => {
    expect((await run('ad-click', ['--set', 'seconds_per_day=86400'])).outputs['click_rate']!.value).toBeCloseTo(1e9 / 86_400, 9);
    expect((await run('hotel-reservation', ['--set', 'seconds_per_day=86400'])).outputs['reservation_rate']!.value).toBeCloseTo(700e3 / 3 / 86_400, 12);
  });
});

describe('consistent hashing against a brute-force count', () => {
  const model: Model = buildModel(
    parseTemplate(source('templates/consistent-hashing.yaml', readFileSync(`${ROOT}templates/consistent-hashing.yaml`, 'utf8')), {
      name: 'consistent-hashing',
      folder: `${ROOT}templates`,
    }),
  );
  const slot = model.byName.get('modulo_share')!.slot;
  it('the share of keys that move is the share of h in [0, N(N+k)) with h mod N != h mod (N+k)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 200 }), (n, k) => {
        let moved = 0;
        const span = n * (n + k);
        for (let h = 0; h < span; h++) if (h % n !== h % (n + k)) moved++;
        const r = evaluate(model, resolveOverrides(model, [`node_count=${n}`, `added_nodes=${k}`]));
        expect(r.values[slot]).toBeCloseTo(moved / span, 12);
      }),
      { numRuns: 200 },
    );
  });
});

describe('range partitions re-split evenly against a brute-force count', () => {
  const model: Model = buildModel(
    parseTemplate(source('templates/consistent-hashing.yaml', readFileSync(`${ROOT}templates/consistent-hashing.yaml`, 'utf8')), {
      name: 'consistent-hashing',
      folder: `${ROOT}templates`,
    }),
  );
  const slot = model.byName.get('range_share')!.slot;
  it('the share that moves is the share of cells of width 1/(N(N+k)) whose range index changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), (n, k) => {
        const m = n + k;
        let moved = 0;
        // Range boundaries i/N and i/M all fall on the grid t/(N M): each cell's midpoint decides it.
        for (let t = 0; t < n * m; t++) if (Math.floor(((t + 0.5) * n) / (n * m)) !== Math.floor(((t + 0.5) * m) / (n * m))) moved++;
        const r = evaluate(model, resolveOverrides(model, [`node_count=${n}`, `added_nodes=${k}`]));
        expect(r.values[slot]).toBeCloseTo(moved / (n * m), 12);
      }),
      { numRuns: 200 },
    );
  });
  it('the notes\' wrong way, 4 -> 5: 5 + 10 + 15 + 20 = 50% of the keys move', async () => {
    expect((await run('consistent-hashing')).outputs['range_share']!.value).toBeCloseTo(50, 12);
  });
});

describe('the library in every format', () => {
  const FORMATS: [string, string][] = [
    ['table', 'table.txt'],
    ['markdown', 'md'],
    ['json', 'json'],
    ['csv', 'csv'],
  ];
  it.each(TEMPLATES.flatMap((t) => FORMATS.map(([f, ext]) => [t, f, ext] as const)))('%s --format %s matches its golden file', async (t, format, ext) => {
    const r = await cli([t, '--format', format]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    if (format === 'table') for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    golden(`library/${t}.${ext}`, r.stdout);
  });
});

describe('docs/templates.md', () => {
  it('lists every built-in template in its table, with a source', () => {
    const doc = readFileSync(`${ROOT}docs/templates.md`, 'utf8');
    for (const file of readdirSync(`${ROOT}templates`).filter((f) => f.endsWith('.yaml'))) {
      const row = new RegExp(`^\\| \`${file.slice(0, -5)}\` \\| [^|]+ \\| [^|]*\\S[^|]* \\|`, 'm');
      expect(doc, file).toMatch(row);
    }
  });
});

describe('estimate list', () => {
  it('shows every library template with its title', async () => {
    const r = await cli(['list']);
    expect(r.code).toBe(0);
    for (const t of TEMPLATES) {
      const title = /^title: "?(.*?)"?$/m.exec(readFileSync(`${ROOT}templates/${t}.yaml`, 'utf8'))![1]!;
      expect(r.stdout).toMatch(new RegExp(`^${t} +${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  \\[built-in\\]$`, 'm'));
    }
  });
});
