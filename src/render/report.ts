/**
 * Model + results -> a neutral Report: every value already formatted, every row in display
 * order. The renderers (table, Markdown, JSON, CSV) only lay it out; none of them computes.
 */
import { conventionLines, conventionNotes, usesBillingMonth, type ConventionNote } from '../units/conventions.js';
import { print } from '../lang/printer.js';
import { namesIn } from '../model/build.js';
import { type Model, type ModelInput, type ModelQuantity } from '../model/model.js';
import { type Results } from '../model/evaluate.js';
import { formatSummary, type FormattedSummary } from '../eval/format-summary.js';
import { formatQuantity, formatShownIn, movePrefix, type FormatStyle, type Formatted } from '../units/format.js';
import { bindings, type FleetBinding } from '../sizing/binding.js';
import { NAPKIN_SHORTCUTS, napkinLines, napkinShortcuts, type NapkinLine } from '../report/napkin.js';
import { innerSteps, type InnerStepContext } from '../report/inner-steps.js';

/** A shown value. */
export interface ReportRow {
  readonly name: string;
  readonly label: string;
  readonly help: string;
  readonly value: Formatted;
  /** The book's figure as the book rounds it, in the same unit. */
  readonly book?: Formatted;
  /** Inputs: whether the user overrode the default. */
  readonly overridden?: boolean;
  /** An uncertain value: `value` is its median; this holds the 90% interval and mean in its unit. */
  readonly uncertain?: FormattedSummary;
  /** A fleet sized by its binding resource: which resource binds, and every resource's need. */
  readonly sizing?: FleetBinding;
}

/** One derivation step: the formula, the formula with values, the result. */
export interface ReportStep {
  readonly name: string;
  readonly label: string;
  readonly formula: string;
  readonly substituted: string;
  /** The steps inside calls, between the values and the result: `ceil(6.503)` (src/report/inner-steps.ts). */
  readonly inner?: readonly string[];
  readonly result: string;
  /** The result is the median of samples (the substituted values are medians too). */
  readonly uncertain?: boolean;
}

/** A line of the whiteboard (`--napkin`): src/report/napkin.ts computes it. */
export type ReportNapkin = NapkinLine;
export { NAPKIN_SHORTCUTS };

/** What an uncertain run states once: which inputs had ranges, and how it was sampled. */
export interface ReportUncertainty {
  readonly inputs: readonly string[];
  readonly samples: number;
  readonly seed: number;
  /** The caveat `--explain` shows: medians do not compose. */
  readonly note: string;
}

/** A titled group of results. */
export interface ReportSection {
  readonly title: string;
  readonly rows: readonly ReportRow[];
}

/** Everything a renderer shows. */
export interface Report {
  readonly template: string;
  readonly title: string;
  readonly description: string;
  readonly source: string;
  readonly assumptions: readonly ReportRow[];
  readonly sections: readonly ReportSection[];
  readonly steps: readonly ReportStep[];
  readonly conventions: readonly string[];
  /** The conventions that differ from the default (`month = 2.5M s`): under every table, in every export. */
  readonly declaredConventions?: readonly ConventionNote[];
  /** Quantities in no section: not in tables, but in JSON with `shown: false` (issue 13). */
  readonly unshown?: readonly ReportRow[];
  /** Present when some value was uncertain. */
  readonly uncertainty?: ReportUncertainty;
  /** `--napkin`: the whiteboard, every input and quantity to one figure and a power of ten. */
  readonly napkin?: readonly ReportNapkin[];
  /** `--napkin`: the time shortcuts it used; a declared convention keeps its size. */
  readonly napkinShortcuts?: readonly string[];
}

/** The caveat on a derivation shown on medians. */
export const MEDIAN_NOTE = 'values are medians of the samples; the median of a product is not the product of the medians, so a step need not multiply out exactly';

/** The conventions every estimate states once. */
export const CONVENTIONS: readonly string[] = [
  'month = 30 days, year = 365 days',
  'KB, MB, GB, TB, PB are SI units (powers of 1000); KiB, MiB, GiB are binary (powers of 1024)',
  'rates are per second unless a unit says otherwise; peak = average × peak factor',
];

/** `memory binds; requests need 17, disk 30` (with ranges: `memory binds in 83% of samples; ...`). */
function bindingText(f: FleetBinding, model: Model, style: FormatStyle): string {
  const share = f.share !== undefined ? ` in ${Math.round(f.share * 100)}% of samples` : '';
  const others = f.needs.filter((n) => n.resource !== f.binds).map((n) => {
    const q = model.byName.get(n.name);
    return `${n.resource} need ${q ? formatQuantity(n.servers, q.dimension, q.unit, false, style).text : String(n.servers)}`;
  });
  return `${f.binds} binds${share}${others.length ? `; ${others.join(', ')}` : ''}`;
}

