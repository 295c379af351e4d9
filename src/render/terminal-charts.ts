/**
 * Terminal pictures drawn from a view's numbers: sparklines, horizontal bars, tornado bars and
 * histograms, in Unicode blocks or (TERM=dumb, --ascii) plain ASCII. Drawing scales numbers to
 * character cells; it computes nothing about the estimate.
 */

/** The characters a picture is drawn with. */
export interface Glyphs {
  readonly levels: readonly string[];
  readonly full: string;
  readonly partial: readonly string[];
  readonly axis: string;
  readonly empty: string;
}

/** Unicode blocks: eight levels, eighth-width partial bars. */
export const UNICODE: Glyphs = { levels: ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'], full: '█', partial: ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'], axis: '│', empty: ' ' };
/** ASCII for dumb terminals and --ascii. */
export const ASCII: Glyphs = { levels: ['_', '.', '-', '~', '=', '+', '*', '#'], full: '#', partial: [''], axis: '|', empty: ' ' };

/** A sparkline: one character per value, scaled between the smallest and the largest. */
export function sparkline(values: readonly number[], g: Glyphs, log = false): string {
  const t = values.map((v) => (log && v > 0 ? Math.log(v) : v));
  const finite = t.filter(Number.isFinite);
  const lo = finite.reduce((a, b) => Math.min(a, b), Infinity);
  const hi = finite.reduce((a, b) => Math.max(a, b), -Infinity);
  return t.map((v) => (!Number.isFinite(v) ? ' ' : g.levels[hi > lo ? Math.round(((v - lo) / (hi - lo)) * (g.levels.length - 1)) : Math.floor(g.levels.length / 2)])).join('');
}

/** A bar of `value / max` of `width` cells, with eighth-cell ends in Unicode. */
export function bar(value: number, max: number, width: number, g: Glyphs): string {
  if (!(max > 0) || !(value > 0)) return '';
  const cells = Math.min(1, value / max) * width;
  const whole = Math.floor(cells);
  const part = g.partial.length > 1 ? g.partial[Math.round((cells - whole) * 8) % 8]! : '';
  return (g.full.repeat(whole) + part) || (g.partial.length > 1 ? g.partial[1]! : g.full);
}

/**
 * A tornado bar: the span from low to high on a scale from `min` to `max`, with the base marked.
 * Every row of a tornado shares the scale, so the bars compare.
 */
export function tornadoBar(low: number, high: number, base: number, min: number, max: number, width: number, g: Glyphs): string {
  const pos = (v: number) => (max > min ? Math.round(((v - min) / (max - min)) * (width - 1)) : 0);
  const a = pos(Math.min(low, high));
  const b = pos(Math.max(low, high));
  const m = pos(base);
  let out = '';
  for (let i = 0; i < width; i++) out += i === m ? g.axis : i >= a && i <= b ? g.full : g.empty;
  return out.trimEnd();
}

/** A histogram as rows of bars, one per bin, labelled with the bin's lower edge. */
export function histogramLines(edges: readonly string[], counts: readonly number[], width: number, g: Glyphs): string[] {
  const max = counts.reduce((a, b) => Math.max(a, b), -Infinity);
  const w = edges.reduce((m, e) => Math.max(m, e.length), -Infinity);
  return counts.map((c, k) => `${edges[k]!.padStart(w)} ${g.axis}${bar(c, max, width, g)}`);
}
