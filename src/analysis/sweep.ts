/** Sweeps: one input over a list of values (a row each), or two inputs (a grid). */
import { type ModelQuantity } from '../model/model.js';
import { type Evaluator } from './evaluator.js';
import { MAX_POINTS, type SweepAxis } from './specs.js';
import { EstimateError } from '../diagnostics/error.js';

/** One input swept: rows[k][j] is output j at the input's k-th value. */
export interface Sweep {
  readonly kind: 'sweep';
  readonly axis: SweepAxis;
  readonly outputs: readonly ModelQuantity[];
  readonly rows: readonly (readonly number[])[];
}

/** Two inputs swept: cells[r][c][j] is output j at row value r and column value c. */
export interface Grid {
  readonly kind: 'grid';
  readonly rowAxis: SweepAxis;
  readonly colAxis: SweepAxis;
  readonly outputs: readonly ModelQuantity[];
  readonly cells: readonly (readonly (readonly number[])[])[];
}

/** Evaluates the outputs at each value of the axis. */
export function sweep(ev: Evaluator, axis: SweepAxis, outputs: readonly ModelQuantity[]): Sweep {
  const rows = axis.values.map((x) => {
    const v = ev.at([{ slot: axis.input.slot, value: x }]);
    return outputs.map((q) => v[q.slot]!);
  });
  return { kind: 'sweep', axis, outputs, rows };
}

/** Evaluates the outputs at every pair of values; the grid has at most MAX_POINTS cells. */
export function grid(ev: Evaluator, rowAxis: SweepAxis, colAxis: SweepAxis, outputs: readonly ModelQuantity[]): Grid {
  const count = rowAxis.values.length * colAxis.values.length;
  if (count > MAX_POINTS) {
    throw new EstimateError('E0962', `a grid may have at most ${MAX_POINTS.toLocaleString('en-US')} points; this one has ${count.toLocaleString('en-US')}`, {
      where: `--sweep ${colAxis.text}`,
      help: ['use fewer points on one of the sweeps'],
    });
  }
  if (rowAxis.input === colAxis.input) {
    throw new EstimateError('E0966', `both sweeps move \`${rowAxis.input.name}\`; a grid needs two different inputs`, { where: `--sweep ${colAxis.text}`, help: ['sweep a second input, or drop one --sweep'] });
  }
  const cells = rowAxis.values.map((r) =>
    colAxis.values.map((c) => {
      const v = ev.at([
        { slot: rowAxis.input.slot, value: r },
        { slot: colAxis.input.slot, value: c },
      ]);
      return outputs.map((q) => v[q.slot]!);
    }),
  );
  return { kind: 'grid', rowAxis, colAxis, outputs, cells };
}
