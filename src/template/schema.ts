/** Checks the located YAML tree against the template contract and builds a TemplateSpec. */
import { EstimateError } from '../diagnostics/error.js';
import { subSource, type Source, type Span } from '../diagnostics/source.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { type InputSpec, type Located, type QuantitySpec, type SectionSpec, type SizingResource, type SizingSpec, type TemplateSpec, type UseSpec } from './types.js';
import { type YMap, type YScalar, type YValue } from './yaml-tree.js';

// derived_from: the template a saved set of answers came from (interactive mode writes it).
const TOP_KEYS = ['name', 'title', 'description', 'source', 'derived_from', 'conventions', 'units', 'inputs', 'quantities', 'sections', 'sizing', 'use'] as const;
const INPUT_KEYS = ['label', 'help', 'default', 'range', 'min', 'max', 'unit'] as const;
const QUANTITY_KEYS = ['label', 'help', 'value', 'unit', 'dimension', 'book', 'accumulate'] as const;
const SIZING_KEYS = ['label', 'help', 'spare', 'unit', 'resources'] as const;
const RESOURCE_KEYS = ['need', 'per_server', 'fill'] as const;
const USE_KEYS = ['template', 'with'] as const;

/** Builds the spec, or throws every problem found (as EstimateErrors via the caller). */
export function toSpec(root: YValue | undefined, file: Source, errors: EstimateError[]): TemplateSpec | undefined {
  if (!root || root.kind !== 'map') {
    const what = !root ? 'empty' : root.kind === 'list' ? 'a list' : 'a single value';
    errors.push(
      new EstimateError('E0704', `a template is a mapping with name, title, inputs and quantities; this file is ${what}`, {
        span: root?.span ?? { source: file, start: 0, end: 0 },
        help: ['see docs/templates.md for a complete example'],
      }),
    );
    return undefined;
  }
  const top = fields(root, TOP_KEYS, 'template', errors);
  const text = (key: string, required: boolean) => scalarText(top.get(key), key, root.span, required, errors);
  const name = text('name', true);
  const title = text('title', true);
  text('derived_from', false);
  const units = listOf(top.get('units'), 'units', errors);
  // `conventions:` (optional): `day: 10^5 s`, `month: 2.5M s`, `year: 12 month`, `data: binary`.
  const conventions = mapOf(top.get('conventions'), 'conventions', root.span, false, errors).flatMap((e) => {
    const value = scalarText(e.value, e.key.text, e.key.span, true, errors, 'convention');
    return value ? [{ key: e.key, value }] : [];
  });
  const inputs = mapOf(top.get('inputs'), 'inputs', root.span, true, errors).map((e) => input(e.key, e.value, errors));
  const quantities = mapOf(top.get('quantities'), 'quantities', root.span, true, errors).map((e) => quantity(e.key, e.value, errors));
  const sections = mapOf(top.get('sections'), 'sections', root.span, true, errors).map((e): SectionSpec => ({
    title: e.key,
    items: listOf(e.value, `section \`${e.key.text}\``, errors),
  }));
  const sizing = mapOf(top.get('sizing'), 'sizing', root.span, false, errors).map((e) => fleet(e.key, e.value, errors));
  const uses = mapOf(top.get('use'), 'use', root.span, false, errors).map((e) => subModel(e.key, e.value, errors));
  return {
    file,
    name: name?.text ?? '',
    title: title?.text ?? '',
    description: text('description', false)?.text ?? '',
    source: text('source', false)?.text ?? '',
    units,
    conventions,
    inputs: inputs.filter((x): x is InputSpec => x !== undefined),
    quantities: quantities.filter((x): x is QuantitySpec => x !== undefined),
    sections,
    ...(sizing.length > 0 ? { sizing: sizing.filter((x): x is SizingSpec => x !== undefined) } : {}),
    ...(uses.length > 0 ? { uses: uses.filter((x): x is UseSpec => x !== undefined) } : {}),
  };
}

