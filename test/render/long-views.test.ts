/**
 * Redteam F12: a sweep of 10,000 points over 250 outputs crashed the terminal renderer with
 * "Maximum call stack size exceeded" (E9999): lines and numbers were spread as call arguments.
 * These views are longer than any engine's argument limit; rendering must simply work.
 */
import { describe, expect, it } from 'vitest';
import { type AnalysisView } from '../../src/render/analysis-view.js';
import { renderAnalysesText } from '../../src/render/analysis-text.js';
import { renderAnalysesMarkdown } from '../../src/render/analysis-markdown.js';
import { svgOf } from '../../src/render/svg.js';

const N = 300_000;
const xs = Array.from({ length: N }, (_, i) => i + 1);

function longSweep(): AnalysisView {
  return {
    kind: 'sweep',
    title: 'Sweep',
    notes: Array.from({ length: N }, (_, i) => `note ${i}`),
    tables: [
      {
        title: 'rows',
        columns: [{ key: 'x', label: 'x', numeric: true }, { key: 'y', label: 'y', numeric: true }],
        rows: xs.map((x) => ({ x: { text: String(x), value: x }, y: { text: String(2 * x), value: 2 * x } })),
        bar: 'y',
      },
      {
        title: 'tornado',
        columns: [{ key: 'x', label: 'x', numeric: true }],
        rows: [{ x: { text: '1' } }],
        tornado: { kind: 'tornado', title: 't', unit: 's', base: 5, bars: xs.map((x) => ({ label: `i${x}`, low: -x, high: x })) },
      },
    ],
    charts: [
      { kind: 'lines', title: 'l', xLabel: 'x', xUnit: '', log: false, xs, series: [{ name: 'y', unit: 's', values: xs }] },
      { kind: 'histogram', title: 'h', unit: 's', edges: xs, counts: xs, p5: 1, p50: 2, p95: 3 },
    ],
  } as AnalysisView;
}

describe('views longer than the call-argument limit (F12)', () => {
  const view = longSweep();
  it('the terminal renderer draws 300,000 rows, bars and notes', () => {
    const text = renderAnalysesText([view], { columns: 80, ascii: true });
    // Booleans, not toContain: a failure must not print megabytes.
    expect(text.includes('300000  600000')).toBe(true);
    expect(text.includes('note 299999')).toBe(true);
  });
  it('the Markdown renderer writes every row', () => {
    expect(renderAnalysesMarkdown([view], 't').includes('| 300000 | 600000 |')).toBe(true);
  });
  it('the SVG of a 300,000-point line and tornado is drawn to scale', () => {
    const lines = svgOf(view.charts[0]!).join('');
    // The axis ends at the largest x and y: 300K.
    expect(lines.includes('text-anchor="end" class="axis">300K</text>')).toBe(true);
    expect(svgOf(view.tables[1]!.tornado!).join('').includes('class="axis">-300K</text>')).toBe(true);
  });
});
