/**
 * Growth projection: a row per period, row 0 being today. Grown inputs compound per period;
 * every quantity is re-evaluated at that period's inputs. A quantity marked `accumulate: true`
 * (or named with --accumulate) is a rate summed over the periods: its running total at row k
 * is the sum, over periods 1..k, of that period's rate (at the period's end-of-period inputs)
 * times the period's length. `--until` names the first period where a condition holds, and the
 * moment within it, interpolating the output linearly between the rows around the crossing.
 */
import { EstimateError } from '../diagnostics/error.js';
import { Dimension } from '../units/dimension.js';
import { type Model, type ModelInput, type ModelQuantity } from '../model/model.js';
import { inputNamed, outputNamed, type Evaluator } from './evaluator.js';
import { holds, type Condition } from './specs.js';

/** Seconds in a year (365 days, as the unit catalogue's `year`) and in a month (a twelfth). */
export const YEAR_SECONDS = 365 * 86400;
const PERIOD_SECONDS = { year: YEAR_SECONDS, month: YEAR_SECONDS / 12 } as const;
const RATE_UNITS: Readonly<Record<string, number>> = { year: YEAR_SECONDS, yr: YEAR_SECONDS, quarter: YEAR_SECONDS / 4, month: YEAR_SECONDS / 12, mo: YEAR_SECONDS / 12, week: 7 * 86400, day: 86400 };

/** A period length. */
export type Period = keyof typeof PERIOD_SECONDS;

/** One grown input: its rate as typed and its factor per period. */
export interface GrowthRate {
  readonly input: ModelInput;
  readonly text: string;
  readonly perPeriod: number;
  /** Today's value (base units), set when the projection runs. */
  readonly base: number;
}

/** A projection. */
export interface Growth {
  readonly kind: 'growth';
  readonly period: Period;
  readonly rates: readonly GrowthRate[];
  readonly outputs: readonly ModelQuantity[];
  /** rows[k][j]: output j at period k (row 0 is today). */
  readonly rows: readonly (readonly number[])[];
  /** Running totals of the accumulated rates, by row; the dimension is the rate's times Time. */
  readonly accumulated: readonly { readonly quantity: ModelQuantity; readonly dimension: Dimension; readonly totals: readonly number[] }[];
  readonly until?: { readonly condition: Condition; readonly crossing?: { readonly row: number; readonly at: number; readonly date?: string } };
}

/** Reads `name=40%/year` (or `%/month`, `/quarter`, `/week`, `/day`; a bare `%` is per period). */
export function parseGrowth(model: Model, raw: string, period: Period): GrowthRate {
  const where = `--grow ${raw}`;
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new EstimateError('E0963', `--grow needs name=rate, got \`${raw}\``, { where, help: ['for example: --grow mau=40%/year'] });
  const input = inputNamed(model, raw.slice(0, eq).trim(), where);
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*%\s*(?:\/\s*([a-z]+))?\s*$/i.exec(raw.slice(eq + 1));
  const per = m?.[2]?.toLowerCase();
  if (!m || (per !== undefined && RATE_UNITS[per] === undefined)) {
    throw new EstimateError('E0963', `\`${raw.slice(eq + 1).trim()}\` is not a growth rate`, { where, help: ['write a percentage per year, month, quarter, week or day: 40%/year, 3%/month'] });
  }
  const r = Number(m[1]) / 100;
  if (!(r > -1) || !Number.isFinite(r)) throw new EstimateError('E0963', `a growth rate must be above -100%, got ${m[1]}%`, { where, help: ['-100% would leave nothing; -50%/year halves each year'] });
  const perPeriod = (1 + r) ** (PERIOD_SECONDS[period] / (per === undefined ? PERIOD_SECONDS[period] : RATE_UNITS[per]!));
  return { input, text: raw.slice(eq + 1).trim(), perPeriod, base: NaN };
}