/** A `use:` entry: `cdn: {template: video-cdn, with: {dau: active_users}}`, or `cdn: video-cdn`. */
function subModel(key: Located, value: YValue, errors: EstimateError[]): UseSpec | undefined {
  const what = `use \`${key.text}\``;
  if (value.kind === 'scalar' && !value.isNull) return { name: key, template: located(value), bindings: [] };
  if (value.kind !== 'map') {
    errors.push(new EstimateError('E0704', `${what} must be a template name or a mapping with \`template\` and \`with\``, { span: value.span }));
    return undefined;
  }
  const f = fields(value, USE_KEYS, what, errors);
  const template = scalarText(f.get('template'), 'template', key.span, true, errors, what);
  const bindings = mapOf(f.get('with'), 'with', key.span, false, errors).flatMap((b) => {
    if (b.value.kind !== 'scalar' || b.value.isNull) {
      errors.push(new EstimateError('E0704', `the binding of \`${b.key.text}\` in ${what} must be one expression`, { span: b.value.span }));
      return [];
    }
    return [{ input: b.key, value: located(b.value) }];
  });
  return template ? { name: key, template, bindings } : undefined;
}

/** A `sizing:` entry: a fleet and the resources that may bind it. */
function fleet(key: Located, value: YValue, errors: EstimateError[]): SizingSpec | undefined {
  const what = `sizing \`${key.text}\``;
  if (value.kind !== 'map') {
    errors.push(new EstimateError('E0704', `${what} must be a mapping with \`resources\``, { span: value.span }));
    return undefined;
  }
  const f = fields(value, SIZING_KEYS, what, errors);
  const get = (k: string) => scalarText(f.get(k), k, key.span, false, errors, what);
  const resources = mapOf(f.get('resources'), 'resources', key.span, true, errors).flatMap((r): SizingResource[] => {
    const rwhat = `resource \`${r.key.text}\` of ${what}`;
    if (r.value.kind !== 'map') {
      errors.push(new EstimateError('E0704', `${rwhat} must be a mapping with \`need\` and \`per_server\``, { span: r.value.span }));
      return [];
    }
    const rf = fields(r.value, RESOURCE_KEYS, rwhat, errors);
    const need = scalarText(rf.get('need'), 'need', r.key.span, true, errors, rwhat);
    const perServer = scalarText(rf.get('per_server'), 'per_server', r.key.span, true, errors, rwhat);
    const fill = scalarText(rf.get('fill'), 'fill', r.key.span, false, errors, rwhat);
    return need && perServer ? [{ name: r.key, need, perServer, ...(fill ? { fill } : {}) }] : [];
  });
  const spare = get('spare');
  const unit = get('unit');
  return { name: key, label: get('label')?.text ?? key.text, help: get('help')?.text ?? '', resources, ...(spare ? { spare } : {}), ...(unit ? { unit } : {}) };
}

/** The other fields of an entry written as its main field alone (`mau: 300M user`). */
const noOtherFields = (_key: string, _required?: boolean): Located | undefined => undefined;

/**
 * An input or quantity entry: either its main field alone (`mau: 300M user`) or a mapping of
 * known keys. Returns the main field and a reader for the others, or undefined after an error.
 */
function entry(key: Located, value: YValue, known: readonly string[], what: string, main: string, errors: EstimateError[]) {
  if (value.kind === 'scalar') return { main: located(value), get: noOtherFields };
  if (value.kind !== 'map') {
    errors.push(new EstimateError('E0704', `${what} must be a single value or a mapping with \`${main}\``, { span: value.span }));
    return undefined;
  }
  const f = fields(value, known, what, errors);
  const get = (k: string, req = false) => scalarText(f.get(k), k, key.span, req, errors, what);
  const m = get(main, true);
  return m ? { main: m, get } : undefined;
}

function input(key: Located, value: YValue, errors: EstimateError[]): InputSpec | undefined {
  const e = entry(key, value, INPUT_KEYS, `input \`${key.text}\``, 'default', errors);
  if (!e) return undefined;
  return {
    name: key,
    label: e.get('label')?.text ?? key.text,
    help: e.get('help')?.text ?? '',
    default: e.main,
    range: e.get('range'),
    min: e.get('min'),
    max: e.get('max'),
    unit: e.get('unit'),
  };
}

