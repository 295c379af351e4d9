/**
 * Published estimates (issue 13): every template in test/fixtures/published/ copies one public
 * back-of-the-envelope estimate, and every figure the source publishes is checked here.
 *
 * For each figure the test knows the exact value, computed by hand (the arithmetic is in a
 * comment), and the source's published number with the number of significant digits the source
 * writes it with. Then:
 * - the tool's value must be the exact value (relative 1e-9), always;
 * - the template's `book:` figure must be the source's published number;
 * - where the source's arithmetic is right, the exact value rounded to the source's digits is the
 *   published number;
 * - where the source erred, the figure says so (`erred`), the exact value must NOT round to the
 *   published number, and the test records by how much the source is off (published / exact - 1).
 * A source's mistake stays a mistake: the template is never bent to reproduce a wrong number.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';

const DIR = `${ROOT}test/fixtures/published`;

interface Output {
  value: number;
  unit: string;
  book?: { value: number; unit: string };
}

/** One published figure of a case. */
interface Figure {
  /** The quantity in the template. */
  readonly name: string;
  /** The unit the template shows it in (its `unit:`). */
  readonly unit: string;
  /** The exact value in that unit, computed by hand. */
  readonly exact: number;
  /** The source's number, in that unit. */
  readonly published: number;
  /** How many significant digits the source writes the number with. */
  readonly digits: number;
  /** Present when the source's number is not the exact value rounded to its digits. */
  readonly erred?: {
    /** What the source did wrong. */
    readonly why: string;
    /** published / exact - 1, to 4 decimals (-0.0165 is 1.65% under). */
    readonly off: number;
  };
}

/** Equal within a relative 1e-9 (values pass through SI units and back). */
function near(a: number | undefined, b: number): boolean {
  return a !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Rounds to `digits` significant digits, half away from zero, immune to float residue. */
function roundSig(x: number, digits: number): number {
  if (x === 0) return 0;
  const power = Math.floor(Math.log10(Math.abs(x))) - digits + 1;
  // Divide or multiply by an exact power of ten, never by its inverse (10 ** -4 is not exact).
  const scaled = Number((power >= 0 ? x / 10 ** power : x * 10 ** -power).toPrecision(12));
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled));
  return power >= 0 ? rounded * 10 ** power : rounded / 10 ** -power;
}

const ok = (name: string, unit: string, exact: number, published: number, digits: number): Figure => ({
  name,
  unit,
  exact,
  published,
  digits,
});

const erred = (
  name: string,
  unit: string,
  exact: number,
  published: number,
  digits: number,
  why: string,
  off: number,
): Figure => ({ name, unit, exact, published, digits, erred: { why, off } });

