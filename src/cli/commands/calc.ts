/** `estimate calc "<expr>"`: evaluates one expression and prints it, or its JSON form. */
import { EstimateError } from '../../diagnostics/error.js';
import { calculate } from '../../eval/calculate.js';
import { countNameProblem, UnitRegistry } from '../../units/registry.js';
import { type Io } from '../io.js';
import { type CalcOptions } from '../options.js';

/** Runs the calculator; returns the exit status. */
export function runCalc(opts: CalcOptions, io: Io): number {
  const registry = declareCounts(opts.units);
  const r = calculate(opts.expression, { registry, ...(opts.to !== undefined ? { to: opts.to } : {}) });
  if (opts.json) {
    io.out(JSON.stringify({ value: r.value, unit: r.unit, si: r.si, dimension: r.dimension, text: r.text }) + '\n');
  } else {
    io.out(r.text + '\n');
  }
  return 0;
}

function declareCounts(list: string | undefined): UnitRegistry {
  if (list === undefined) return UnitRegistry.BUILTIN;
  const names = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const n of names) {
    const problem = countNameProblem(n, UnitRegistry.BUILTIN);
    if (problem) throw new EstimateError('E0904', `--units: cannot declare \`${n}\`: ${problem}`, { where: '--units' });
  }
  return UnitRegistry.BUILTIN.withCounts(names);
}
