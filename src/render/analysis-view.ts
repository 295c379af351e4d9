/**
 * Analysis -> a neutral view: titled tables of formatted cells and chart descriptions in
 * display units. Every analysis renderer (terminal, Markdown, JSON, CSV, HTML) lays out this
 * view; none of them computes. Values keep their number in the display unit for charts and
 * scripts, and in base units (`si`).
 */
import { type Analysis } from '../analysis/analysis.js';
import { type Diff } from '../analysis/diff.js';
import { type Growth } from '../analysis/growth.js';
import { type Sensitivity } from '../analysis/sensitivity.js';
import { type Solve } from '../analysis/solve.js';
import { type Grid, type Sweep } from '../analysis/sweep.js';
import { type HistogramSet } from '../analysis/analysis.js';
import { assertNever } from '../lang/assert-never.js';
import { bestUnit, formatQuantity, type FormatStyle } from '../units/format.js';
import { type Dimension } from '../units/dimension.js';
import { type ResolvedUnit } from '../units/quantity.js';

/** A formatted value: the text, the number in `unit`, and the number in base units. */
export interface Cell {
  readonly text: string;
  readonly value?: number;
  readonly unit?: string;
  readonly si?: number;
}

/** A column: its key (for JSON and CSV) and its heading. */
export interface ViewColumn {
  readonly key: string;
  readonly label: string;
  readonly numeric: boolean;
}

/** A table of an analysis. `bar` names the numeric column a terminal draws a bar for. */
export interface ViewTable {
  readonly title: string;
  readonly columns: readonly ViewColumn[];
  readonly rows: readonly Readonly<Record<string, Cell>>[];
  readonly bar?: string;
  /** A tornado table: the terminal draws each row's low..high bar around the base. */
  readonly tornado?: TornadoChart;
}

/** Tornado bars, in the output's display unit. */
export interface TornadoChart {
  readonly kind: 'tornado';
  readonly title: string;
  readonly unit: string;
  readonly base: number;
  readonly bars: readonly { readonly label: string; readonly low: number; readonly high: number }[];
  /** Bars are signed changes from `base` (a diff), not unsigned swings (a tornado). */
  readonly signed?: boolean;
}

/** Lines over a shared x axis (a sweep, a projection), each series in its own unit. */
export interface LinesChart {
  readonly kind: 'lines';
  readonly title: string;
  readonly xLabel: string;
  readonly xUnit: string;
  readonly log: boolean;
  readonly xs: readonly number[];
  readonly series: readonly { readonly name: string; readonly unit: string; readonly values: readonly number[] }[];
}

