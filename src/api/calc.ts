/** calc: one expression, with its unit, evaluated and formatted. */
import { EstimateError } from '../diagnostics/error.js';
import { calculate } from '../eval/calculate.js';
import { countNameProblem, UnitRegistry } from '../units/registry.js';
import { guarded } from './errors.js';

export interface CalcOptions {
  /** Converts the result to this unit: `{ to: 'TB' }`. */
  readonly to?: string;
  /** Count units to declare: `{ units: ['user', 'tweet'] }`. */
  readonly units?: readonly string[];
}

/** A result: `text` as the CLI prints it, `value` in `unit`, `si` in base units. */
export interface CalcResult {
  readonly text: string;
  readonly value: number;
  readonly unit: string;
  readonly si: number;
  readonly dimension: string;
}

/** Evaluates one expression: `calc('300M user * 2 / day', { units: ['user'] })`. */
export function calc(expression: string, options: CalcOptions = {}): CalcResult {
  return guarded(() => {
    if (typeof expression !== 'string') throw new EstimateError('E0904', 'calc takes the expression as a string', { where: 'calc(expression)' });
    let registry = UnitRegistry.BUILTIN;
    if (options.units && options.units.length > 0) {
      for (const n of options.units) {
        const problem = countNameProblem(n, UnitRegistry.BUILTIN);
        if (problem) throw new EstimateError('E0904', `cannot declare the count unit \`${n}\`: ${problem}`, { where: 'calc options.units' });
      }
      registry = registry.withCounts([...options.units]);
    }
    const r = calculate(expression, { registry, ...(options.to !== undefined ? { to: options.to } : {}) });
    return { text: r.text, value: r.value, unit: r.unit, si: r.si, dimension: r.dimension };
  });
}