/** The cases, by file name. Hand arithmetic in the comments; "month" is the source's month. */
const CASES: Record<string, readonly Figure[]> = {
  // ---- donnemartin/system-design-primer: a month is 2.5M s, "3 years" are 36 months ----
  'primer-pastebin.yaml': [
    // 1000 + 7 + 4 + 5 + 255 = 1271 B = 1.271 KB
    ok('paste_size', 'KB/paste', 1.271, 1.27, 3),
    // 1.271 KB * 10M = 12.71 GB per month
    ok('content_per_month', 'GB/month', 12.71, 12.7, 3),
    // 12.71 GB * 36 months = 457.56 GB; the source writes ~450 GB
    erred('content_3_years', 'GB', 457.56, 450, 2, 'rounds 457.6 GB down to ~450 GB', -0.0165),
    // 10M * 36 = 360M
    ok('shortlinks_3_years', 'paste', 360e6, 360e6, 2),
    // 10M / 2.5M s = 4 /s
    ok('write_rate', 'paste/s', 4, 4, 1),
    // 100M / 2.5M s = 40 /s
    ok('read_rate', 'paste/s', 40, 40, 1),
    // 4 /s * 10 = 40 /s
    ok('read_rate_from_ratio', 'paste/s', 40, 40, 1),
  ],
  'primer-twitter.yaml': [
    // 8 + 32 + 140 B + 10 KB = 10,180 B = 10.18 KB, "~10 KB"
    ok('tweet_size_exact', 'KB/tweet', 10.18, 10, 2),
    // 10 KB * 500M * 30 = 150e12 B = 150 TB per month
    ok('content_per_month', 'TB/month', 150, 150, 2),
    // 150 TB * 36 = 5,400 TB = 5.4 PB
    ok('content_3_years', 'PB', 5.4, 5.4, 2),
    // 250bn / 2.5M s = 100,000 /s (the source's "QPS", named `qps`)
    ok('qps', 'req/s', 100e3, 100e3, 1),
    // 15bn / 2.5M s = 6,000 /s
    ok('tweet_rate', 'tweet/s', 6000, 6000, 1),
    // 150bn / 2.5M s = 60,000 /s
    ok('fanout_rate', 'tweet/s', 60e3, 60e3, 1),
    // 10bn / 2.5M s = 4,000 /s
    ok('search_rate', 'search/s', 4000, 4000, 1),
  ],
  'primer-web-crawler.yaml': [
    // 500 KB * 4bn = 2e15 B = 2 PB per month
    ok('content_per_month', 'PB/month', 2, 2, 1),
    // 2 PB * 36 = 72 PB
    ok('content_3_years', 'PB', 72, 72, 2),
    // 4bn / 2.5M s = 1,600 /s
    ok('write_rate', 'page/s', 1600, 1600, 2),
    // 100bn / 2.5M s = 40,000 /s
    ok('search_rate', 'search/s', 40e3, 40e3, 1),
  ],
  'primer-mint.yaml': [
    // 10M users * 10 = 100M
    ok('budget_items', 'item', 100e6, 100e6, 1),
    // 8 + 5 + 32 + 5 = 50 B
    ok('transaction_size', 'B/transaction', 50, 50, 1),
    // 50 B * 5bn = 250 GB per month
    ok('content_per_month', 'GB/month', 250, 250, 2),
    // 250 GB * 36 = 9,000 GB = 9 TB
    ok('content_3_years', 'TB', 9, 9, 1),
    // 5bn / 2.5M s = 2,000 /s
    ok('transaction_rate', 'transaction/s', 2000, 2000, 1),
    // 500M / 2.5M s = 200 /s
    ok('read_rate', 'req/s', 200, 200, 1),
    // 5bn / 500M = 10 ("10:1 write to read ratio")
    ok('write_read_check', 'transaction/req', 10, 10, 1),
  ],
  'primer-social-graph.yaml': [
    // 100M * 50 = 5bn
    ok('relationships', 'friendship', 5e9, 5e9, 1),
    // 1bn / 2.5M s = 400 /s
    ok('search_rate', 'search/s', 400, 400, 1),
  ],
  'primer-query-cache.yaml': [
    // 50 + 20 + 200 = 270 B
    ok('entry_size', 'B/query', 270, 270, 2),
    // 270 B * 10bn = 2.7e12 B = 2.7 TB per month
    ok('cache_per_month', 'TB/month', 2.7, 2.7, 2),
    // 10bn / 2.5M s = 4,000 /s
    ok('query_rate', 'query/s', 4000, 4000, 1),
  ],
  'primer-sales-rank.yaml': [
    // 5 + 8 + 4 + 8 + 8 + 4 + 5 = 42 B, "~40 bytes" (one digit)
    ok('transaction_size_sum', 'B/transaction', 42, 40, 1),
    // 40 B * 1bn = 40 GB per month
    ok('content_per_month', 'GB/month', 40, 40, 1),
    // 40 GB * 36 = 1,440 GB = 1.44 TB
    ok('content_3_years', 'TB', 1.44, 1.44, 3),
    // 1bn / 2.5M s = 400 /s
    ok('transaction_rate', 'transaction/s', 400, 400, 1),
    // 100bn / 2.5M s = 40,000 /s
    ok('read_rate', 'req/s', 40e3, 40e3, 1),
    // 400 /s * 100 = 40,000 /s
    ok('read_rate_from_ratio', 'req/s', 40e3, 40e3, 1),
  ],
  'primer-scaling-aws.yaml': [
    // 1 KB * 1bn = 1e12 B = 1 TB per month
    ok('content_per_month', 'TB/month', 1, 1, 1),
    // 1 TB * 36 = 36 TB
    ok('content_3_years', 'TB', 36, 36, 2),
    // 1bn / 2.5M s = 400 /s
    ok('write_rate', 'write/s', 400, 400, 1),
    // 100bn / 2.5M s = 40,000 /s
    ok('read_rate', 'read/s', 40e3, 40e3, 1),
    // 400 /s * 100 = 40,000 /s
    ok('read_rate_from_ratio', 'read/s', 40e3, 40e3, 1),
  ],

  // ---- Grokking the System Design Interview: 30-day months, 86,400-second days ----
  'grokking-tinyurl.yaml': [
    // 500M * 100 = 50bn per month
    ok('redirections_per_month', 'url/month', 50e9, 50e9, 1),
    // 500M / (30 * 86,400 s) = 192.9 /s, "~200"
    ok('write_rate', 'url/s', 5e8 / 2_592_000, 200, 1),
    // 192.9 /s * 100 = 19,290 /s, "20K"
    ok('read_rate', 'url/s', 5e10 / 2_592_000, 20e3, 1),
    // 500M * 60 months = 30bn
    ok('objects', 'url', 30e9, 30e9, 1),
    // 30bn * 500 B = 15e12 B = 15 TB
    ok('storage', 'TB', 15, 15, 2),
    // 192.9 /s * 500 B = 96.45 KB/s, "100KB/s"
    ok('incoming', 'KB/s', (5e8 / 2_592_000) * 0.5, 100, 1),
    // 19,290 /s * 500 B = 9.645 MB/s, "~10 MB/s"
    ok('outgoing', 'MB/s', (5e10 / 2_592_000) * 500 / 1e6, 10, 1),
    // 19,290 /s * 86,400 s = 50bn / 30 = 1.667bn, "~1.7 billion"
    ok('requests_per_day', 'url', 5e10 / 30, 1.7e9, 2),
    // 0.2 * 1.667bn * 500 B = 166.7 GB, "~170GB"
    ok('cache_memory', 'GB', (0.2 * (5e10 / 30) * 500) / 1e9, 170, 2),
  ],
  'grokking-pastebin.yaml': [
    // 1M * 5 = 5M per day
    ok('reads_per_day', 'paste/day', 5e6, 5e6, 1),
    // 1M / 86,400 s = 11.57 /s, "~= 12"
    ok('write_rate', 'paste/s', 1e6 / 86_400, 12, 2),
    // 5M / 86,400 s = 57.87 /s, "~= 58"
    ok('read_rate', 'paste/s', 5e6 / 86_400, 58, 2),
    // 1M * 10 KB = 10 GB per day
    ok('storage_per_day', 'GB/day', 10, 10, 1),
    // 10 GB * 3,650 days = 36,500 GB = 36.5 TB; the source writes 36TB
    erred('storage_10_years', 'TB', 36.5, 36, 2, 'cuts 36.5 TB to 36TB', -0.0137),
    // 1M * 3,650 = 3.65bn; the source writes 3.6 billion
    erred('pastes_10_years', 'paste', 3.65e9, 3.6e9, 2, 'cuts 3.65 billion to 3.6 billion', -0.0137),
    // 64^6 = 68,719,476,736, "~= 68.7 billion"
    ok('unique_keys', '', 64 ** 6, 68.7e9, 3),
    // 3.65bn * 6 B = 21.9 GB, "22 GB"
    ok('key_storage', 'GB', 21.9, 22, 2),
    // 36.5 TB / 0.7 = 52.14 TB; the source divides its cut 36 TB: 36 / 0.7 = 51.4
    erred('storage_with_margin', 'TB', 36.5 / 0.7, 51.4, 3, 'takes the 70% margin of the cut 36 TB', -0.0142),
    // 11.57 /s * 10 KB = 115.7 KB/s, "120 KB/s"
    ok('ingress', 'KB/s', (1e6 / 86_400) * 10, 120, 2),
    // 57.87 /s * 10 KB = 0.5787 MB/s, "0.6 MB/s"
    ok('egress', 'MB/s', ((5e6 / 86_400) * 10e3) / 1e6, 0.6, 1),
    // 0.2 * 5M * 10 KB = 10 GB
    ok('cache_memory', 'GB', 10, 10, 1),
  ],
  'grokking-instagram.yaml': [
    // 2M / 86,400 s = 23.15 /s, "23"
    ok('photo_rate', 'photo/s', 2e6 / 86_400, 23, 2),
    // 2M * 200 KB = 400 GB per day
    ok('photo_storage_per_day', 'GB/day', 400, 400, 1),
    // 400 GB * 3,650 = 1,460,000 GB = 1,460 TB; the source writes 1425TB (1,460,000 / 1024)
    erred('photo_storage_10_years', 'TB', 1460, 1425, 4, 'divides by 1024 (1,460,000 / 1024 = 1425.8)', -0.024),
    // 500M * 68 B = 34 GB; the source writes 32GB (34e9 B = 31.7 GiB)
    erred('user_table', 'GB', 34, 32, 2, 'prints GiB as GB (34e9 B = 31.7 GiB)', -0.0588),
    // 2M * 284 B = 568 MB = 0.568 GB per day; the source writes 0.5GB (0.529 GiB)
    erred('photo_table_per_day', 'GB/day', 0.568, 0.5, 1, 'prints GiB as GB (0.568e9 B = 0.529 GiB)', -0.1197),
    // 0.568 GB * 3,650 = 2,073.2 GB = 2.0732 TB; the source writes 1.88TB (1.886 TiB)
    erred('photo_table_10_years', 'TB', 2.0732, 1.88, 3, 'prints TiB as TB (2.0732e12 B = 1.886 TiB)', -0.0932),
    // 500M * 500 * 8 B = 2e12 B = 2 TB; the source writes 1.82TB (1.819 TiB)
    erred('follow_table', 'TB', 2, 1.82, 3, 'prints TiB as TB (2e12 B = 1.819 TiB)', -0.09),
    // 0.034 + 2.0732 + 2 = 4.1072 TB; the source adds its wrong parts: 3.7TB
    erred('metadata_total', 'TB', 4.1072, 3.7, 2, 'adds up the binary-prefix figures', -0.0991),
    // ceil(4.1072 TB / 1 TB) = 5; the source: four shards for its 3.7TB
    erred('shards', 'shard', 5, 4, 1, 'sizes the shards for its wrong 3.7TB', -0.2),
    // 86,400 * 365 * 50 = 1,576,800,000 s, "1.6 billion seconds"
    ok('epoch_seconds', 's', 1_576_800_000, 1.6e9, 2),
    // ceil(log2(1.5768e9)) = ceil(30.55) = 31 bits
    ok('epoch_bits', '', 31, 31, 2),
  ],
  'grokking-dropbox.yaml': [
    // 500M * 200 = 100bn files
    ok('total_files', 'file', 100e9, 100e9, 1),
    // 100bn * 100 KB = 1e16 B = 10 PB
    ok('total_storage', 'PB', 10, 10, 1),
    // 144 GB / 4 MB = 36,000 chunks, "36K"
    ok('chunks_per_cache_server', 'chunk', 36e3, 36e3, 2),
  ],
  'grokking-messenger.yaml': [
    // 500M * 40 = 20bn per day
    ok('messages_per_day', 'message/day', 20e9, 20e9, 1),
    // 20bn * 100 B = 2e12 B = 2 TB per day
    ok('storage_per_day', 'TB/day', 2, 2, 1),
    // 2 TB * 1,825 days = 3,650 TB = 3.65 PB; the source writes ~= 3.6 PB
    erred('storage_5_years', 'PB', 3.65, 3.6, 2, 'cuts 3.65 PB to 3.6 PB', -0.0137),
    // 2e12 B / 86,400 s = 23.15 MB/s; the source writes ~= 25 MB/s
    erred('incoming', 'MB/s', 2e12 / 86_400 / 1e6, 25, 2, '2 TB / 86,400 s is 23.15 MB/s (25.4 only for 2 TiB)', 0.08),
    erred('outgoing', 'MB/s', 2e12 / 86_400 / 1e6, 25, 2, 'the same as the incoming 23.15 MB/s', 0.08),
  ],
  'grokking-twitter.yaml': [
    // 200M * 5 = 1bn favorites per day
    ok('favorites_per_day', 'favorite/day', 1e9, 1e9, 1),
    // 200M * (2 + 5) * 20 = 28bn per day
    ok('tweet_views', 'tweet/day', 28e9, 28e9, 2),
    // 140 * 2 B = 280 B
    ok('text_size', 'B/tweet', 280, 280, 2),
    // 100M * (280 + 30) B = 31e9 B = 31 GB per day, "30GB/day"
    ok('text_storage_per_day', 'GB/day', 31, 30, 1),
    // 100M * (20% * 200 KB + 10% * 2 MB) = 4 TB + 20 TB = 24 TB per day
    ok('media_per_day', 'TB/day', 24, 24, 2),
    // 24e12 B / 86,400 s = 277.8 MB/s; the source writes 290MB/sec
    erred('ingress', 'MB/s', 24e12 / 86_400 / 1e6, 290, 2, '24 TB / 86,400 s is 277.8 MB/s', 0.044),
    // 28bn * 280 B / 86,400 s = 90.74 MB/s; the source writes 93MB/s
    erred('egress_text', 'MB/s', (28e9 * 280) / 86_400 / 1e6, 93, 2, '28bn * 280 B / 86,400 s is 90.74 MB/s', 0.0249),
    // 28bn / 5 * 200 KB / 86,400 s = 12.96 GB/s, "13GB/S"
    ok('egress_photos', 'GB/s', ((28e9 / 5) * 200e3) / 86_400 / 1e9, 13, 2),
    // 28bn / 10 / 3 * 2 MB / 86,400 s = 21.60 GB/s, "22GB/s"
    ok('egress_videos', 'GB/s', ((28e9 / 10 / 3) * 2e6) / 86_400 / 1e9, 22, 2),
    // 0.09074 + 12.963 + 21.605 = 34.66 GB/s, "~= 35GB/s"
    ok('egress', 'GB/s', (28e9 * 280 + (28e9 / 5) * 200e3 + (28e9 / 10 / 3) * 2e6) / 86_400 / 1e9, 35, 2),
    // 100M / 86,400 s = 1,157.4 /s; the source writes 1150
    erred('tweet_write_rate', 'tweet/s', 1e8 / 86_400, 1150, 3, 'cuts 1,157 to 1150', -0.0064),
    // 28bn / 86,400 s = 324,074 /s; the source writes 325K
    erred('tweet_read_rate', 'tweet/s', 28e9 / 86_400, 325e3, 3, 'rounds 324,074 up to 325K', 0.0029),
  ],
  'grokking-youtube.yaml': [
    // 800M * 5 / 86,400 s = 46,296 /s, "46K"
    ok('view_rate', 'video/s', 4e9 / 86_400, 46e3, 2),
    // 46,296 / 200 = 231.5 /s, "230"
    ok('uploads_per_second', 'video/s', 4e9 / 86_400 / 200, 230, 2),
    // 500 h/min = 30,000 min of video per minute; * 50 MB = 1,500,000 MB = 1,500 GB per minute
    ok('storage_rate', 'GB/min', 1500, 1500, 2),
    // 1,500 GB / 60 s = 25 GB/s
    ok('storage_rate_per_second', 'GB/s', 25, 25, 2),
    // 30,000 * 10 MB = 300 GB per minute
    ok('upload_traffic', 'GB/min', 300, 300, 1),
    // 300 GB / 60 s = 5 GB/s
    ok('upload_traffic_per_second', 'GB/s', 5, 5, 1),
    // 5 GB/s * 200 = 1 TB/s
    ok('outgoing', 'TB/s', 1, 1, 1),
  ],
  'grokking-twitter-search.yaml': [
    // 400M * 300 B = 120 GB per day
    ok('storage_per_day', 'GB/day', 120, 120, 2),
    // 120e9 B / 86,400 s = 1.389 MB/s; the source writes 1.38
    erred('storage_rate', 'MB/s', 120e9 / 86_400 / 1e6, 1.38, 3, 'cuts 1.389 to 1.38', -0.0064),
    // 120 GB * 1,825 = 219,000 GB = 219 TB, "~= 200TB"
    ok('storage_5_years', 'TB', 219, 200, 1),
    // 219 TB / 0.8 = 273.75 TB; the source divides its rounded 200: 250TB
    erred('storage_at_80_percent', 'TB', 219 / 0.8, 250, 2, 'divides the rounded 200 TB, not 219 TB', -0.0868),
    // 273.75 TB * 2 = 547.5 TB, "500TB"
    ok('storage_with_copy', 'TB', 547.5, 500, 1),
    // ceil(547.5 / 4) = ceil(136.9) = 137 servers; the source: 500 / 4 = 125
    erred('storage_servers', 'server', 137, 125, 3, 'divides its rounded 500TB', -0.0876),
    // 400M * 1,825 = 730bn
    ok('tweets_5_years', 'tweet', 730e9, 730e9, 2),
    // 300K + 200K = 500K words
    ok('words', 'word', 500e3, 500e3, 1),
    // 500K * 5 B = 2.5 MB
    ok('word_memory', 'MB', 2.5, 2.5, 2),
    // 400M * 730 = 292bn
    ok('tweets_2_years', 'tweet', 292e9, 292e9, 3),
    // 292bn * 5 B = 1,460 GB
    ok('tweet_id_memory', 'GB', 1460, 1460, 3),
    // 1,460 GB * 15 + 2.5 MB = 21,900.0025 GB = 21.9 TB; the source writes ~= 21 TB
    erred('index_memory', 'TB', 21.9000025, 21, 2, 'cuts 21.9 TB to 21 TB', -0.0411),
    // 21,900.0025 GB / 144 GB = 152.08, "152 such servers" (from 21.9 TB, not its 21 TB)
    ok('index_servers', 'server', 21_900.0025 / 144, 152, 3),
  ],
  'grokking-web-crawler.yaml': [
    // 15bn / (4 * 7 * 86,400 s) = 6,200.4 /s, "~= 6200"
    ok('fetch_rate', 'page/s', 15e9 / (28 * 86_400), 6200, 2),
    // 15bn * (100 KB + 500 B) = 1.5075e18 B = 1.5075 PB, "~= 1.5 petabytes"
    ok('storage', 'PB', 1.5075, 1.5, 2),
    // 1.5075 PB / 0.7 = 2.1536 PB; the source divides its rounded 1.5: 2.14
    erred('storage_with_margin', 'PB', 1.5075 / 0.7, 2.14, 3, 'divides the rounded 1.5 PB, not 1.5075', -0.0063),
  ],
  'grokking-newsfeed.yaml': [
    // 300M * 5 = 1.5bn per day
    ok('requests_per_day', 'req/day', 1.5e9, 1.5e9, 2),
    // 1.5bn / 86,400 s = 17,361 /s; the source writes approximately 17,500
    erred('qps', 'req/s', 1.5e9 / 86_400, 17_500, 3, '1.5bn / 86,400 s is 17,361', 0.008),
    // 500 * 1 KB = 500 KB per user
    ok('feed_per_user', 'KB/user', 500, 500, 1),
    // 300M * 500 KB = 150e12 B = 150 TB
    ok('feed_memory', 'TB', 150, 150, 2),
    // 150 TB / 100 GB = 1,500 machines
    ok('machines', 'machine', 1500, 1500, 2),
  ],
  'grokking-ticketmaster.yaml': [
    // 500 * 10 * 2000 * 2 * (50 + 50) B = 2e9 B = 2 GB per day
    ok('storage_per_day', 'GB/day', 2, 2, 1),
    // 2 GB * 1,825 = 3,650 GB = 3.65 TB; the source writes around 3.6TB
    erred('storage_5_years', 'TB', 3.65, 3.6, 2, 'cuts 3.65 TB to 3.6TB', -0.0137),
  ],

  'grokking-typeahead.yaml': [
    // 5bn / 86,400 s = 57,870 /s, "approximately 60K"
    ok('qps', 'search/s', 5e9 / 86_400, 60e3, 1),
    // 3 words * 5 characters * 2 B = 30 B
    ok('term_size', 'B/term', 30, 30, 1),
    // 100M * 30 B = 3 GB
    ok('index_size', 'GB', 3, 3, 1),
    // 3 GB + 0.02 * 3 GB * 365 = 3 + 21.9 = 24.9 GB, "25 GB"
    ok('storage_after_a_year', 'GB', 24.9, 25, 2),
  ],
  'grokking-rate-limiter.yaml': [
    // 8 + 2 + 2 = 12 B
    ok('fixed_window_record', 'B/user', 12, 12, 2),
    // (12 + 20) B * 1M = 32 MB
    ok('fixed_window_memory', 'MB', 32, 32, 2),
    // 32 MB + 4 B * 1M = 36 MB
    ok('fixed_window_memory_locked', 'MB', 36, 36, 2),
    // 10 /s * 1M = 10M /s
    ok('qps', 'req/s', 10e6, 10e6, 1),
    // 8 + (4 + 20) * 500 + 20 = 12,028 B = 12.028 KB, "12KB"
    ok('sliding_window_record', 'KB/user', 12.028, 12, 2),
    // 12,028 B * 1M = 12.028 GB, "~= 12GB"
    ok('sliding_window_memory', 'GB', 12.028, 12, 2),
    // 8 + (4 + 2 + 20) * 60 + 20 = 1,588 B = 1.588 KB, "1.6KB"
    ok('counters_record', 'KB/user', 1.588, 1.6, 2),
    // 1,588 B * 1M = 1.588 GB, "~= 1.6GB"
    ok('counters_memory', 'GB', 1.588, 1.6, 2),
  ],
  'grokking-yelp.yaml': [
    // 8 + 256 + 8 + 8 + 512 + 1 = 793 B
    ok('place_row', 'B/place', 793, 793, 3),
    // 200M square miles / 10 = 20M grids
    ok('grid_count', 'grid', 20e6, 20e6, 1),
    // 4 B * 20M + 8 B * 500M = 0.08 + 4 GB = 4.08 GB, "~= 4 GB"
    ok('grid_index_memory', 'GB', 4.08, 4, 1),
    // (8 + 8 + 8) B * 500M = 12 GB
    ok('quadtree_places', 'GB', 12, 12, 2),
    // 500M / 500 = 1M
    ok('leaf_grids', 'grid', 1e6, 1e6, 1),
    // 1M * 1/3 * 4 * 8 B = 10.67 MB, "10 MB"
    ok('internal_nodes_memory', 'MB', 32 / 3, 10, 1),
    // 12 GB + 10.67 MB = 12.0107 GB, "12.01GB"
    ok('quadtree_memory', 'GB', 12 + 32 / 3 / 1000, 12.01, 4),
  ],
  'grokking-uber.yaml': [
    // 3 + 4 * 8 = 35 B
    ok('location_record', 'B/driver', 35, 35, 2),
    // 1M * 35 B = 35 MB
    ok('location_table', 'MB', 35, 35, 2),
    // 3 + 16 = 19 B
    ok('update_size', 'B/driver', 19, 19, 2),
    // 1M * 19 B = 19 MB every three seconds
    ok('updates_per_interval', 'MB', 19, 19, 2),
    // 500K * 3 B + 500K * 5 * 8 B = 1.5 MB + 20 MB = 21.5 MB; the source writes ~= 21 MB
    erred('subscription_memory', 'MB', 21.5, 21, 2, 'cuts 21.5 MB to 21 MB', -0.0233),
    // 5 * 500K = 2.5M
    ok('subscribers', 'customer', 2.5e6, 2.5e6, 2),
    // 2.5M * 19 B / 1 s = 47.5 MB/s
    ok('broadcast_bandwidth', 'MB/s', 47.5, 47.5, 3),
  ],

  // ---- System Design Interview vol. 2 (notes): a day is 10^5 s ----
  'sdi2-proximity.yaml': [
    // 100M * 5 / 10^5 s = 5,000 /s
    ok('qps', 'search/s', 5000, 5000, 1),
  ],
  'sdi2-google-maps.yaml': [
    // 1bn * 35 min per week of 7 days = 5bn min/day
    ok('minutes_per_day', 'min/day', 5e9, 5e9, 1),
    // 5bn min * 60 s / 10^5 s per day = 3M s/s; one request per 15 s = 200,000 /s
    ok('qps', 'update/s', 2e5, 2e5, 1),
    // 200,000 * 5 = 1M /s
    ok('peak_qps', 'update/s', 1e6, 1e6, 1),
  ],
  'sdi2-nearby-friends.yaml': [
    // 100M * 10% = 10M
    ok('concurrent_users', 'user', 10e6, 10e6, 1),
    // 10M / 30 s = 333,333 /s; the source writes ~334k
    erred('qps', 'update/s', 1e7 / 30, 334e3, 3, 'rounds 333,333 up to 334k', 0.002),
  ],
  'sdi2-ad-click.yaml': [
    // 1bn * 1 = 1bn clicks per day
    ok('clicks_per_day', 'click/day', 1e9, 1e9, 1),
    // 1bn / 10^5 s = 10,000 /s
    ok('click_rate', 'click/s', 10e3, 10e3, 1),
    // 10,000 /s * 5 = 50,000 /s
    ok('peak_click_rate', 'click/s', 50e3, 50e3, 1),
    // 1bn * 0.1 KB = 100 GB per day
    ok('storage_per_day', 'GB/day', 100, 100, 1),
    // 100 GB * 30 days = 3 TB
    ok('storage_per_month', 'TB', 3, 3, 1),
  ],
  'sdi2-hotel.yaml': [
    // 1M * 0.7 / 3 = 233,333 per day; the source writes ~240k
    erred('reservations_per_day', 'reservation/day', 7e5 / 3, 240e3, 2, '1M * 0.7 / 3 is 233,333', 0.0286),
    // 233,333 / 10^5 s = 2.33 /s; the source writes ~3
    erred('reservation_rate', 'reservation/s', 7e5 / 3 / 1e5, 3, 1, '233,333 / 10^5 s is 2.33 (240k / 10^5 is 2.4)', 0.2857),
    // 5000 * 20 * 2 * 365 = 73M rows
    ok('inventory_rows', 'row', 73e6, 73e6, 2),
  ],
  'sdi2-email.yaml': [
    // 1bn * 10 / 10^5 s = 100,000 /s
    ok('send_rate', 'email/s', 100e3, 100e3, 1),
    // 1bn * 40 * 50 KB * 365 = 7.3e17 B = 730 PB
    ok('metadata_per_year', 'PB', 730, 730, 2),
    // 1bn * 40 * 20% * 500 KB * 365 = 1.46e18 B = 1,460 PB
    ok('attachments_per_year', 'PB', 1460, 1460, 3),
  ],
  'sdi2-leaderboard.yaml': [
    // 5M / 10^5 s = 50 /s
    ok('user_rate', 'user/s', 50, 50, 1),
    // 50 /s * 5 = 250 /s
    ok('peak_user_rate', 'user/s', 250, 250, 2),
    // 50 /s * 10 = 500 /s
    ok('score_rate', 'score/s', 500, 500, 1),
    // 500 /s * 5 = 2,500 /s
    ok('peak_score_rate', 'score/s', 2500, 2500, 2),
    // 5M * 1 / 10^5 s = 50 /s
    ok('top10_rate', 'fetch/s', 50, 50, 1),
    // 26 B * 25M = 650 MB
    ok('leaderboard_storage', 'MB', 650, 650, 2),
    // 650 MB * 100 = 65 GB
    ok('grown_storage', 'GB', 65, 65, 2),
    // 2,500 /s * 100 = 250,000 /s
    ok('grown_peak_score_rate', 'score/s', 250e3, 250e3, 2),
  ],
  'sdi2-stock-exchange.yaml': [
    // 1bn / (6.5 * 3,600 s) = 42,735 /s, "43000"
    ok('qps', 'order/s', 1e9 / (6.5 * 3600), 43e3, 2),
    // 42,735 /s * 5 = 213,675 /s; the source multiplies its rounded 43,000: 215000
    erred('peak_qps', 'order/s', 5e9 / (6.5 * 3600), 215e3, 3, 'multiplies the rounded 43,000', 0.0062),
  ],

  // ---- session 3 (readers): more sources, each figure as the source writes it ----
  // donnemartin/system-design-primer README: latency numbers and their "handy metrics"
  'primer-latency.yaml': [
    // 7 ns / 0.5 ns = 14 ("14x L1 cache")
    ok('l2_vs_l1', '', 14, 14, 2),
    // 100 ns / 7 ns = 14.29, written "20x L2 cache"
    erred('memory_vs_l2', '', 100 / 7, 20, 1, 'writes 100 ns / 7 ns = 14.3 as "20x"', 0.4),
    // 100 ns / 0.5 ns = 200
    ok('memory_vs_l1', '', 200, 200, 1),
    // 1 KB = 8,000 bit; at 1e9 bit/s that is 8 us, written "10 us"
    erred('send_1kb', 'us', 8, 10, 1, 'keeps 10 us from the 2 KB row of the original table', 0.25),
    // 1,000 us / 250 us = 4 ("4X memory")
    ok('ssd_vs_memory', '', 4, 4, 1),
    // 10 ms / 500 us = 20 ("20x datacenter roundtrip")
    ok('seek_vs_round_trip', '', 20, 20, 1),
    // 10 ms / 250 us = 40; 10 ms / 1 ms = 10
    ok('network_vs_memory', '', 40, 40, 1),
    ok('network_vs_ssd', '', 10, 10, 1),
    // 30 ms / 250 us = 120; 30 ms / 1 ms = 30
    ok('hdd_vs_memory', '', 120, 120, 2),
    ok('hdd_vs_ssd', '', 30, 30, 1),
    // 1 MB / 30 ms = 33.3 MB/s, "30 MB/s"
    ok('hdd_rate', 'MB/s', 100 / 3, 30, 1),
    // 1 MB / 10 ms = 100 MB/s; 1 MB / 1 ms = 1 GB/s; 1 MB / 250 us = 4 GB/s
    ok('network_rate', 'MB/s', 100, 100, 1),
    ok('ssd_rate', 'GB/s', 1, 1, 1),
    ok('memory_rate', 'GB/s', 4, 4, 1),
    // 1 / 150 ms = 6.67 /s, "6-7" (checked as 7)
    ok('world_round_trips', 'round_trip/s', 1 / 0.15, 7, 1),
    // 1 / 500 us = 2,000 /s
    ok('datacenter_round_trips', 'round_trip/s', 2000, 2000, 1),
  ],
  'primer-powers-of-two.yaml': [
    // 2^10 = 1,024, "1 thousand"; 2^20 "1 million"; 2^30 "1 billion"; 2^40 "1 trillion"
    ok('approx_10', '', 1024, 1e3, 1),
    ok('approx_20', '', 2 ** 20, 1e6, 1),
    ok('approx_30', '', 2 ** 30, 1e9, 1),
    ok('approx_40', '', 2 ** 40, 1e12, 1),
    // data: binary, so 2^10 B = 1 KB, 2^16 B = 64 KB, 2^20 B = 1 MB, 2^30 B = 1 GB, 2^32 B = 4 GB, 2^40 B = 1 TB
    ok('bytes_10', 'KB', 1, 1, 1),
    ok('bytes_16', 'KB', 64, 64, 2),
    ok('bytes_20', 'MB', 1, 1, 1),
    ok('bytes_30', 'GB', 1, 1, 1),
    ok('bytes_32', 'GB', 4, 4, 1),
    ok('bytes_40', 'TB', 1, 1, 1),
  ],
  'primer-conversion-guide.yaml': [
    // month: 2.5M s
    ok('seconds_per_month', 's', 2.5e6, 2.5e6, 2),
    // 1 /s * 2.5M s = 2.5M; 40 /s -> 100M; 400 /s -> 1bn
    ok('one_rps_monthly', 'req/month', 2.5e6, 2.5e6, 2),
    ok('forty_rps_monthly', 'req/month', 100e6, 100e6, 1),
    ok('four_hundred_rps_monthly', 'req/month', 1e9, 1e9, 1),
  ],
  // ---- Jeff Dean's thumbnails, as High Scalability quotes them ----
  'dean-thumbnails.yaml': [
    // 30 * 10 ms + 30 * 256 KB / 30 MB/s = 300 + 256 = 556 ms, "560ms"
    ok('serial', 'ms', 556, 560, 2),
    // 10 ms + 256 KB / 30 MB/s = 18.53 ms, "18ms"
    erred('parallel', 'ms', 10 + 256 / 30, 18, 2, 'cuts 18.53 ms to 18', -0.02878),
  ],
  // ---- Designing Data-Intensive Applications, ch. 1 ----
  'ddia-twitter-fanout.yaml': [
    // 4,600 tweets/s * 75 followers = 345,000 writes/s
    ok('fanout_writes', 'write/s', 345e3, 345e3, 3),
  ],
  // ---- sirupsen/napkin-math README: time = size / throughput, binary units ----
  'napkin-throughput.yaml': [
    // 1 MiB / 20 GiB/s = 1e6 / 20,480 us = 48.83 us; 1 GiB / 20 GiB/s = 50 ms
    ok('memory_single_thread_mib', 'μs', 1e6 / 20480, 50, 1),
    ok('memory_single_thread_gib', 'ms', 50, 50, 1),
    // at 200 GiB/s: 4.883 us, 5 ms
    ok('memory_threaded_mib', 'μs', 1e6 / 204800, 5, 1),
    ok('memory_threaded_gib', 'ms', 5, 5, 1),
    // at 10 GiB/s: 97.66 us, 100 ms
    ok('network_same_zone_mib', 'μs', 1e6 / 10240, 100, 1),
    ok('network_same_zone_gib', 'ms', 100, 100, 1),
    // at 3 GiB/s: 325.5 us, 333.3 ms
    ok('memory_random_mib', 'μs', 1e6 / 3072, 300, 1),
    ok('memory_random_gib', 'ms', 1000 / 3, 300, 1),
    // at 8 GiB/s: 122.1 us, 125 ms
    ok('ssd_sequential_read_mib', 'μs', 1e6 / 8192, 100, 1),
    ok('ssd_sequential_read_gib', 'ms', 125, 100, 1),
    // at 70 MiB/s: 14.29 ms ("15 ms"), 14.63 s ("15s")
    erred('ssd_random_read_mib', 'ms', 1000 / 70, 15, 2, 'rounds 14.3 ms up to 15', 0.05),
    ok('ssd_random_read_gib', 's', 1024 / 70, 15, 2),
    // at 250 MiB/s: 4 ms ("2 ms"), 4.096 s ("2s")
    erred('hdd_sequential_read_mib', 'ms', 4, 2, 1, 'halves the 4 ms that 250 MiB/s takes', -0.5),
    erred('hdd_sequential_read_gib', 's', 4.096, 2, 1, 'halves the 4.1 s that 250 MiB/s takes', -0.51172),
    // at 0.7 MiB/s: 1.43 s ("2 s"), 1,463 s = 24.38 min ("30m")
    erred('hdd_random_read_mib', 's', 1 / 0.7, 2, 1, 'rounds 1.43 s up to 2', 0.4),
    erred('hdd_random_read_gib', 'min', 1024 / 0.7 / 60, 30, 1, 'rounds 24.4 min up to 30', 0.23047),
    // at 25 GiB/s: 39.06 us ("50 μs"), 40 ms
    erred('network_premium_mib', 'μs', 1e6 / 25600, 50, 1, 'writes 39 us as 50', 0.28),
    ok('network_premium_gib', 'ms', 40, 40, 1),
    // at 25 MiB/s: 40 ms, 40.96 s ("40s")
    ok('network_between_regions_mib', 'ms', 40, 40, 1),
    ok('network_between_regions_gib', 's', 40.96, 40, 1),
  ],
  'napkin-cost.yaml': [
    // month: 730 h; $2/month / 730 h = $0.00274/h, written "$0.005"
    erred('cpu_spot_hourly', 'USD/cpu/h', 2 / 730, 0.005, 1, 'divides by a 400-hour month', 0.825),
    // $1500 / 730 h = $2.05/h, "$2"
    ok('gpu_spot_hourly', 'USD/gpu/h', 1500 / 730, 2, 1),
    // $0.2 / 730 h = $0.000274/h, written "$0.0005"
    erred('memory_spot_hourly', 'USD/GB/h', 0.2 / 730, 0.0005, 1, 'divides by a 400-hour month', 0.825),
    // $0.4, $5, $3 per million -> per thousand
    ok('blob_reads_per_1000', 'USD', 0.0004, 0.0004, 1),
    ok('blob_writes_per_1000', 'USD', 0.005, 0.005, 1),
    ok('ekm_per_1000', 'USD', 0.003, 0.003, 1),
  ],
  // ---- godndas2/Netflix-Key-Platform-Metrics ----
  'netflix-metrics.yaml': [
    // 100M * 3 = 300M; * 2 = 600M
    ok('peak_dau', 'user', 300e6, 300e6, 1),
    ok('max_peak_dau', 'user', 600e6, 600e6, 1),
    // 100M * 5 = 500M videos/day; * 3 = 1.5bn; * 2 = 3bn
    ok('videos_watched', 'video/day', 500e6, 500e6, 1),
    ok('peak_videos_watched', 'video/day', 1.5e9, 1.5e9, 2),
    ok('max_peak_videos_watched', 'video/day', 3e9, 3e9, 1),
    // 500M * 500 MB = 250 PB/day
    ok('egress_per_day', 'PB/day', 250, 250, 2),
    // 250e15 B / 86,400 s = 2,894 GB/s, written "29.1GB/sec"
    erred('egress_bandwidth', 'GB/s', 250e6 / 86400, 29.1, 3, 'loses a factor of about 100', -0.98994),
    // 1,000 * 500 MB = 500 GB/day; / 86,400 s = 5.787 MB/s, "5.8MB/sec"
    ok('ingress_per_day', 'GB/day', 500, 500, 1),
    ok('ingress_bandwidth', 'MB/s', 500e3 / 86400, 5.8, 2),
    // 500 GB * 5 * 365 = 912.5 TB
    ok('storage_5_years', 'TB', 912.5, 912.5, 4),
  ],
  // ---- preslavmihaylov/booknotes on System Design Interview vol. 1 ----
  'sdi1-twitter-notes.yaml': [
    // 150M * 2 / 86,400 s = 3,472 /s, "3400-3600"
    ok('tweet_rate', 'tweet/s', 3e8 / 86400, 3500, 2),
    // 2 * 3,472 = 6,944, "peak=7000"
    ok('peak_tweet_rate', 'tweet/s', 6e8 / 86400, 7000, 1),
    // 300M tweets * 10% = 30M media/day; * 1 MB = 30 TB/day; * 1,825 days = 54.75 PB, "55pb"
    ok('media_per_day', 'media/day', 30e6, 30e6, 1),
    ok('media_storage_per_day', 'TB/day', 30, 30, 2),
    ok('media_storage_5_years', 'PB', 54.75, 55, 2),
    // 300M tweets * (64 + 140 + 1000) B = 361.2 GB/day, written "302mb per day"
    erred('tweet_storage_per_day', 'GB/day', 361.2, 0.302, 3, 'writes 302.4 million tweets a day as "302mb"', -0.99916),
    // 361.2 GB * 1,825 = 659.19 TB, written "551gb"
    erred('tweet_storage_5_years', 'TB', 659.19, 0.551, 3, 'carries "302mb" into 5 years', -0.99916),
  ],
  'sdi1-autocomplete-notes.yaml': [
    // 10M * 10 = 100M searches/day; / 86,400 s = 1,157 /s, "1200"
    ok('searches_per_day', 'search/day', 100e6, 100e6, 1),
    ok('search_rate', 'search/s', 1e8 / 86400, 1200, 2),
    // 1,157 * 20 = 23,148 /s, written "24000"; peak 46,296, written "48000"
    erred('qps', 'query/s', 2e9 / 86400, 24000, 2, 'multiplies the rounded 1,200', 0.0368),
    erred('peak_qps', 'query/s', 4e9 / 86400, 48000, 2, 'doubles the rounded 24,000', 0.0368),
    // 100M * 20% * 20 B = 400 MB/day
    ok('new_data', 'MB/day', 400, 400, 1),
  ],
  'sdi1-url-shortener-notes.yaml': [
    // 100M / 86,400 s = 1,157 /s, "~1200"; * 10 = 11,574 /s, "12000"
    ok('write_rate', 'url/s', 1e8 / 86400, 1200, 2),
    ok('read_rate', 'url/s', 1e9 / 86400, 12000, 2),
    // 100M * 3,650 days = 365bn; * 100 B = 36.5 TB
    ok('records', 'url', 365e9, 365e9, 3),
    ok('storage', 'TB', 36.5, 36.5, 3),
    // ceil(log62(365bn)) = ceil(6.47) = 7; 62^7 = 3.52 trillion, "~3.5 trillion"
    ok('hash_length', '', 7, 7, 1),
    ok('hash_capacity', '', 62 ** 7, 3.5e12, 2),
  ],
  'sdi1-crawler-notes.yaml': [
    // 1bn / (30 * 86,400 s) = 385.8 /s, "~400"; peak 771.6, "800"
    ok('qps', 'page/s', 1e9 / (30 * 86400), 400, 1),
    ok('peak_qps', 'page/s', 2e9 / (30 * 86400), 800, 1),
    // 1bn * 500 KB = 500 TB/month; * 60 months (year: 12 month) = 30 PB
    ok('storage_per_month', 'TB/month', 500, 500, 1),
    ok('storage_5_years', 'PB', 30, 30, 1),
  ],
  'sdi1-youtube-notes.yaml': [
    // 5M * 10% * 300 MB = 150 TB/day
    ok('storage_per_day', 'TB/day', 150, 150, 2),
    // 5M * 5 * 0.3 GB * $0.02/GB = $150,000/day
    ok('cdn_cost', 'USD/day', 150e3, 150e3, 2),
  ],
  'sdi1-drive-notes.yaml': [
    // 50M * 10 GB = 500 PB
    ok('space_allocated', 'PB', 500, 500, 1),
    // 10M * 2 / 86,400 s = 231.5 /s, written "~240"; peak 463, written "480"
    erred('qps', 'upload/s', 2e7 / 86400, 240, 2, 'rounds 231.5 up to 240', 0.0368),
    erred('peak_qps', 'upload/s', 4e7 / 86400, 480, 2, 'doubles the rounded 240', 0.0368),
  ],
  'sdi1-chat-notes.yaml': [
    // 1M * 10 KB = 10 GB
    ok('memory', 'GB', 10, 10, 2),
  ],
  'sdi1-unique-id-notes.yaml': [
    // 2^41 ms = 2.199e9 s = 69.73 years of 365 days; floored, "69 years max"
    ok('max_years', 'year', 69, 69, 2),
    // 2^5 = 32
    ok('datacenters', '', 32, 32, 2),
    ok('machines', '', 32, 32, 2),
  ],
  // ---- preslavmihaylov/booknotes on System Design Interview vol. 2 ----
  'sdi2-object-storage.yaml': [
    // 100 PB = 10^11 MB
    ok('capacity_in_mb', 'MB', 1e11, 1e11, 1),
    // 4e10 MB / (0.1 + 19.2 + 40 = 59.3 MB) = 674.5M, written "0.68bil"
    erred('objects', 'object', 4e10 / 59.3, 6.8e8, 2, 'rounds 674.5 million up to 0.68 billion', 0.0081),
    // 674.5M * 1 KB = 0.6745 TB, written "0.68tb"
    erred('metadata', 'TB', 4e10 / 59.3 / 1e9, 0.68, 2, 'carries the rounded 0.68 billion', 0.0081),
  ],
  'sdi2-payment.yaml': [
    // 1M / 10^5 s = 10 /s
    ok('tps', 'transaction/s', 10, 10, 1),
  ],
  'sdi2-digital-wallet.yaml': [
    // 1M / 1,000 = 1,000 nodes; 2 legs: 2M TPS; / 1,000 = 2,000; / 100 = 20,000; / 10,000 = 200
    ok('nodes_one_leg', 'node', 1000, 1000, 1),
    ok('tps', 'transaction/s', 2e6, 2e6, 1),
    ok('nodes', 'node', 2000, 2000, 1),
    ok('nodes_slow', 'node', 20000, 20000, 1),
    ok('nodes_fast', 'node', 200, 200, 1),
  ],
  'sdi2-metrics.yaml': [
    // 1,000 * 100 * 100 = 10M
    ok('metrics', 'metric', 10e6, 10e6, 1),
  ],
  // ---- dongzeli95/swe-interview, notes on SDI vol. 2 "Google Maps" (day: 10^5 s) ----
  'notes-google-maps.yaml': [
    // 1bn * 35 min / 7 = 5bn min/day
    ok('minutes_per_day', 'min/day', 5e9, 5e9, 1),
    // 1bn * 2 / 10^5 s = 20,000 /s
    ok('navigation_qps', 'req/s', 20e3, 20e3, 1),
    // 5bn min * 60 = 300bn /day; / 10^5 s = 3M /s; / 15 = 200,000 /s; * 5 = 1M /s
    ok('updates_every_second', 'req/day', 300e9, 300e9, 1),
    ok('updates_every_second_qps', 'req/s', 3e6, 3e6, 1),
    ok('update_qps', 'req/s', 200e3, 200e3, 1),
    ok('peak_update_qps', 'req/s', 1e6, 1e6, 1),
    // 4.3 trillion * 100 KB = 430 PB, written "440PB"
    erred('tile_storage', 'PB', 430, 440, 2, 'uses 4.4 trillion tiles after stating 4.3', 0.02326),
  ],
  // ---- DreamOfTheRedChamber/system-design-interviews: scenario estimates (bits, 10^n, rounding carried) ----
  'redchamber-drive.yaml': [
    // 0.2bn * 4 / 86,400 s = 9,259 /s, written "10^4"; peak 18,519, "2 * 10^4" (right at one digit)
    erred('qps', 'file/s', 0.8e9 / 86400, 1e4, 1, 'rounds 9,259 up to 10^4', 0.08),
    ok('peak_qps', 'file/s', 1.6e9 / 86400, 2e4, 1),
    // 9,259 * 1 MB = 9.26 GB/s, "10 GB/s"; = 74.1 Gb/s, "80Gb/s"; peak 148 Gb/s, "160 Gb/s"
    erred('bandwidth_bytes', 'GB/s', 0.8e9 / 86400 / 1e3, 10, 1, 'carries the rounded 10^4', 0.08),
    erred('bandwidth', 'Gb/s', (0.8e9 / 86400) * 8 / 1e3, 80, 1, 'carries the rounded 10^4', 0.08),
    erred('peak_bandwidth', 'Gb/s', (1.6e9 / 86400) * 8 / 1e3, 160, 2, 'carries the rounded 10^4', 0.08),
    // 10^9 * 1 TB * 10% = 10^8 TB
    ok('storage', 'TB', 1e8, 1e8, 1),
  ],
  'redchamber-newsfeed.yaml': [
    // 0.2bn * 10 * 20 = 40bn, written "4 billion"
    erred('views_per_day', 'view/day', 4e10, 4e9, 1, 'drops a factor of 10 in 0.2bn * 10 * 20', -0.9),
    // 40bn / 86,400 s = 462,963 /s, written "40,000"; peak 925,926, "100,000"
    erred('qps', 'view/s', 4e10 / 86400, 40e3, 1, 'carries the 4 billion, then rounds down', -0.9136),
    erred('peak_qps', 'view/s', 8e10 / 86400, 100e3, 1, 'carries the 4 billion', -0.892),
    // 925,926 * 20 = 18.5M tweets/s, written "2 Million"
    erred('peak_tweets', 'tweet/s', (8e10 / 86400) * 20, 2e6, 1, 'carries the 4 billion', -0.892),
    // 18.5M * (500 KB / 5 + 2 MB / 10) * 8 = 44.4 Tb/s, written "5 Tb/s"
    erred('peak_bandwidth', 'Tb/s', 44.44444444444444, 5, 1, 'carries the 4 billion', -0.8875),
    // 140 * 3 + 80 = 500 B; 0.2bn * 500 B = 100 GB/day; 0.2bn * (100 KB + 200 KB) = 60 TB/day
    ok('tweet_size', 'B/tweet', 500, 500, 1),
    ok('text_per_day', 'GB/day', 100, 100, 1),
    ok('media_per_day', 'TB/day', 60, 60, 1),
  ],
  'redchamber-video.yaml': [
    // 10^9 * 10 = 10^10 plays/day; / 86,400 s = 115,741 /s, "10^5"
    ok('plays_per_day', 'play/day', 1e10, 1e10, 1),
    ok('play_qps', 'play/s', 1e10 / 86400, 1e5, 1),
    // 115,741 /s * 300 s = 34.7M, "3 * 10^7"
    ok('concurrent', 'play', (1e10 / 86400) * 300, 3e7, 1),
    // 115,741 / 200 = 578.7 /s, written "500"
    erred('upload_qps', 'video/s', 1e10 / 86400 / 200, 500, 1, 'divides the rounded 10^5', -0.136),
    // 115,741 /s * 100 MB = 11.57 TB/s, written "80 TB/s" (80 Tb of bits, labelled bytes)
    erred('upload_bandwidth_as_written', 'TB/s', 1e10 / 86400 / 1e4, 80, 1, 'multiplies by 8 and labels the bits as bytes', 5.912),
    // 578.7 /s * 100 MB = 57.87 GB/s, written "50 GB"
    erred('upload_rate', 'GB/s', 1e10 / 86400 / 200 / 10, 50, 1, 'carries the 500 uploads', -0.136),
    // 57.87 GB/s * 31,536,000 s = 1,825 PB, written "1600 PB"; * 3 = 5,475 PB, written "5200PB"
    erred('storage_per_year', 'PB', 1825, 1600, 2, 'carries the 50 GB and rounds 1,577 up', -0.12329),
    erred('storage_replicated', 'PB', 5475, 5200, 2, 'multiplies 1,600 by 3 as 5,200', -0.05023),
  ],
  'redchamber-tinyurl.yaml': [
    // 10^9 / (30 * 86,400 s) = 385.8 /s, written "10^4" (the 30 days dropped)
    erred('write_qps', 'url/s', 1e9 / (30 * 86400), 1e4, 1, 'drops the 30 days of the month', 24.92),
    // * 100 = 38,580 /s, "10^6"; peak 77,160 /s, "2 * 10^6"; * 1 KB = 77.16 MB/s, "2000 Mb"
    erred('read_qps', 'url/s', 1e11 / (30 * 86400), 1e6, 1, 'carries the dropped month', 24.92),
    erred('peak_read_qps', 'url/s', 2e11 / (30 * 86400), 2e6, 1, 'carries the dropped month', 24.92),
    erred('peak_bandwidth', 'MB/s', 2e11 / (30 * 86400) / 1e3, 2000, 1, 'carries the dropped month', 24.92),
    // 10^9 * 24 months = 24bn; * 1 KB = 24 TB
    ok('records', 'url', 24e9, 24e9, 2),
    ok('storage', 'TB', 24, 24, 2),
  ],
};