/** What a report holds besides the shown values. */
export interface ReportOptions {
  /** The derivation of every quantity (`--explain`, Markdown, JSON): a large template has many. */
  readonly steps: boolean;
  /** Significant digits of every shown number (`--digits`, default 4). */
  readonly digits?: number;
  /** `--napkin`: add the whiteboard form of every result. */
  readonly napkin?: boolean;
}

/** Builds the report of one evaluation. */
export function buildReport(model: Model, results: Results, options: ReportOptions = { steps: true }): Report {
  // People read the report: plurals and `$`. JSON and CSV read `unit`, `value` and `si`, which stay canonical.
  // The model's registry: a declared month (`month: 730 h`) is the month the formatter prints.
  const style: FormatStyle = { words: true, registry: model.registry, ...(options.digits !== undefined ? { digits: options.digits } : {}) };
  // Each value formatted once: a step shows the values of all the quantities it reads.
  const formatted: (Formatted | undefined)[] = new Array<Formatted | undefined>(model.slotCount);
  const summaries: (FormattedSummary | undefined)[] = new Array<FormattedSummary | undefined>(model.slotCount);
  const summaryOf = (item: ModelInput | ModelQuantity): FormattedSummary | undefined => {
    const s = results.sampled?.summaries[item.slot];
    return s && (summaries[item.slot] ??= formatSummary(s, item.dimension, item.unit, false, style));
  };
  const value = (item: ModelInput | ModelQuantity) => (formatted[item.slot] ??= summaryOf(item)?.median ?? formatQuantity(results.values[item.slot]!, item.dimension, item.unit, false, style));
  const fleets = model.spec.sizing ? bindings(model, results) : undefined;
  const row = (item: ModelInput | ModelQuantity): ReportRow => {
    const uncertain = summaryOf(item);
    const fleet = fleets?.get(item.name);
    const shown = fleet ? { ...value(item), text: `${value(item).text} (${bindingText(fleet, model, style)})` } : value(item);
    const base = { name: item.name, label: item.spec.label, help: item.spec.help, value: shown, ...(uncertain ? { uncertain } : {}), ...(fleet ? { sizing: fleet } : {}) };
    if (item.kind === 'input') return { ...base, overridden: results.overridden.has(item.name) };
    // The book's figure belongs to the book's assumptions: once an input changes it would mislead.
    if (item.book === undefined || results.overridden.size > 0) return base;
    // The book's figure in the unit the estimate is shown in (the prefix of a preference may have moved).
    const book = item.unit
      ? formatShownIn(item.book, item.dimension, item.unit, item.unit.percent || item.unit.fixed ? item.unit : movePrefix(base.value.si, item.unit, model.registry), style)
      : formatQuantity(item.book, item.dimension, matchingUnit(base.value, item), false, style);
    return { ...base, book };
  };
  const shownValue = (name: string) => {
    const item = model.byName.get(name);
    return item ? value(item).text : undefined;
  };
  const inner: InnerStepContext = {
    scope: { registry: model.registry, lookup: (n) => model.byName.get(n), names: () => model.byName.keys() },
    values: results.values,
    show: (si, dimension) => innerValue(si, dimension, style),
    substitute: shownValue,
  };
  const steps = (options.steps ? model.quantities : []).map((q): ReportStep => ({
    name: q.name,
    label: q.spec.label,
    formula: print(q.expr, { asWritten: true, times: '×' }),
    substituted: print(q.expr, { asWritten: true, times: '×', substitute: shownValue }),
    // Medians do not compose: a step on samples shows no values inside its calls.
    ...withBits(q, shownValue, summaryOf(q) ? {} : innerOf(q, inner)),
    // The per-day form uses the declared day (`day: 10^5 s`), not 86,400 s.
    result: resultText(q, value(q), style, model.registry.lookup('day')?.factor ?? 86_400) + conventionSuffix(model.conventionsUsed.get(q.name)),
    ...(summaryOf(q) ? { uncertain: true } : {}),
  }));
  const sampled = results.sampled;
  return {
    template: model.spec.name,
    title: model.spec.title,
    description: model.spec.description,
    source: model.spec.source,
    assumptions: model.inputs.map(row),
    sections: model.sections.map((s) => ({ title: s.title, rows: s.items.map(row) })),
    unshown: unshownQuantities(model).map(row),
    steps,
    // Conventions other than the defaults come first, with their sizes (src/units/conventions.ts);
    // an estimate that counts in billing months (catalogue prices, costs per month) states its size.
    conventions: conventionLines(model.conventions, CONVENTIONS, usesBillingMonth([...model.inputs.map((i) => i.defaultExpr), ...model.quantities.map((q) => q.expr)], [...model.inputs, ...model.quantities].map((i) => i.spec.unit?.text))),
    declaredConventions: conventionNotes(model.conventions),
    ...(options.napkin ? { napkin: napkinLines(model, results, value), napkinShortcuts: napkinShortcuts(model.registry) } : {}),
    ...(sampled ? { uncertainty: { inputs: sampled.uncertainInputs, samples: sampled.samples, seed: sampled.seed, note: MEDIAN_NOTE } } : {}),
  };
}

