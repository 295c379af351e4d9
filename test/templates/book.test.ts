import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

interface Output {
  label: string;
  section: string;
  value: number;
  unit: string;
  si: number;
  text: string;
  book?: { value: number; unit: string; text: string };
}

async function outputs(template: string): Promise<Record<string, Output>> {
  const r = await cli([template, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { outputs: Record<string, Output> }).outputs;
}

/** [quantity, exact value in its unit, unit, the book's rounded figure] */
type Figure = [string, number, string, number];

const BOOK: Record<string, Figure[]> = {
  twitter: [
    ['dau', 150e6, 'user', 150e6],
    ['tweet_qps', 300e6 / 86400, 'tweet/s', 3500],
    ['peak_tweet_qps', 600e6 / 86400, 'tweet/s', 7000],
    ['media_per_day', 30, 'TB/day', 30],
    ['media_storage', 54.75, 'PB', 55],
  ],
  'url-shortener': [
    ['write_qps', 100e6 / 86400, 'url/s', 1160],
    ['read_qps', 1e9 / 86400, 'url/s', 11600],
    ['records', 365e9, 'url', 365e9],
    ['storage', 36.5, 'TB', 36.5],
    ['code_length', 7, '', 7],
  ],
  crawler: [
    ['download_qps', 1e9 / (30 * 86400), 'page/s', 400],
    ['peak_qps', 2e9 / (30 * 86400), 'page/s', 800],
    ['storage_per_month', 500, 'TB/month', 500],
    // The book's year is 12 of its 30-day months (the template declares `year: 12 month`).
    ['storage', (500 * 12 * 5) / 1000, 'PB', 30],
  ],
  autocomplete: [
    ['query_qps', (10e6 * 10 * 20) / 86400, 'req/s', 24000],
    ['peak_qps', (2 * 10e6 * 10 * 20) / 86400, 'req/s', 48000],
    ['new_data_per_day', 0.4, 'GB/day', 0.4],
  ],
  'video-cdn': [
    ['storage_per_day', 150, 'TB/day', 150],
    ['cdn_cost_per_day', 150000, 'USD/day', 150000],
  ],
  'cloud-drive': [
    ['allocated_storage', 500, 'PB', 500],
    ['upload_qps', 20e6 / 86400, 'file/s', 240],
    ['peak_upload_qps', 40e6 / 86400, 'file/s', 480],
  ],
};

describe.each(Object.entries(BOOK))('%s reproduces the book', (template, figures) => {
  it.each(figures)('%s = %d %s (book: ~%d)', async (name, exact, unit, book) => {
    const out = (await outputs(template))[name];
    expect(out, name).toBeDefined();
    expect(out!.unit).toBe(unit);
    expect(Math.abs(out!.value - exact) / exact).toBeLessThan(1e-9);
    expect(out!.book?.value).toBeCloseTo(book, 6);
    expect(Math.abs(exact - book) / book).toBeLessThanOrEqual(0.05);
  });
});

describe('figures a capacity review adds', () => {
  it('twitter: read load, bandwidth, cache and servers follow from the inputs', async () => {
    const o = await outputs('twitter');
    expect(o['read_qps']!.value).toBeCloseTo((150e6 * 100) / 86400, 6);
    expect(o['ingress']!.value).toBeCloseTo(((300e6 / 86400) * (0.1 * 1e6 + 204) * 8) / 1e9, 9);
    expect(o['cache_memory']!.value).toBeCloseTo((150e6 * 100 * 0.2 * 204) / 1e9, 9);
    expect(o['write_servers']!.value).toBe(7);
    expect(o['read_servers']!.value).toBe(Math.ceil((2 * 150e6 * 100) / 86400 / 1000));
    expect(o['replicated_storage']!.value).toBeCloseTo((3 * (54.75e15 + 300e6 * 204 * 5 * 365)) / 1e15, 9);
  });
  it('video-cdn: CDN cost per year is 365 days of the daily cost', async () => {
    const o = await outputs('video-cdn');
    expect(o['cdn_cost_per_year']!.value).toBeCloseTo(150000 * 365, 3);
    expect(o['cdn_cost_per_year']!.text).toBe('$54.75M');
  });
  it('--set changes the inputs and the result, and a bare number takes the default unit', async () => {
    const r = await cli(['twitter', '--format', 'json', '--set', 'mau=1.5bn', '--set', 'media_size=2']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { inputs: Record<string, Output & { overridden: boolean }>; outputs: Record<string, Output> };
    expect(doc.inputs['mau']!.text).toBe('1.5bn users');
    expect(doc.inputs['mau']!.overridden).toBe(true);
    expect(doc.inputs['media_size']!.text).toBe('2 MB/tweet');
    expect(doc.outputs['dau']!.value).toBe(750e6);
    expect(doc.outputs['media_per_day']!.value).toBeCloseTo(300, 9);
  });
  it('the last --set of an input wins', async () => {
    const r = await cli(['twitter', '--format', 'json', '--set', 'mau=1M', '--set', 'mau=2M']);
    expect((JSON.parse(r.stdout) as { inputs: Record<string, Output> }).inputs['mau']!.value).toBe(2e6);
  });
});
