/** Mermaid `xychart-beta` blocks for Markdown: bars for a tornado and histograms, lines for sweeps and projections. */
import { formatCount, formatNumber } from '../units/format.js';
import { type Chart } from './analysis-view.js';

/** At most this many series are drawn per lines chart (one chart per series: each has its own unit). */
const MAX_SERIES = 4;

/** The fenced Mermaid blocks of a chart (one per series for lines). */
export function mermaidBlocks(c: Chart): string[] {
  switch (c.kind) {
    case 'tornado':
      if (c.bars.length === 0) return [];
      return [block([`xychart-beta horizontal`, `  title ${q(c.signed ? `${c.title} (${c.unit})` : `${c.title}: swing (${c.unit})`)}`, `  x-axis [${c.bars.map((b) => q(b.label)).join(', ')}]`, `  y-axis ${q(c.unit || 'value')}`, `  bar [${c.bars.map((b) => num(c.signed ? b.high - b.low : Math.abs(b.high - b.low))).join(', ')}]`])];
    case 'lines':
      return c.series.slice(0, MAX_SERIES).map((s) =>
        block([`xychart-beta`, `  title ${q(`${s.name}${s.unit ? ` (${s.unit})` : ''}`)}`, `  x-axis ${q(`${c.xLabel}${c.xUnit && c.xUnit !== c.xLabel ? ` (${c.xUnit})` : ''}`)} [${c.xs.map((x) => q(compact(x))).join(', ')}]`, `  y-axis ${q(s.unit || s.name)}`, `  line [${s.values.map(num).join(', ')}]`]),
      );
    case 'histogram':
      return [block([`xychart-beta`, `  title ${q(`${c.title} (${c.unit || 'number'})`)}`, `  x-axis [${c.counts.map((_, k) => q(compact(c.edges[k]!))).join(', ')}]`, `  y-axis "samples"`, `  bar [${c.counts.join(', ')}]`])];
  }
}

function block(lines: string[]): string {
  return ['```mermaid', ...lines, '```'].join('\n');
}

/** A quoted Mermaid string: no quotes, backticks or newlines inside. */
function q(s: string): string {
  return `"${s.replace(/["`\r\n\\]/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '')}"`;
}

function num(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : '0';
}

/** A number for an axis or a label: 864M, 1.157M, 12.5 (grouped digits take too much room). */
function compact(v: number): string {
  return Number.isFinite(v) && Math.abs(v) >= 1e4 ? formatCount(v) : formatNumber(v);
}