/** A histogram of samples, in the output's display unit. */
export interface HistogramChart {
  readonly kind: 'histogram';
  readonly title: string;
  readonly unit: string;
  readonly edges: readonly number[];
  readonly counts: readonly number[];
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/** A chart of a view. */
export type Chart = TornadoChart | LinesChart | HistogramChart;

/** One analysis, ready to lay out. */
export interface AnalysisView {
  readonly kind: Analysis['kind'];
  readonly title: string;
  readonly notes: readonly string[];
  readonly tables: readonly ViewTable[];
  readonly charts: readonly Chart[];
}

/** The display scale of a set of values: the declared unit, else the best unit of the largest. */
export function scaleOf(values: readonly number[], dimension: Dimension, unit?: ResolvedUnit): { factor: number; unit: string } {
  if (unit) return unit.percent ? { factor: 0.01, unit: '%' } : { factor: unit.factor, unit: unit.text };
  const big = values.reduce((m, v) => (Number.isFinite(v) && Math.abs(v) > Math.abs(m) ? v : m), 0);
  const b = bestUnit(big, dimension);
  return { factor: b.factor, unit: b.text };
}

/** People read the cells as they read the report: `$54.75M`, `150M users`; `value` and `unit` stay canonical. */
const HUMAN: FormatStyle = { words: true };

function cell(si: number, dimension: Dimension, unit?: ResolvedUnit): Cell {
  const f = formatQuantity(si, dimension, unit, false, HUMAN);
  return { text: f.text, value: f.value, unit: f.unit, si };
}

const text = (t: string): Cell => ({ text: t });

/** Builds the view of an analysis. */
export function analysisView(a: Analysis): AnalysisView {
  switch (a.kind) {
    case 'sensitivity':
      return sensitivityView(a);
    case 'sweep':
      return sweepView(a);
    case 'grid':
      return gridView(a);
    case 'growth':
      return growthView(a);
    case 'solve':
      return solveView(a);
    case 'diff':
      return diffView(a);
    case 'histograms':
      return histogramView(a);
    default:
      return assertNever(a);
  }
}

function sensitivityView(s: Sensitivity): AnalysisView {
  const tables: ViewTable[] = [];
  const charts: Chart[] = [];
  const notes = [`Each input moved alone, the others fixed: an input with a range from its 5th to its 95th percentile, any other from its value divided by ${s.swingFactor} to its value times ${s.swingFactor} (within its bounds). Sorted by swing.`];
  for (const t of s.tables) {
    const q = t.output;
    const sc = scaleOf([t.base, ...t.bars.flatMap((b) => [b.low, b.high])], q.dimension, q.unit);
    const tornado: TornadoChart = { kind: 'tornado', title: `${q.name}: ${q.spec.label}`, unit: sc.unit, base: t.base / sc.factor, bars: t.bars.map((b) => ({ label: b.input.name, low: b.low / sc.factor, high: b.high / sc.factor })) };
    const withRho = t.bars.some((b) => b.rankCorrelation !== undefined);
    const columns: ViewColumn[] = [
      { key: 'input', label: 'Input', numeric: false },
      { key: 'moved', label: 'Moved over', numeric: false },
      { key: 'by', label: 'By', numeric: false },
      { key: 'low', label: 'Output at low', numeric: true },
      { key: 'high', label: 'Output at high', numeric: true },
      { key: 'swing', label: 'Swing', numeric: true },
      ...(withRho ? [{ key: 'rank_correlation', label: 'Rank corr.', numeric: true }] : []),
    ];
    const rows = t.bars.map((b) => ({
      input: text(b.input.name),
      moved: text(`${formatQuantity(b.inputLow, b.input.dimension, b.input.unit, false, HUMAN).text} .. ${formatQuantity(b.inputHigh, b.input.dimension, b.input.unit, false, HUMAN).text}`),
      by: text(b.how === 'range p5-p95' ? 'range p5-p95' : `swing ${s.swingFactor}`),
      low: cell(b.low, q.dimension, q.unit),
      high: cell(b.high, q.dimension, q.unit),
      swing: cell(b.swing, q.dimension, q.unit),
      ...(b.rankCorrelation !== undefined ? { rank_correlation: { text: b.rankCorrelation.toFixed(2), value: b.rankCorrelation, unit: '' } } : {}),
    }));
    const title = `${q.name} (${q.spec.label}) = ${formatQuantity(t.base, q.dimension, q.unit, false, HUMAN).text}`;
    tables.push({ title, columns, rows, tornado });
    if (t.unaffectedBy.length) notes.push(`${q.name} does not depend on ${t.unaffectedBy.join(', ')}${t.unaffected > t.unaffectedBy.length ? ` and ${(t.unaffected - t.unaffectedBy.length).toLocaleString('en-US')} more inputs` : ''}.`);
    charts.push(tornado);
  }
  return { kind: 'sensitivity', title: 'Sensitivity', notes, tables, charts };
}

function sweepView(s: Sweep): AnalysisView {
  const input = s.axis.input;
  const xs = scaleOf(s.axis.values, input.dimension, input.unit);
  const columns: ViewColumn[] = [{ key: input.name, label: input.name, numeric: true }, ...s.outputs.map((q) => ({ key: q.name, label: q.name, numeric: true }))];
  const rows = s.axis.values.map((x, k) => ({ [input.name]: cell(x, input.dimension, input.unit), ...Object.fromEntries(s.outputs.map((q, j) => [q.name, cell(s.rows[k]![j]!, q.dimension, q.unit)])) }));
  const chart: LinesChart = {
    kind: 'lines',
    title: `Sweep of ${input.name}`,
    xLabel: input.name,
    xUnit: xs.unit,
    log: s.axis.spacing === 'geometric',
    xs: s.axis.values.map((x) => x / xs.factor),
    series: s.outputs.map((q, j) => {
      const col = s.rows.map((r) => r[j]!);
      const sc = scaleOf(col, q.dimension, q.unit);
      return { name: q.name, unit: sc.unit, values: col.map((v) => v / sc.factor) };
    }),
  };
  const spacing = s.axis.spacing === 'geometric' ? 'geometric' : 'linear';
  return { kind: 'sweep', title: `Sweep of ${input.name}`, notes: [`${s.axis.values.length} values of ${input.name}, ${spacing} spacing; the other inputs fixed.`], tables: [{ title: `Sweep of ${input.name}`, columns, rows, bar: s.outputs[0]?.name }], charts: [chart] };
}

function gridView(g: Grid): AnalysisView {
  const r = g.rowAxis.input;
  const c = g.colAxis.input;
  const tables: ViewTable[] = g.outputs.map((q, j) => ({
    title: `${q.name} by ${r.name} (rows) and ${c.name} (columns)`,
    columns: [{ key: r.name, label: `${r.name} \\ ${c.name}`, numeric: true }, ...g.colAxis.values.map((x, k) => ({ key: `c${k}`, label: formatQuantity(x, c.dimension, c.unit, false, HUMAN).text, numeric: true }))],
    rows: g.rowAxis.values.map((x, i) => ({ [r.name]: cell(x, r.dimension, r.unit), ...Object.fromEntries(g.colAxis.values.map((_, k) => [`c${k}`, cell(g.cells[i]![k]![j]!, q.dimension, q.unit)])) })),
  }));
  const xs = scaleOf(g.rowAxis.values, r.dimension, r.unit);
  const charts: Chart[] = g.outputs.slice(0, 4).map((q, j) => {
    const all = g.cells.flatMap((row) => row.map((cs) => cs[j]!));
    const sc = scaleOf(all, q.dimension, q.unit);
    return {
      kind: 'lines',
      title: `${q.name} by ${r.name}, one line per ${c.name}`,
      xLabel: r.name,
      xUnit: xs.unit,
      log: g.rowAxis.spacing === 'geometric',
      xs: g.rowAxis.values.map((x) => x / xs.factor),
      series: g.colAxis.values.map((cv, k) => ({ name: `${c.name} = ${formatQuantity(cv, c.dimension, c.unit, false, HUMAN).text}`, unit: sc.unit, values: g.cells.map((row) => row[k]![j]! / sc.factor) })),
    };
  });
  return { kind: 'grid', title: `Grid of ${r.name} and ${c.name}`, notes: [`${g.rowAxis.values.length} by ${g.colAxis.values.length} points; the other inputs fixed.`], tables, charts };
}

function growthView(g: Growth): AnalysisView {
  const p = g.period;
  const columns: ViewColumn[] = [
    { key: p, label: p, numeric: true },
    ...g.rates.map((r) => ({ key: r.input.name, label: r.input.name, numeric: true })),
    ...g.outputs.map((q) => ({ key: q.name, label: q.name, numeric: true })),
    ...g.accumulated.map((a) => ({ key: `${a.quantity.name}_total`, label: `${a.quantity.name} total`, numeric: true })),
  ];
  const notes = [`Row 0 is today; row k is ${p} k. ${g.rates.map((r) => `${r.input.name} grows ${r.text}`).join(', ')}, compounding each ${p}; every other input stays fixed.`];
  if (g.accumulated.length) notes.push(`A total is the sum over ${p}s 1..k of that ${p}'s rate times one ${p} (row 0 is 0).`);
  if (g.until) {
    const c = g.until.crossing;
    notes.push(c ? `${g.until.condition.text}: first in ${p} ${c.row}, at about ${p} ${c.at.toFixed(2)}${c.date ? `, around ${c.date}` : ''} (linear between the rows).` : `${g.until.condition.text}: not reached within ${g.rows.length - 1} ${p}s.`);
  }
  const allCols = [...g.outputs.map((q, j) => ({ name: q.name, dim: q.dimension, unit: q.unit, col: g.rows.map((r) => r[j]!) })), ...g.accumulated.map((a) => ({ name: `${a.quantity.name} total`, dim: a.dimension, unit: undefined, col: [...a.totals] }))];
  const chart: LinesChart = {
    kind: 'lines',
    title: `Growth over ${g.rows.length - 1} ${p}s`,
    xLabel: p,
    xUnit: p,
    log: false,
    xs: g.rows.map((_, k) => k),
    series: allCols.map((c) => {
      const sc = scaleOf(c.col, c.dim, c.unit);
      return { name: c.name, unit: sc.unit, values: c.col.map((v) => v / sc.factor) };
    }),
  };
  return { kind: 'growth', title: 'Growth projection', notes, tables: [{ title: 'Growth projection', columns, rows: growthRows(g), bar: g.outputs[0]?.name }], charts: [chart] };
}

function growthRows(g: Growth): Record<string, Cell>[] {
  return g.rows.map((row, k) => ({
    [g.period]: { text: String(k), value: k, unit: g.period },
    ...Object.fromEntries(g.rates.map((r) => [r.input.name, cell(r.base * r.perPeriod ** k, r.input.dimension, r.input.unit)])),
    ...Object.fromEntries(g.outputs.map((q, j) => [q.name, cell(row[j]!, q.dimension, q.unit)])),
    ...Object.fromEntries(g.accumulated.map((a) => [`${a.quantity.name}_total`, cell(a.totals[k]!, a.dimension)])),
  }));
}

function solveView(s: Solve): AnalysisView {
  const c = s.condition;
  const q = c.output;
  const x = (v: number) => cell(v, s.input.dimension, s.input.unit);
  const y = (v: number) => cell(v, q.dimension, q.unit);
  const answer = `${s.want === 'exact' ? 'the' : `the ${s.want}`} ${s.input.name} with ${c.text}`;
  return {
    kind: 'solve',
    title: `Goal seek: ${c.text}`,
    notes: [`${answer[0]!.toUpperCase()}${answer.slice(1)} is ${x(s.value).text} (${q.name} = ${y(s.outputThere).text} there; ${q.name} is ${s.direction} in ${s.input.name}). Found by doubling to a bracket, then bisection.`],
    tables: [
      {
        title: `Goal seek: ${c.text}`,
        columns: [
          { key: 'case', label: '', numeric: false },
          { key: s.input.name, label: s.input.name, numeric: true },
          { key: q.name, label: q.name, numeric: true },
        ],
        rows: [
          { case: text('today'), [s.input.name]: x(s.baseValue), [q.name]: y(s.baseOutput) },
          { case: text(s.want === 'exact' ? 'solution' : s.want), [s.input.name]: x(s.value), [q.name]: y(s.outputThere) },
        ],
      },
    ],
    charts: solveCharts(s),
  };
}

/** The output around the answer, on log scales (the input from ÷4 to ×4). */
function solveCharts(s: Solve): Chart[] {
  const { xs, ys } = s.curve;
  if (xs.length < 2) return [];
  const xsc = scaleOf(xs, s.input.dimension, s.input.unit);
  const q = s.condition.output;
  const ysc = scaleOf(ys, q.dimension, q.unit);
  return [{ kind: 'lines', title: `${q.name} around the answer`, xLabel: s.input.name, xUnit: xsc.unit, log: true, xs: xs.map((x) => x / xsc.factor), series: [{ name: q.name, unit: ysc.unit, values: ys.map((y) => y / ysc.factor) }] }];
}

function diffView(d: Diff): AnalysisView {
  const inputs: ViewTable = {
    title: 'Inputs that differ',
    columns: [
      { key: 'input', label: 'Input', numeric: false },
      { key: 'a', label: d.a.label, numeric: true },
      { key: 'b', label: d.b.label, numeric: true },
    ],
    rows: d.inputs.map((i) => ({ input: text(i.name), a: i.a ? cell(i.a.value, i.a.input.dimension, i.a.input.unit) : text('(absent)'), b: i.b ? cell(i.b.value, i.b.input.dimension, i.b.input.unit) : text('(absent)') })),
  };
  const outputs: ViewTable = {
    title: 'Outputs',
    columns: [
      { key: 'output', label: 'Output', numeric: false },
      { key: 'a', label: d.a.label, numeric: true },
      { key: 'b', label: d.b.label, numeric: true },
      { key: 'change', label: 'Change', numeric: true },
      { key: 'relative', label: 'Relative', numeric: true },
    ],
    rows: d.outputs.map((o) => ({
      output: text(o.a.name),
      a: cell(o.valueA, o.a.dimension, o.a.unit),
      b: cell(o.valueB, o.b.dimension, o.b.unit),
      change: o.change === undefined ? text('(different dimensions)') : signed(cell(o.change, o.a.dimension, o.a.unit), o.change),
      relative: o.relative === undefined ? text('') : { text: `${o.relative >= 0 ? '+' : ''}${(o.relative * 100).toFixed(1)}%`, value: o.relative * 100, unit: '%' },
    })),
  };
  const notes = [d.inputs.length === 0 ? 'No input differs.' : `${d.inputs.length} input${d.inputs.length === 1 ? '' : 's'} differ${d.inputs.length === 1 ? 's' : ''}: ${d.inputs.map((i) => i.name).join(', ')}.`];
  if (d.onlyA.length) notes.push(`Only in ${d.a.label}: ${d.onlyA.join(', ')}.`);
  if (d.onlyB.length) notes.push(`Only in ${d.b.label}: ${d.onlyB.join(', ')}.`);
  const changed = d.outputs.filter((o) => o.relative !== undefined && o.relative !== 0);
  // The relative change of each output that moved, as bars from 0 (a tornado with base 0).
  const chart: TornadoChart = { kind: 'tornado', signed: true, title: `Change from ${d.a.label} to ${d.b.label}`, unit: '%', base: 0, bars: changed.map((o) => ({ label: o.a.name, low: 0, high: o.relative! * 100 })) };
  return { kind: 'diff', title: `${d.a.label} vs ${d.b.label}`, notes, tables: [inputs, outputs], charts: changed.length ? [chart] : [] };
}

function signed(c: Cell, v: number): Cell {
  return v > 0 ? { ...c, text: '+' + c.text } : c;
}

function histogramView(h: HistogramSet): AnalysisView {
  const charts: HistogramChart[] = h.histograms.map((x) => {
    const sc = scaleOf([x.p50, x.p95], x.output.dimension, x.output.unit);
    return { kind: 'histogram', title: `${x.output.name}: ${x.output.spec.label}`, unit: sc.unit, edges: x.edges.map((e) => e / sc.factor), counts: x.counts, p5: x.p5 / sc.factor, p50: x.p50 / sc.factor, p95: x.p95 / sc.factor };
  });
  const table: ViewTable = {
    title: 'Distributions',
    columns: [
      { key: 'output', label: 'Output', numeric: false },
      { key: 'p5', label: 'p5', numeric: true },
      { key: 'p50', label: 'median', numeric: true },
      { key: 'p95', label: 'p95', numeric: true },
    ],
    rows: h.histograms.map((x) => ({ output: text(x.output.name), p5: cell(x.p5, x.output.dimension, x.output.unit), p50: cell(x.p50, x.output.dimension, x.output.unit), p95: cell(x.p95, x.output.dimension, x.output.unit) })),
  };
  return { kind: 'histograms', title: 'Distributions of the sampled outputs', notes: [`${h.samples.toLocaleString('en-US')} samples each; bars from the 0.5th to the 99.5th percentile.`], tables: [table], charts };
}
