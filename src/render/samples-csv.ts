/**
 * `--samples-out FILE.csv`: the raw samples of the outputs, one column per shown quantity (in
 * the unit its median is shown in), one row per sample, for plotting elsewhere. An exact output
 * repeats its value in every row.
 */
import { EstimateError } from '../diagnostics/error.js';
import { bestUnit } from '../units/format.js';
import { type Model, type ModelInput, type ModelQuantity } from '../model/model.js';
import { type Results } from '../model/evaluate.js';
import { type UnitRegistry } from '../units/registry.js';
import { csvField } from './sanitize-cells.js';

/**
 * The most cells a samples file holds (about 25 bytes each, 500 MB): a larger text would not fit
 * in one JavaScript string.
 */
export const MAX_SAMPLE_CELLS = 20_000_000;

/** The CSV text: a header `name (unit)` per column, then one row per sample, CRLF line ends. */
export function renderSamplesCsv(model: Model, results: Results): string {
  const n = results.sampled?.samples ?? 1;
  const items = [...new Set(model.sections.flatMap((s) => s.items))];
  if (n * items.length > MAX_SAMPLE_CELLS) {
    throw new EstimateError('E0904', `--samples-out would hold ${(n * items.length).toLocaleString('en-US')} values, more than ${MAX_SAMPLE_CELLS.toLocaleString('en-US')}`, {
      where: '--samples-out',
      help: [`use --samples ${Math.floor(MAX_SAMPLE_CELLS / items.length).toLocaleString('en-US')} or fewer for this template`],
    });
  }
  const columns = items.map((item) => column(item, results, model.registry));
  const lines = new Array<string>(n + 1);
  lines[0] = columns.map((c) => csvField(c.unit === '' ? c.name : `${c.name} (${c.unit})`)).join(',');
  const row = new Array<string>(columns.length);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k]!;
      row[k] = String((c.samples ? c.samples[i]! : c.exact) / c.factor);
    }
    lines[i + 1] = row.join(',');
  }
  return lines.join('\r\n') + '\r\n';
}

function column(item: ModelInput | ModelQuantity, results: Results, registry: UnitRegistry) {
  const samples = results.sampled?.bySlot[item.slot];
  const exact = results.values[item.slot]!;
  // The model's registry: under `data: binary` the column `(TB)` holds 2^40-byte terabytes.
  const unit = item.unit ?? bestUnit(exact, item.dimension, registry);
  const percent = 'percent' in unit && unit.percent === true;
  return { name: item.name, unit: percent ? '%' : unit.text, factor: percent ? 0.01 : unit.factor, samples, exact };
}
