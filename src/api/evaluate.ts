/** evaluateTemplate: a template and overrides -> a report (every value formatted, nothing rendered). */
import { EstimateError } from '../diagnostics/error.js';
import { evaluate } from '../model/evaluate.js';
import { resolveOverrides } from '../model/overrides.js';
import { buildReport, type Report } from '../render/report.js';
import { guarded } from './errors.js';
import { type Template } from './template.js';

export interface EvaluateOptions {
  /** Overrides of inputs, read as `--set` reads them: `{ mau: '1.5bn', media_size: '2MB' }`. */
  readonly set?: Readonly<Record<string, string>>;
  /** Include the derivation of every quantity (default true). */
  readonly steps?: boolean;
}

/** The result of evaluating a template: the report, and every value by name in base units. */
export interface Estimate {
  readonly report: Report;
  /** Each input's and quantity's value in base units (seconds, bytes, USD, counts). */
  readonly values: Readonly<Record<string, number>>;
}

export function evaluateTemplate(template: Template, options: EvaluateOptions = {}): Estimate {
  return guarded(() => {
    if (!template || typeof template !== 'object' || !('model' in template)) {
      throw new EstimateError('E0904', 'evaluateTemplate takes a template from loadTemplate or loadBuiltinTemplate', { where: 'evaluateTemplate(template)' });
    }
    const model = template.model;
    const overrides = resolveOverrides(model, Object.entries(options.set ?? {}).map(([k, v]) => `${k}=${v}`));
    const results = evaluate(model, overrides);
    const report = buildReport(model, results, { steps: options.steps ?? true });
    const values: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const item of [...model.inputs, ...model.quantities]) values[item.name] = results.values[item.slot]!;
    return { report, values };
  });
}
