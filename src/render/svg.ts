/**
 * SVG charts for the HTML report, drawn from a view's numbers: a tornado, a small multiple per
 * series of a lines chart, and a histogram. Each scales to its container (viewBox, width 100%),
 * so a phone and a printed page both show it whole. Text is escaped; nothing is fetched.
 */
import { sanitize } from '../diagnostics/sanitize.js';
import { formatCount, formatNumber } from '../units/format.js';
import { type Chart, type HistogramChart, type LinesChart, type TornadoChart } from './analysis-view.js';

/** At most this many series of a lines chart are drawn (one small chart each). */
export const MAX_SVG_SERIES = 6;

const W = 640;

/**
 * Escapes text for HTML and SVG. First the escaping rule of every other format (sanitize): a
 * bidi override, a zero-width or C1 character shows as `\u202e`, ESC as `\x1b` (deleting it
 * hid that the text held one), a tab as a space; a line break is a space, as HTML reads it.
 */
export function esc(s: string): string {
  return sanitize(s.replace(/\r?\n/g, ' ')).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The SVG elements of a chart. */
export function svgOf(c: Chart): string[] {
  switch (c.kind) {
    case 'tornado':
      return c.bars.length ? [tornado(c)] : [];
    case 'lines':
      return c.series.slice(0, MAX_SVG_SERIES).map((_, k) => line(c, k));
    case 'histogram':
      return [histogram(c)];
  }
}

const n = (v: number) => (Number.isFinite(v) ? Number(v.toFixed(2)) : 0);

function frame(kind: string, height: number, title: string, body: string): string {
  return `<svg class="chart chart-${kind}" viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${body}</svg>`;
}

function tornado(c: TornadoChart): string {
  const left = 170;
  const right = W - 20;
  const rowH = 26;
  const top = 34;
  const height = top + c.bars.length * rowH + 30;
  const all = [c.base, ...c.bars.flatMap((b) => [b.low, b.high])];
  const min = all.reduce((a, b) => Math.min(a, b), Infinity);
  const max = all.reduce((a, b) => Math.max(a, b), -Infinity);
  const x = (v: number) => (max > min ? left + ((v - min) / (max - min)) * (right - left) : left);
  const parts = [`<text x="0" y="18" class="title">${esc(c.title)}</text>`];
  c.bars.forEach((b, i) => {
    const y = top + i * rowH;
    const a = Math.min(x(b.low), x(b.high));
    const w = Math.max(1, Math.abs(x(b.high) - x(b.low)));
    parts.push(`<text x="${left - 8}" y="${y + 16}" text-anchor="end" class="label">${esc(b.label)}</text>`);
    parts.push(`<rect class="bar" x="${n(a)}" y="${y + 3}" width="${n(w)}" height="${rowH - 8}"><title>${esc(`${b.label}: ${compact(b.low)} .. ${compact(b.high)} ${c.unit}`)}</title></rect>`);
  });
  const bx = x(c.base);
  parts.push(`<line class="base" x1="${n(bx)}" x2="${n(bx)}" y1="${top - 4}" y2="${top + c.bars.length * rowH}"/>`);
  parts.push(`<text x="${left}" y="${height - 8}" class="axis">${esc(compact(min))}</text><text x="${right}" y="${height - 8}" text-anchor="end" class="axis">${esc(compact(max))} ${esc(c.unit)}</text>`);
  return frame('tornado', height, c.title, parts.join(''));
}

function line(c: LinesChart, k: number): string {
  const s = c.series[k]!;
  const height = 240;
  const [l, r, t, b] = [70, W - 20, 30, height - 40];
  const tx = (v: number) => (c.log && v > 0 ? Math.log10(v) : v);
  const xs = c.xs.map(tx);
  const x0 = xs.reduce((a, b) => Math.min(a, b), Infinity);
  const x1 = xs.reduce((a, b) => Math.max(a, b), -Infinity);
  const finite = s.values.filter(Number.isFinite);
  // A geometric sweep is drawn log-log: a proportional output is then a straight line.
  const logY = c.log && finite.length > 0 && finite.every((v) => v > 0);
  const ty = (v: number) => (logY ? Math.log10(v) : v);
  const y0 = finite.reduce((a, b) => Math.min(a, b), logY ? Infinity : 0);
  const y1 = finite.reduce((a, b) => Math.max(a, b), y0 * (1 + 1e-12) + 1e-300);
  const px = (v: number) => (x1 > x0 ? l + ((v - x0) / (x1 - x0)) * (r - l) : (l + r) / 2);
  const py = (v: number) => (ty(y1) > ty(y0) ? b - ((ty(v) - ty(y0)) / (ty(y1) - ty(y0))) * (b - t) : (b + t) / 2);
  const points = s.values.map((v, i) => `${n(px(xs[i]!))},${n(py(Number.isFinite(v) ? v : y0))}`).join(' ');
  const title = `${s.name}${s.unit ? ` (${s.unit})` : ''}`;
  const parts = [
    `<text x="0" y="18" class="title">${esc(title)}</text>`,
    `<line class="axis-line" x1="${l}" x2="${r}" y1="${b}" y2="${b}"/><line class="axis-line" x1="${l}" x2="${l}" y1="${t}" y2="${b}"/>`,
    `<text x="${l - 6}" y="${t + 4}" text-anchor="end" class="axis">${esc(compact(y1))}</text><text x="${l - 6}" y="${b}" text-anchor="end" class="axis">${esc(compact(y0))}</text>`,
    `<text x="${l}" y="${b + 18}" class="axis">${esc(compact(c.xs[0]!))}</text><text x="${r}" y="${b + 18}" text-anchor="end" class="axis">${esc(compact(c.xs[c.xs.length - 1]!))}</text>`,
    `<text x="${(l + r) / 2}" y="${height - 4}" text-anchor="middle" class="axis">${esc(`${c.xLabel}${c.xUnit && c.xUnit !== c.xLabel ? ` (${c.xUnit})` : ''}${c.log ? (logY ? ', log-log scale' : ', log scale') : ''}`)}</text>`,
    `<polyline class="series" fill="none" points="${points}"/>`,
    ...(s.values.length <= 60 ? s.values.map((v, i) => `<circle class="point" cx="${n(px(xs[i]!))}" cy="${n(py(Number.isFinite(v) ? v : y0))}" r="3"><title>${esc(`${compact(c.xs[i]!)}: ${compact(v)} ${s.unit}`)}</title></circle>`) : []),
  ];
  return frame('lines', height, title, parts.join(''));
}

function histogram(c: HistogramChart): string {
  const height = 220;
  const [l, r, t, b] = [20, W - 20, 30, height - 40];
  const max = Math.max(...c.counts, 1);
  const lo = c.edges[0]!;
  const hi = c.edges[c.edges.length - 1]!;
  const px = (v: number) => (hi > lo ? l + ((v - lo) / (hi - lo)) * (r - l) : l);
  const bw = (r - l) / c.counts.length;
  const parts = [`<text x="0" y="18" class="title">${esc(`${c.title} (${c.unit || 'number'})`)}</text>`];
  c.counts.forEach((k, i) => {
    const h = (k / max) * (b - t);
    parts.push(`<rect class="bin" x="${n(l + i * bw + 1)}" y="${n(b - h)}" width="${n(Math.max(1, bw - 2))}" height="${n(h)}"><title>${esc(`${compact(c.edges[i]!)} .. ${compact(c.edges[i + 1]!)}: ${k}`)}</title></rect>`);
  });
  for (const [v, name] of [[c.p5, 'p5'], [c.p50, 'median'], [c.p95, 'p95']] as const) {
    if (v >= lo && v <= hi) parts.push(`<line class="marker" x1="${n(px(v))}" x2="${n(px(v))}" y1="${t}" y2="${b}"/><text x="${n(px(v))}" y="${t - 4}" text-anchor="middle" class="axis">${name}</text>`);
  }
  parts.push(`<text x="${l}" y="${b + 18}" class="axis">${esc(compact(lo))}</text><text x="${r}" y="${b + 18}" text-anchor="end" class="axis">${esc(compact(hi))} ${esc(c.unit)}</text>`);
  return frame('histogram', height, c.title, parts.join(''));
}

/** A number for an axis or a label: 864M, 1.157M, 12.5 (grouped digits take too much room). */
function compact(v: number): string {
  return Number.isFinite(v) && Math.abs(v) >= 1e4 ? formatCount(v) : formatNumber(v);
}
