/**
 * The small languages of the analysis flags, read against the model: `mau=100M..1bn:10`
 * (sweeps), `mau=40%/year` (growth), `write_servers <= 20` (goals and thresholds). Values are
 * read by the engine with the same rules as `--set` (a bare number takes the input's unit).
 */
import { EstimateError } from '../diagnostics/error.js';
import { source } from '../diagnostics/source.js';
import { compile, unitScope } from '../eval/compile.js';
import { parse } from '../lang/parser.js';
import { type Model, type ModelInput, type ModelQuantity } from '../model/model.js';
import { inUnitOf, readAnswer } from '../model/overrides.js';
import { inputNamed, outputNamed } from './evaluator.js';

/** The most points a sweep (or a grid) may have. */
export const MAX_POINTS = 10_000;

/** A parsed `--sweep`: the input and the values it takes, in base units. */
export interface SweepAxis {
  readonly input: ModelInput;
  readonly values: readonly number[];
  readonly spacing: 'linear' | 'geometric';
  readonly text: string;
}

/** Reads an exact value for an input with `--set`'s rules. */
export function inputValue(model: Model, input: ModelInput, text: string, where: string): number {
  const v = readAnswer(input, text, model, `${where.split(' ')[0]} ${input.name}`).value;
  if (v.uncertain) throw new EstimateError('E0961', `\`${text.trim()}\` is a range; ${where} needs exact values`, { where, help: ['write a number with its unit, such as `300M`'] });
  return v.run([]);
}

/** `name=LO..HI`, `name=LO..HI:N` (N points, linear), `name=LO..HI*F` (geometric, factor F). */
export function parseSweep(model: Model, raw: string): SweepAxis {
  const where = `--sweep ${raw}`;
  const m = /^\s*([^=\s]+)\s*=(.+?)\.\.(.+?)(?:([:*])\s*([^:*]+))?\s*$/s.exec(raw);
  if (!m) {
    throw new EstimateError('E0961', `--sweep needs name=low..high, got \`${raw}\``, {
      where,
      help: ['linear with N points: --sweep mau=100M..1bn:10', 'geometric by a factor: --sweep mau=100M..100bn*10'],
    });
  }
  const input = inputNamed(model, m[1]!, where);
  const lo = inputValue(model, input, m[2]!, where);
  const hi = inputValue(model, input, m[3]!, where);
  if (!(hi >= lo)) throw new EstimateError('E0962', `the sweep's high end is below its low end: no points`, { where, help: ['write the low end first: low..high'] });
  for (const [v, end] of [[lo, m[2]!], [hi, m[3]!]] as const) checkInBounds(input, v, end.trim(), where);
  const step = m[5]?.trim();
  if (m[4] === '*') {
    const f = Number(step);
    // `*1e400` is above 1 but not a finite number: say which, not "not above 1".
    const why = Number.isNaN(f) ? 'is not a number' : !Number.isFinite(f) ? 'is too large (not a finite number)' : 'is not above 1';
    if (!Number.isFinite(f) || f <= 1) throw new EstimateError('E0961', `a geometric sweep needs a finite factor above 1; \`${step}\` ${why}`, { where, help: ['--sweep mau=100M..100bn*10'] });
    if (!(lo > 0)) throw new EstimateError('E0961', 'a geometric sweep needs a low end above zero', { where, help: ['use a linear sweep (:N) from zero'] });
    const count = Math.floor(Math.log(hi / lo) / Math.log(f) + 1e-9) + 1;
    if (count > MAX_POINTS) throw tooMany(count, where);
    // Each point from the low end, not by repeated multiplication: no drift over many steps.
    const values = Array.from({ length: count }, (_, k) => lo * f ** k);
    return { input, values, spacing: 'geometric', text: raw };
  }
  const n = step === undefined ? 11 : Number(step);
  if (!Number.isInteger(n) || n < 1 || n > MAX_POINTS) {
    if (Number.isInteger(n) && n > MAX_POINTS) throw tooMany(n, where);
    throw new EstimateError('E0962', `a sweep needs 1 to ${MAX_POINTS.toLocaleString('en-US')} points, got \`${step}\``, { where, help: ['--sweep mau=100M..1bn:10'] });
  }
  if (n === 1 && hi !== lo) throw new EstimateError('E0962', 'one point cannot span two different ends', { where, help: ['ask for 2 or more points: :10'] });
  const values = n === 1 ? [lo] : Array.from({ length: n }, (_, k) => (k === n - 1 ? hi : lo + ((hi - lo) * k) / (n - 1)));
  return { input, values, spacing: 'linear', text: raw };
}

