/** `estimate calc "<expr>"`: evaluates one expression and prints it, or its JSON form. */
import { EstimateError } from '../../diagnostics/error.js';
import { calculateSampled } from '../../eval/calculate.js';
import { commandLineConventions, givenConventions } from '../../model/conventions.js';
import { countNameProblem, UnitRegistry } from '../../units/registry.js';
import { type Io } from '../io.js';
import { type CalcOptions } from '../options.js';
import { digitsOption } from './digits.js';
import { samplingOptions } from './sampling.js';

/** Runs the calculator; returns the exit status. */
export function runCalc(opts: CalcOptions, io: Io): number {
  const registry = declareCounts(opts.units).withSizes(givenConventions(commandLineConventions(opts.convention)).sizes);
  const { samples, seed } = samplingOptions(opts);
  const digits = digitsOption(opts.digits);
  const c = calculateSampled(opts.expression, { registry, samples, seed, ...(opts.to !== undefined ? { to: opts.to } : {}), ...(digits !== undefined ? { digits } : {}), words: !opts.json });
  const r = c.value;
  const s = c.summary;
  if (opts.json) {
    // An uncertain result keeps `value` (the median) and adds its interval in the same unit.
    const interval = s ? { p5: s.p5.value, p95: s.p95.value, mean: s.mean.value, samples: s.samples } : {};
    // JSON keeps the canonical text (`2 USD`): scripts read units, people read `$2` (issue 13).
    io.out(JSON.stringify({ value: r.value, unit: r.unit, si: r.si, dimension: r.dimension, text: r.text, ...interval }) + '\n');
  } else {
    io.out((s ? `${r.text} ${s.interval}` : r.text) + '\n');
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
