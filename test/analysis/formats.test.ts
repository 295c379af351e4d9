/** Every analysis in every format: the table, Markdown with Mermaid, JSON, long CSV and HTML. */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const ANALYSES: Record<string, string[]> = {
  sensitivity: ['--sensitivity', 'media_storage'],
  sweep: ['--sweep', 'mau=100M..10bn*10', '--show', 'tweet_qps'],
  grid: ['--sweep', 'mau=100M..300M:3', '--sweep', 'media_size=1MB..2MB:2', '--show', 'media_per_day'],
  growth: ['--grow', 'mau=40%/year', '--years', '3', '--show', 'tweet_qps'],
  solve: ['--solve', 'mau', '--for', 'write_servers <= 20'],
  diff: ['--compare', 'mau=600M'],
  histograms: ['--hist', '--ranges', '--samples', '500'],
};

describe.each(Object.entries(ANALYSES))('%s', (kind, args) => {
  it('table', async () => {
    const r = await cli(['twitter', ...args], { columns: 100 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(50);
  });
  it('markdown embeds a Mermaid xychart under the table', async () => {
    const r = await cli(['twitter', ...args, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| -{3}:? \|/);
    expect(r.stdout).toMatch(/\|\n\n```mermaid\nxychart-beta/);
  });
  it('html draws an SVG chart for the analysis', async () => {
    const r = await cli(['twitter', ...args, '--format', 'html']);
    const section = r.stdout.split(`analysis-${kind}`)[1]!.split('</section>')[0]!;
    expect(section).toMatch(/<svg class="chart chart-/);
  });
  it('json has the documented shape', async () => {
    const r = await cli(['twitter', ...args, '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { template: string; analyses: { kind: string; tables: { columns: { key: string }[]; rows: Record<string, { text: string }>[] }[] }[] };
    expect(doc.template).toBe('twitter');
    expect(doc.analyses.map((a) => a.kind)).toEqual([kind]);
    for (const t of doc.analyses[0]!.tables) for (const row of t.rows) for (const c of t.columns) if (row[c.key]) expect(typeof row[c.key]!.text).toBe('string');
  });
  it('csv is long form: one line per cell', async () => {
    const r = await cli(['twitter', ...args, '--format', 'csv']);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('analysis,table,row,column,value,unit,si,text');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).every((l) => l.startsWith(kind + ','))).toBe(true);
  });
  it('html is one self-contained page with the analysis', async () => {
    const r = await cli(['twitter', ...args, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.stdout).toContain(`analysis-${kind}`);
    expect(r.stdout).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)|<link|@import|url\(/);
  });
});

describe('pictures', () => {
  it('ASCII under TERM=dumb and --ascii; Unicode blocks otherwise', async () => {
    const args = ['twitter', '--sweep', 'mau=100M..1bn:4', '--show', 'tweet_qps'];
    const uni = await cli(args);
    expect(uni.stdout).toMatch(/[▁▂▃▄▅▆▇█]/);
    for (const r of [await cli(args, { env: { TERM: 'dumb' } }), await cli([...args, '--ascii'])]) {
      expect(r.stdout).not.toMatch(/[^\x00-\x7f]/);
      expect(r.stdout).toContain('#');
    }
  });
  it('--ascii draws every analysis in ASCII only', async () => {
    for (const args of Object.values(ANALYSES)) {
      const r = await cli(['twitter', ...args, '--ascii']);
      // --hist adds its lines under the estimate's own tables (drawn by the table renderer).
      const ours = r.stdout.slice(Math.max(0, r.stdout.indexOf('Distributions of the sampled outputs')));
      expect(ours).not.toMatch(/[^\x00-\x7f]/);
    }
  });
  it('the bar column follows the terminal width', async () => {
    const args = ['twitter', '--sweep', 'mau=100M..1bn:4', '--show', 'tweet_qps'];
    const longest = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));
    const narrow = await cli(args, { columns: 60 });
    const wide = await cli(args, { columns: 120 });
    expect(longest(narrow.stdout)).toBeLessThanOrEqual(60);
    expect(longest(wide.stdout)).toBeGreaterThan(longest(narrow.stdout));
  });
  it('a table wider than the terminal is cut into column groups that repeat the key column', async () => {
    const r = await cli(['twitter', '--sweep', 'mau=100M..1bn:4'], { columns: 80 });
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(lines.filter((l) => /^\s+mau\s/.test(l)).length).toBeGreaterThan(2);
    for (const q of ['dau', 'read_servers', 'media_storage']) expect(r.stdout).toContain(q);
  });
  it('a tornado row draws its bar around the base marker', async () => {
    const r = await cli(['twitter', '--sensitivity', 'media_storage', '--ascii'], { columns: 140 });
    const row = r.stdout.split('\n').find((l) => l.startsWith('retention'))!;
    expect(row).toMatch(/#+\|#+$/);
  });
  it('--hist adds a one-line histogram of each sampled output to the estimate', async () => {
    const r = await cli(['twitter', '--ranges', '--samples', '500', '--hist']);
    expect(r.stdout).toContain('Assumptions');
    expect(r.stdout).toMatch(/write_servers: Servers for peak writes\n {2}[▁▂▃▄▅▆▇█]{20} /);
  });
  it('a plain estimate as HTML holds the tables and derivation, and the distributions when sampled', async () => {
    const plain = await cli(['twitter', '--format', 'html']);
    expect(plain.stdout).toContain('<h2>Derivation</h2>');
    expect(plain.stdout).not.toContain('<svg');
    const sampled = await cli(['twitter', '--format', 'html', '--ranges', '--samples', '500']);
    expect((sampled.stdout.match(/class="chart chart-histogram"/g) ?? []).length).toBe(14);
  });
  it('a template whose quantity holds a range still exports as a page', async () => {
    const r = await cli(['test/fixtures/analysis/E0744-uncertain-quantity.yaml', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('class="chart chart-histogram"');
  });
  it('template text is escaped in HTML and Mermaid', async () => {
    const r = await cli(['twitter', '--sensitivity', 'media_storage', '--format', 'html']);
    expect(r.stdout).toContain('Twitter: QPS and storage');
    const md = await cli(['twitter', '--sensitivity', 'media_storage', '--format', 'md']);
    const mermaid = md.stdout.split('```mermaid')[1]!.split('```')[0]!;
    for (const line of mermaid.split('\n')) expect((line.match(/"/g) ?? []).length % 2).toBe(0);
  });
});