function tooMany(n: number, where: string): EstimateError {
  return new EstimateError('E0962', `a sweep may have at most ${MAX_POINTS.toLocaleString('en-US')} points; this one has ${n.toLocaleString('en-US')}`, { where, help: ['use fewer points (:N) or a larger factor (*F)'] });
}

/** Throws E0962 when a value lies outside the input's declared bounds. */
export function checkInBounds(input: ModelInput, v: number, text: string, where: string): void {
  if ((input.min && v < input.min.si) || (input.max && v > input.max.si)) {
    throw new EstimateError('E0962', `\`${text}\` lies outside \`${input.name}\`'s bounds`, {
      where,
      help: [`${input.spec.label}: ${input.min ? 'from ' + input.min.text : ''}${input.max ? ' up to ' + input.max.text : ''}`.replace(': ', ': ').trim()],
    });
  }
}

/** A comparison of an output with a value (`write_servers <= 20`). */
export interface Condition {
  readonly output: ModelQuantity;
  readonly op: '=' | '<=' | '>=' | '<' | '>';
  /** The target in base units. */
  readonly target: number;
  readonly text: string;
}

/** Reads `output OP value`; `=`, `==`, `<=`, `>=`, `<`, `>` (`allowed` limits them). */
export function parseCondition(model: Model, raw: string, where: string, allowed: readonly Condition['op'][]): Condition {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(==|<=|>=|=|<|>)\s*(.+)$/s.exec(raw);
  const ops = allowed.join(', ');
  if (!m) throw new EstimateError('E0965', `expected \`output ${allowed[0]} value\`, got \`${raw}\``, { where, help: [`for example: "write_servers ${allowed[0]} 20"; the comparisons are ${ops}`] });
  const op = (m[2] === '==' ? '=' : m[2]) as Condition['op'];
  if (!allowed.includes(op)) throw new EstimateError('E0965', `\`${m[2]}\` is not a comparison ${where.split(' ')[0]} takes`, { where, help: [`the comparisons are ${ops}`] });
  const output = outputNamed(model, m[1]!, where);
  const text = m[3]!.trim();
  const expr = parse(source(where, text));
  const value = inUnitOf(expr, compile(expr, unitScope(model.registry)), output.dimension, output.unit);
  if (value.uncertain) throw new EstimateError('E0965', `the target \`${text}\` is a range; give one value`, { where, help: ['write one number with its unit'] });
  if (!value.dimension.equals(output.dimension)) {
    throw new EstimateError('E0965', `\`${output.name}\` is ${output.dimension}, but \`${text}\` is ${value.dimension}`, { where, help: [`write the target in a unit of ${output.dimension}${output.unit ? `, such as \`20 ${output.unit.text}\`` : ''}`] });
  }
  const target = value.run([]);
  if (!Number.isFinite(target)) throw new EstimateError('E0965', `the target \`${text}\` is not a finite number`, { where, help: ['write a finite value'] });
  return { output, op, target, text: raw.trim() };
}

/** Whether a value satisfies a condition. */
export function holds(c: Condition, v: number): boolean {
  switch (c.op) {
    case '=':
      return v === c.target;
    case '<=':
      return v <= c.target;
    case '>=':
      return v >= c.target;
    case '<':
      return v < c.target;
    case '>':
      return v > c.target;
  }
}