/** The quantities to accumulate: the template's `accumulate: true` and --accumulate names. */
export function accumulatedQuantities(model: Model, names: readonly string[]): ModelQuantity[] {
  const marked = model.quantities.filter((q) => q.spec.accumulate?.text === 'true');
  const named = names.flatMap((n) => n.split(',')).map((n) => n.trim()).filter((n) => n !== '').map((n) => outputNamed(model, n, `--accumulate ${n}`));
  const all = [...new Set([...marked, ...named])];
  for (const q of all) {
    if (q.dimension.exponent('Time') >= 0) {
      const span = q.spec.accumulate?.span;
      throw new EstimateError('E0740', `\`${q.name}\` is ${q.dimension}, not a rate per time, so it cannot be summed over periods`, {
        ...(span && !named.includes(q) ? { span } : { where: `--accumulate ${q.name}` }),
        help: ['accumulate a rate such as TB/day (new data per day): its total over the periods is a storage'],
      });
    }
  }
  return all;
}

/** Projects the outputs over `periods` periods (with --until and no horizon: up to 100 years). */
export function growth(ev: Evaluator, rates: readonly GrowthRate[], period: Period, periods: number | undefined, outputs: readonly ModelQuantity[], accumulate: readonly ModelQuantity[], until?: Condition, today?: Date): Growth {
  const horizon = periods ?? (until ? (period === 'year' ? 100 : 1200) : 5);
  const rows: number[][] = [];
  const totals = accumulate.map(() => [0]);
  let previous: Float64Array | undefined;
  let crossing: { row: number; at: number } | undefined;
  for (let k = 0; k <= horizon; k++) {
    const changes = rates.map((g) => ({ slot: g.input.slot, value: ev.base[g.input.slot]! * g.perPeriod ** k }));
    for (const c of changes) checkGrown(rates.find((g) => g.input.slot === c.slot)!.input, c.value, k, period);
    const v = ev.at(changes);
    rows.push(outputs.map((q) => v[q.slot]!));
    if (k > 0) accumulate.forEach((q, j) => totals[j]!.push(totals[j]![k - 1]! + v[q.slot]! * PERIOD_SECONDS[period]));
    if (until && !crossing && holds(until, v[until.output.slot]!)) {
      crossing = { row: k, at: k === 0 || !previous ? 0 : interpolate(previous[until.output.slot]!, v[until.output.slot]!, until.target, k) };
      if (periods === undefined) break;
    }
    previous = v;
  }
  return {
    kind: 'growth',
    period,
    rates: rates.map((g) => ({ ...g, base: ev.base[g.input.slot]! })),
    outputs,
    rows,
    accumulated: accumulate.map((q, j) => ({ quantity: q, dimension: q.dimension.mul(Dimension.base('Time')), totals: totals[j]! })),
    ...(until ? { until: { condition: until, ...(crossing ? { crossing: today ? { ...crossing, date: dateAfter(today, crossing.at, period) } : crossing } : {}) } } : {}),
  };
}

/** The fractional period where a straight line from (k-1, a) to (k, b) meets the target. */
function interpolate(a: number, b: number, target: number, k: number): number {
  if (b === a) return k;
  const t = (target - a) / (b - a);
  return k - 1 + Math.min(1, Math.max(0, t));
}

function checkGrown(input: ModelInput, v: number, k: number, period: Period): void {
  if ((input.max && v > input.max.si) || (input.min && v < input.min.si) || !Number.isFinite(v)) {
    throw new EstimateError('E0745', `\`${input.name}\` grows out of its bounds in ${period} ${k}`, {
      span: input.spec.max?.span ?? input.spec.default.span,
      help: [`${input.spec.label}: ${input.min ? 'from ' + input.min.text : ''}${input.max ? ' up to ' + input.max.text : ''}`, `project fewer ${period}s, or grow it more slowly`],
    });
  }
}

/** The calendar day `periods` periods after `today` (fractional periods as days of a 365-day year). */
export function dateAfter(today: Date, periods: number, period: Period): string {
  const d = new Date(today.getTime() + periods * PERIOD_SECONDS[period] * 1000);
  return d.toISOString().slice(0, 10);
}
