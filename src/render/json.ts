/** Renders a report as JSON: the `--format json` contract (docs/templates.md), escaped by the one rule of sanitize.ts. */
import { safeJson } from '../diagnostics/sanitize.js';
import { type Formatted } from '../units/format.js';
import { NAPKIN_SHORTCUTS, type Report, type ReportNapkin, type ReportRow } from './report.js';

/** `--napkin`: the whiteboard figure of one value, in `unit`, with the error it carries against the exact value. */
function napkinField(n: ReportNapkin | undefined) {
  if (!n) return {};
  const work = n.step !== undefined ? { step: n.step, ...(n.perDay !== undefined ? { perDay: n.perDay } : {}) } : {};
  return { napkin: { value: digits15(n.value), unit: n.unit, text: n.approx, ...work, exact: digits15(n.exactValue), error: Number.isFinite(n.error) ? n.error : null } };
}

/**
 * A number with at most 15 significant digits, as CSV writes it: a unit conversion leaves
 * `29.999999999999996` for a `book: 30 TB/day`, and a script comparing with 30 must see 30
 * (readers F11). 15 digits are all a double holds exactly, so nothing real is lost.
 */
function digits15(v: number): number {
  return Number(v.toPrecision(15));
}

/** `value` is rounded for people reading figures; `si` stays the engine's exact double, bit for bit. */
function machine(f: Formatted) {
  return { value: digits15(f.value), unit: f.unit, si: f.si, text: f.text };
}

/** An uncertain value's interval and mean, in the unit of its `value` (the median). */
function interval(r: ReportRow) {
  const u = r.uncertain;
  return u ? { p5: digits15(u.p5.value), p95: digits15(u.p95.value), mean: digits15(u.mean.value), samples: u.samples } : {};
}

/** The JSON document, ending with a newline. */
export function renderJson(report: Report): string {
  const napkin = new Map((report.napkin ?? []).map((n) => [n.name, n]));
  const inputs: Record<string, unknown> = {};
  for (const r of report.assumptions) {
    inputs[r.name] = { label: r.label, ...machine(r.value), ...interval(r), dimension: r.value.dimension, overridden: r.overridden === true, help: r.help, ...napkinField(napkin.get(r.name)) };
  }
  const outputs: Record<string, unknown> = {};
  for (const s of report.sections) {
    for (const r of s.rows) {
      outputs[r.name] = {
        label: r.label,
        section: s.title,
        ...machine(r.value),
        ...interval(r),
        dimension: r.value.dimension,
        ...(r.book ? { book: machine(r.book) } : {}),
        ...(r.sizing ? { sizing: { binds: r.sizing.binds, ...(r.sizing.share !== undefined ? { share: r.sizing.share } : {}), needs: r.sizing.needs } } : {}),
        ...napkinField(napkin.get(r.name)),
      };
    }
  }
  // Quantities in no section are still read by scripts (issue 13): marked `shown: false`.
  for (const r of report.unshown ?? []) {
    if (Object.hasOwn(outputs, r.name)) continue;
    outputs[r.name] = { label: r.label, shown: false, ...machine(r.value), ...interval(r), dimension: r.value.dimension, ...(r.book ? { book: machine(r.book) } : {}), ...napkinField(napkin.get(r.name)) };
  }
  const doc = {
    template: report.template,
    title: report.title,
    description: report.description,
    source: report.source,
    inputs,
    outputs,
    steps: report.steps,
    conventions: report.conventions,
    ...(report.uncertainty ? { uncertainty: report.uncertainty } : {}),
    ...(report.napkin ? { napkinShortcuts: report.napkinShortcuts ?? NAPKIN_SHORTCUTS } : {}),
  };
  // Names, labels and help come from the template: bidi and invisible characters become \u escapes.
  return safeJson(doc, 2) + '\n';
}