function quantity(key: Located, value: YValue, errors: EstimateError[]): QuantitySpec | undefined {
  const e = entry(key, value, QUANTITY_KEYS, `quantity \`${key.text}\``, 'value', errors);
  if (!e) return undefined;
  const acc = e.get('accumulate');
  if (acc && acc.text !== 'true' && acc.text !== 'false') {
    errors.push(new EstimateError('E0704', '`accumulate` must be true or false', { span: acc.span, help: ['accumulate: true marks a rate that growth projections sum over the periods'] }));
  }
  return {
    name: key,
    label: e.get('label')?.text ?? key.text,
    help: e.get('help')?.text ?? '',
    value: e.main,
    unit: e.get('unit'),
    dimension: e.get('dimension'),
    book: bookFigure(e.get('book')),
    accumulate: e.get('accumulate'),
  };
}

/** The entries of a map by key, reporting unknown keys with a suggestion. */
function fields(m: YMap, known: readonly string[], what: string, errors: EstimateError[]): Map<string, YValue> {
  const out = new Map<string, YValue>();
  for (const e of m.entries) {
    if (!known.includes(e.key)) {
      const hint = didYouMean(e.key, known);
      errors.push(
        new EstimateError('E0702', `unknown key \`${e.key}\` in ${what}`, {
          span: e.keySpan,
          help: [hint ?? `the keys are ${known.join(', ')}`],
        }),
      );
      continue;
    }
    out.set(e.key, e.value);
  }
  return out;
}

function scalarText(v: YValue | undefined, key: string, owner: Span, required: boolean, errors: EstimateError[], what = 'template'): Located | undefined {
  if (v === undefined || (v.kind === 'scalar' && v.isNull)) {
    if (required) {
      errors.push(new EstimateError('E0703', `${what} has no \`${key}\``, { span: v?.span ?? owner, help: [`add \`${key}: ...\``] }));
    }
    return undefined;
  }
  if (v.kind !== 'scalar') {
    errors.push(new EstimateError('E0704', `\`${key}\` must be a single value, not a ${v.kind === 'map' ? 'mapping' : 'list'}`, { span: v.span }));
    return undefined;
  }
  return located(v);
}

/**
 * A `book:` figure as sources print it: a leading `~` or `≈` ("~10 KB", "≈ 10^5") says the
 * figure is rounded, which every book figure is; it is dropped and the number kept (readers
 * F14). The rest stays a snippet of the file, so a caret still points at the right column.
 */
function bookFigure(l: Located | undefined): Located | undefined {
  const m = l && /^\s*[~≈]\s*/u.exec(l.source.text);
  if (!l || !m) return l;
  const text = l.source.text.slice(m[0].length);
  return { text, span: l.span, source: subSource(l.source, m[0].length, l.source.text.length, text, true) };
}

function located(v: YScalar): Located {
  return { text: v.text, span: v.span, source: v.source };
}

function mapOf(v: YValue | undefined, key: string, owner: Span, required: boolean, errors: EstimateError[]): { key: Located; value: YValue }[] {
  if (v === undefined || (v.kind === 'scalar' && v.isNull)) {
    if (required) errors.push(new EstimateError('E0703', `template has no \`${key}\``, { span: v?.span ?? owner, help: [`add \`${key}:\` with one entry per line`] }));
    return [];
  }
  if (v.kind !== 'map') {
    errors.push(new EstimateError('E0704', `\`${key}\` must be a mapping of names`, { span: v.span }));
    return [];
  }
  return v.entries.map((e) => ({ key: { text: e.key, span: e.keySpan, source: { name: e.keySpan.source.name, text: e.key } }, value: e.value }));
}

function listOf(v: YValue | undefined, what: string, errors: EstimateError[]): Located[] {
  if (v === undefined || (v.kind === 'scalar' && v.isNull)) return [];
  if (v.kind !== 'list') {
    errors.push(new EstimateError('E0704', `${what} must be a list: [a, b]`, { span: v.span }));
    return [];
  }
  const out: Located[] = [];
  for (const item of v.items) {
    if (item.kind !== 'scalar') errors.push(new EstimateError('E0704', `${what} lists names, not ${item.kind === 'map' ? 'mappings' : 'lists'}`, { span: item.span }));
    else out.push(located(item));
  }
  return out;
}
