/**
 * Sizing by the binding resource. A `sizing:` fleet states, per resource, the need and what one
 * server gives (at a fill target); it becomes ordinary quantities, so ranges, overrides and
 * sections work on it as on any other:
 *
 *   brokers.disk = ceil(need / (per_server × fill))   one per resource
 *   brokers      = max(brokers.disk, ...) + spare      the fleet (N + k)
 *
 * Which resource binds is read from the values afterwards (src/sizing/binding.ts).
 */
import { EstimateError, EstimateErrors } from '../diagnostics/error.js';
import { type Source } from '../diagnostics/source.js';
import { parse } from '../lang/parser.js';
import { type Located, type QuantitySpec, type SizingSpec, type TemplateSpec } from '../template/types.js';

/** The spec with each fleet's quantities added after the template's own. */
export function withSizing(spec: TemplateSpec): TemplateSpec {
  const fleets = spec.sizing ?? [];
  if (fleets.length === 0) return spec;
  const errors: EstimateError[] = [];
  const added: QuantitySpec[] = [];
  for (const f of fleets) {
    if (f.resources.length === 0) {
      errors.push(new EstimateError('E0764', `sizing \`${f.name.text}\` lists no resources`, { span: f.name.span, help: ['add `resources:` with `need:` and `per_server:` for each'] }));
      continue;
    }
    added.push(...fleetQuantities(f, errors));
  }
  if (errors.length > 0) throw new EstimateErrors(errors);
  return { ...spec, quantities: [...spec.quantities, ...added] };
}

/** The name of a resource's server count: `brokers.disk`. */
export function resourceName(fleet: string, resource: string): string {
  return `${fleet}.${resource}`;
}

function fleetQuantities(f: SizingSpec, errors: EstimateError[]): QuantitySpec[] {
  const out: QuantitySpec[] = [];
  for (const r of f.resources) {
    // Each part parsed on its own first: a syntax error points into the field as written.
    const parts = [r.need, r.perServer, ...(r.fill ? [r.fill] : [])];
    if (!parts.every((p) => parses(p, errors))) continue;
    const fill = r.fill ? ` * (${r.fill.text})` : '';
    const text = `ceil((${r.need.text}) / ((${r.perServer.text})${fill}))`;
    out.push({
      name: { ...r.name, text: resourceName(f.name.text, r.name.text) },
      label: `${f.label}: ${r.name.text} needs`,
      help: `${f.label} the ${r.name.text} alone needs: ${r.need.text} / (${r.perServer.text}${r.fill ? ` at ${r.fill.text}` : ''})`,
      value: written(text, r.name),
      ...(f.unit ? { unit: f.unit } : {}),
    });
  }
  if (out.length < f.resources.length) return out;
  const counts = out.map((q) => q.name.text);
  const most = counts.length === 1 ? counts[0]! : `max(${counts.join(', ')})`;
  if (f.spare && !parses(f.spare, errors)) return out;
  const text = f.spare ? `${most} + (${f.spare.text})` : most;
  out.push({
    name: f.name,
    label: f.label,
    help: f.help || `the most any resource needs${f.spare ? `, plus ${f.spare.text} spare` : ''}`,
    value: written(text, f.name),
    ...(f.unit ? { unit: f.unit } : {}),
  });
  return out;
}

function parses(l: Located, errors: EstimateError[]): boolean {
  try {
    parse(l.source);
    return true;
  } catch (e) {
    if (e instanceof EstimateError) errors.push(e);
    else if (e instanceof EstimateErrors) for (const x of e.errors) errors.push(x);
    else throw e;
    return false;
  }
}

/** An expression the engine writes for an entry: its errors point at the entry's name. */
function written(text: string, at: Located): Located {
  const src: Source = { name: at.span.source.name, text, origin: { source: at.span.source, start: at.span.start, end: at.span.end, exact: false } };
  return { text, span: { source: src, start: 0, end: text.length }, source: src };
}
