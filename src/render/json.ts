/** Renders a report as JSON: the `--format json` contract (docs/templates.md), escaped by the one rule of sanitize.ts. */
import { safeJson } from '../diagnostics/sanitize.js';
import { type Formatted } from '../units/format.js';
import { type Report } from './report.js';

function machine(f: Formatted) {
  return { value: f.value, unit: f.unit, si: f.si, text: f.text };
}

/** The JSON document, ending with a newline. */
export function renderJson(report: Report): string {
  const inputs: Record<string, unknown> = {};
  for (const r of report.assumptions) {
    inputs[r.name] = { label: r.label, ...machine(r.value), dimension: r.value.dimension, overridden: r.overridden === true, help: r.help };
  }
  const outputs: Record<string, unknown> = {};
  for (const s of report.sections) {
    for (const r of s.rows) {
      outputs[r.name] = {
        label: r.label,
        section: s.title,
        ...machine(r.value),
        dimension: r.value.dimension,
        ...(r.book ? { book: machine(r.book) } : {}),
      };
    }
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
  };
  // Names, labels and help come from the template: bidi and invisible characters become \u escapes.
  return safeJson(doc, 2) + '\n';
}