/** Cases that today's syntax cannot express at all: none yet (each would be an it.skip with its reason). */
const NEEDS_ISSUE_13: Record<string, string> = {};

/** A figure's test name; a source error is named with what went wrong and by how much. */
function title(f: Figure): string {
  if (f.erred === undefined) return `${f.name} = ${f.published} ${f.unit}`;
  const pct = `${f.erred.off > 0 ? '+' : ''}${(f.erred.off * 100).toFixed(2)}%`;
  return `${f.name}: the source's ${f.published} ${f.unit} is ${pct} off (${f.erred.why})`;
}

async function evaluate(file: string): Promise<Record<string, Output>> {
  const r = await cli([`${DIR}/${file}`, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { outputs: Record<string, Output> }).outputs;
}

const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('the published set', () => {
  it('has at least 15 cases, and a figure list for every file (and a file for every list)', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(15);
    expect(FILES).toEqual(Object.keys({ ...CASES, ...NEEDS_ISSUE_13 }).sort());
  });

  it.each(FILES)('%s cites its source and quotes it', (file) => {
    const text = readFileSync(`${DIR}/${file}`, 'utf8');
    expect(text).toMatch(/^# Source: \S/m);
    expect(text).toMatch(/^source: \S/m);
    expect(text).toMatch(/^#\s+"/m);
  });

  it('the README lists every case', () => {
    const readme = readFileSync(`${DIR}/README.md`, 'utf8');
    for (const file of FILES) expect(readme, file).toContain(file);
  });
});

for (const [file, reason] of Object.entries(NEEDS_ISSUE_13)) {
  it.skip(`${file}: needs issue 13: ${reason}`, () => {});
}

describe.each(Object.entries(CASES))('%s', (file, figures) => {
  it('publishes a book figure for exactly the figures checked here', async () => {
    const out = await evaluate(file);
    const withBook = Object.entries(out)
      .filter(([, o]) => o.book !== undefined)
      .map(([name]) => name)
      .sort();
    expect(withBook).toEqual(figures.map((f) => f.name).sort());
  });

  it.each(figures.map((f) => [title(f), f] as const))('%s', async (_title, f) => {
    const out = (await evaluate(file))[f.name];
    expect(out, f.name).toBeDefined();
    expect(out!.unit).toBe(f.unit);
    // The tool computes the exact value.
    expect(near(out!.value, f.exact), `${out!.value} is the exact ${f.exact}`).toBe(true);
    // The template shows the source's number beside it.
    expect(out!.book?.unit).toBe(f.unit);
    expect(near(out!.book?.value, f.published), `book ${out!.book?.value} is ${f.published}`).toBe(true);
    if (f.erred === undefined) {
      // The source's arithmetic is right: its figure is the exact value, rounded as it rounds.
      expect(near(roundSig(f.exact, f.digits), f.published), `${f.exact} rounds to ${f.published}`).toBe(true);
    } else {
      // The source erred: its figure is not a rounding of the exact value, and is off by this much.
      expect(near(roundSig(f.exact, f.digits), f.published), `${f.exact} does not round to ${f.published}`).toBe(false);
      expect(f.published / f.exact - 1).toBeCloseTo(f.erred.off, 4);
    }
  });
});

describe('roundSig', () => {
  it('rounds half away from zero at the given significant digits, whatever the float residue', () => {
    expect(roundSig(3.65, 2)).toBe(3.7);
    expect(roundSig(19290.12, 1)).toBe(20000);
    expect(roundSig(457.56, 2)).toBe(460);
    expect(roundSig(0.5787, 1)).toBe(0.6);
    expect(roundSig(-1.25, 2)).toBe(-1.3);
  });
});
