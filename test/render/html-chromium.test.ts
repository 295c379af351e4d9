/**
 * The HTML report in a real headless Chromium (Debian's `chromium`, installed by .ci/run): the
 * charts are drawn (SVG elements with the right counts and sizes, at a desktop and a phone
 * width), a screenshot is taken, and the page logs no console error. Skipped (reported) when
 * chromium is missing, except under CI=1 where that is a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasTool, missing, tempDir } from '../helpers.js';

const CHROMIUM = ['chromium', 'chromium-browser'].find((c) => hasTool(c, ['--version'])) ?? 'chromium';
const HAS = hasTool(CHROMIUM, ['--version']);

/** Runs headless chromium on a file with the flags the issue asks for; returns its stderr. */
function chromium(dir: string, args: string[], width: number): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${join(dir, `profile-${width}-${args.length}`)}`, '--enable-logging=stderr', '--v=0', `--window-size=${width},1400`, '--hide-scrollbars', ...args],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** The page with a probe that writes each chart's drawn size and element counts into the DOM (the CSP, which forbids scripts, removed in this copy only). */
function probed(html: string): string {
  const probe = `<script>window.addEventListener('load',()=>{const r=[...document.querySelectorAll('svg.chart')].map(e=>{const b=e.getBoundingClientRect();return{cls:e.getAttribute('class'),w:Math.round(b.width),h:Math.round(b.height),bars:e.querySelectorAll('rect.bar').length,bins:e.querySelectorAll('rect.bin').length,lines:e.querySelectorAll('polyline.series').length}});document.body.setAttribute('data-probe',JSON.stringify({charts:r,scroll:document.documentElement.scrollWidth,client:document.documentElement.clientWidth}))});</script>`;
  return html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace('</body>', probe + '</body>');
}

interface Probe {
  charts: { cls: string; w: number; h: number; bars: number; bins: number; lines: number }[];
  scroll: number;
  client: number;
}

function probe(dir: string, html: string, width: number): Probe {
  const file = join(dir, `probe-${width}.html`);
  writeFileSync(file, probed(html));
  const r = chromium(dir, ['--dump-dom', `file://${file}`], width);
  const m = /data-probe="([^"]*)"/.exec(r.stdout);
  expect(m, r.stderr).not.toBeNull();
  return JSON.parse(m![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Probe;
}

describe('HTML report in headless Chromium', () => {
  it.skipIf(missing(HAS))('draws every chart with the right counts and sizes, at desktop and phone width, with no console errors', async () => {
    expect(HAS, 'chromium is not installed (.ci/run installs it)').toBe(true);
    const dir = tempDir('estimate-html-');
    const page = join(dir, 'report.html');
    const args = ['twitter', '--sensitivity', 'media_storage', 'write_servers', '--sweep', 'mau=100M..10bn*10', '--show', 'tweet_qps,write_servers', '--ranges', '--samples', '2000', '-o', page];
    const r = await cli(args, { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(page, 'utf8');
    const json = JSON.parse((await cli([...args.slice(0, -2), '--format', 'json'])).stdout) as { analyses: { kind: string; tables: { rows: unknown[] }[] }[] };
    const tornadoBars = json.analyses[0]!.tables.map((t) => t.rows.length);

    // The unmodified page: loads with no console message at all (a CSP violation would log one).
    const shot = join(dir, 'report.png');
    const run = chromium(dir, ['--screenshot=' + shot, `file://${page}`], 1000);
    expect(run.stderr).not.toMatch(/CONSOLE/);
    expect(existsSync(shot)).toBe(true);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');

    // Headless Chromium's narrowest window is 500 px: the phone case is the narrowest it draws.
    for (const width of [1000, 500]) {
      const p = probe(dir, html, width);
      const kinds = (k: string) => p.charts.filter((c) => c.cls === `chart chart-${k}`);
      expect(kinds('tornado').map((c) => c.bars)).toEqual(tornadoBars);
      expect(kinds('lines')).toHaveLength(2);
      expect(kinds('lines').every((c) => c.lines === 1)).toBe(true);
      // Every sampled quantity of twitter (14) has its distribution.
      expect(kinds('histogram')).toHaveLength(14);
      expect(kinds('histogram').every((c) => c.bins >= 10)).toBe(true);
      for (const c of p.charts) {
        // Drawn, and within the page: a phone shows each chart whole, scaled down.
        expect(c.w).toBeGreaterThan(width === 500 ? 400 : 600);
        expect(c.w).toBeLessThanOrEqual(p.client);
        expect(c.h).toBeGreaterThan(width === 500 ? 140 : 180);
      }
      // Wide tables scroll inside their own box; the page itself never scrolls sideways.
      expect(p.scroll).toBeLessThanOrEqual(p.client);
    }
  }, 120_000);
});