/**
 * A value inside a call: `floor(2,027)` of 2027.475 would hide what floor drops, so a value
 * whose fraction the usual digits round away gets two decimals' worth more (`floor(2027.5)`).
 */
function innerValue(si: number, dimension: ModelQuantity['dimension'], style: FormatStyle): string {
  const f = formatQuantity(si, dimension, undefined, false, style);
  const whole = Math.floor(Math.log10(Math.abs(f.value))) + 1;
  if (Number.isInteger(f.value) || whole < (style.digits ?? 4)) return f.text;
  return formatQuantity(si, dimension, undefined, false, { ...style, digits: Math.min(15, whole + 2) }).text;
}

/** The steps inside the calls of a quantity's formula, when there are any. */
function innerOf(q: ModelQuantity, ctx: InnerStepContext): Pick<ReportStep, 'inner'> {
  const lines = innerSteps(q.expr, ctx);
  return lines.length ? { inner: lines } : {};
}

/**
 * A step that mixes values shown in bytes with values shown in bits (`1 KB / 1 Gbps`) gets a
 * line with the ×8 written out (`1 KB × 8 bit/B / 1 Gbps`): the factor a reader checks first.
 */
function withBits(q: ModelQuantity, shownValue: (name: string) => string | undefined, rest: Pick<ReportStep, 'inner'>): Pick<ReportStep, 'inner'> {
  const inBytes = (t: string) => /\d [kKMGTPE]?i?B(\/|$)/.test(t);
  const inBits = (t: string) => /\d [kKMGTPE]?(bps|bit|b)(\/|$|s\b)/.test(t);
  const shown = [...new Set(namesIn(q.expr))].map(shownValue).filter((t): t is string => t !== undefined);
  if (!shown.some(inBytes) || !shown.some(inBits)) return rest;
  const line = print(q.expr, { asWritten: true, times: '×', substitute: (name) => {
    const t = shownValue(name);
    return t !== undefined && inBytes(t) ? `(${t} × 8 bit/B)` : t;
  } });
  return { inner: [line, ...(rest.inner ?? [])] };
}

/** `  (under year: 12 month)` after a result that a declared convention changed (issue 13). */
function conventionSuffix(used: readonly string[] | undefined): string {
  return used && used.length ? `  (under ${used.join(', ')})` : '';
}

/** The quantities no section lists, in evaluation order. */
function unshownQuantities(model: Model): ModelQuantity[] {
  const shown = new Set(model.sections.flatMap((s) => s.items.map((i) => i.name)));
  return model.quantities.filter((q) => !shown.has(q.name));
}

/**
 * The result of a step; a per-second rate is shown per day first, the way the book derives
 * it (300M tweet/day = 3,472 tweet/s).
 */
function resultText(q: ModelQuantity, shown: Formatted, style: FormatStyle, day: number): string {
  const si = shown.si;
  // Bits per second come from bytes: the ×8 is a step of its own (347.9 MB/s × 8 = 2.783 Gbps).
  if (shown.value !== 0 && /bps$/.test(shown.text) && q.dimension.exponent('Data') === 1 && q.dimension.exponent('Time') === -1 && q.dimension.entries.length === 2) {
    return `${formatQuantity(si, q.dimension, undefined, false, style).text} × 8 bit/B = ${shown.text}`;
  }
  if (shown.value === 0 || q.dimension.exponent('Time') !== -1 || !shown.unit.endsWith('/s') || q.dimension.exponent('Data') !== 0) return shown.text;
  const perDay = formatQuantity(si, q.dimension, { text: shown.unit.replace(/\/s$/, '/day'), dimension: q.dimension, factor: shown.si / shown.value / day, fixed: true }, false, style);
  return `${perDay.text} = ${shown.text}`;
}

/**
 * The lines of a step after its formula, each shown once: the values, then the result. A
 * pass-through step (`url_qps = urls_per_day`) would repeat its value (`= 100M url/day =
 * 100M url/day = 1,157 url/s`); its values line is dropped.
 */
export function stepLines(step: ReportStep): string[] {
  const passThrough = step.substituted === step.formula || step.substituted === step.result || step.result.startsWith(step.substituted + ' = ');
  const inner = (step.inner ?? []).filter((l) => l !== step.substituted && l !== step.result);
  return passThrough ? [...inner, step.result] : [step.substituted, ...inner, step.result];
}

/** Shows the book's figure in the unit the exact value was shown in. */
function matchingUnit(shown: Formatted, item: ModelQuantity) {
  return { text: shown.unit, dimension: item.dimension, factor: shown.si / (shown.value || 1) || 1, fixed: true };
}
