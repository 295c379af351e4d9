/**
 * What a template declares beyond inputs and quantities, turned into inputs and quantities
 * before the model is built: fleets sized by their binding resource (`sizing:`), sub-models
 * (`use:`) and the catalogue prices the quantities read (`price.*`). The rest of the engine
 * sees one flat spec.
 *
 * A sub-model's inputs and quantities are added under its prefix (`cdn.monthly_cost`); an input
 * bound with `with:` becomes a quantity whose value is the binding, declared with the input's
 * dimension so a mismatch is reported at the binding. Sub-models may use others; a template
 * that reaches itself again is refused with the chain of files.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EstimateError, EstimateErrors, projectErrors } from '../diagnostics/error.js';
import { source, span, type Source } from '../diagnostics/source.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { compile, unitScope } from '../eval/compile.js';
import { tokenize } from '../lang/lexer.js';
import { parse } from '../lang/parser.js';
import { type PriceOverrides, withPrices } from '../prices/inject.js';
import { withSizing } from '../sizing/expand.js';
import { parseTemplate } from '../template/load.js';
import { builtinFolder, looksLikePath, readTemplateFile } from '../template/read-file.js';
import { type InputSpec, type Located, type QuantitySpec, type SizingSpec, type TemplateSpec, type UseSpec } from '../template/types.js';
import { type Dimension } from '../units/dimension.js';
import { UnitRegistry } from '../units/registry.js';

/** What building a model may take besides the template. */
export interface BuildOptions {
  /** Prices from `--prices FILE.yaml`, in place of the catalogue's. */
  readonly prices?: PriceOverrides;
  /** Where the template file is: sub-models given as paths are found beside it. */
  readonly path?: string;
  /** Receives the path of every sub-model file read, so a run can keep `-o` off them. */
  readonly filesRead?: (path: string) => void;
}

/** The most sub-models deep a template may nest. */
const MAX_USE_DEPTH = 16;

/** The most inputs and quantities sub-models may expand a template to. */
const MAX_COMPOSED = 20_000;

/** The spec with sizing expanded, sub-models added and prices declared as inputs. */
export function expandSpec(spec: TemplateSpec, options: BuildOptions = {}): TemplateSpec {
  const sized = withSizing(spec);
  const memo: Memo = new Map();
  const composed = spec.uses && spec.uses.length > 0 ? withUses(sized, [options.path ? resolve(options.path) : spec.file.name], memo) : sized;
  if (options.filesRead) for (const path of memo.keys()) options.filesRead(path);
  return withPrices(composed, options.prices);
}

/** Sub-models already expanded in this build, by path: a template used many times is read once. */
type Memo = Map<string, TemplateSpec>;

function withUses(spec: TemplateSpec, chain: readonly string[], memo: Memo): TemplateSpec {
  const errors: EstimateError[] = [];
  let out = spec;
  for (const use of spec.uses ?? []) {
    try {
      out = added(out, use, chain, memo);
    } catch (e) {
      const found = projectErrors(e);
      if (!found) throw e;
      for (const f of found) errors.push(f);
    }
  }
  if (errors.length > 0) throw new EstimateErrors(errors);
  if (out.inputs.length + out.quantities.length > MAX_COMPOSED) {
    // Two uses of a template that uses another twice, and so on, doubles at every level.
    throw new EstimateError('E0712', `sub-models expand ${spec.name || 'this template'} to ${(out.inputs.length + out.quantities.length).toLocaleString('en-US')} inputs and quantities; the limit is ${MAX_COMPOSED.toLocaleString('en-US')}`, {
      span: spec.uses![0]!.template.span,
      help: ['use fewer sub-models, or sub-models that use fewer others'],
    });
  }
  return out;
}

/** The spec with one sub-model's inputs and quantities added under its prefix. */
function added(spec: TemplateSpec, use: UseSpec, chain: readonly string[], memo: Memo): TemplateSpec {
  if (!/^[a-z][a-z0-9_]*$/i.test(use.name.text)) {
    throw new EstimateError('E0714', `\`${use.name.text}\` is not a valid sub-model name`, { span: use.name.span, help: ['a prefix is one name of letters, digits and `_`: `cdn`'] });
  }
  const found = locate(use.template, chain);
  const path = found.path;
  if (chain.includes(path)) {
    throw new EstimateError('E0766', `templates use each other in a cycle: ${[...chain.slice(chain.indexOf(path)), path].join(' -> ')}`, {
      span: use.template.span,
      help: ['a sub-model cannot use, directly or through others, the template that uses it'],
    });
  }
  if (chain.length >= MAX_USE_DEPTH) {
    throw new EstimateError('E0766', `sub-models nest more than ${MAX_USE_DEPTH} deep: ${[...chain, path].join(' -> ')}`, { span: use.template.span });
  }
  // Safe to reuse: a sub-model whose own sub-models reached back to this chain would have
  // reached itself, and been refused, when it was first expanded.
  let flat = memo.get(path);
  if (!flat) {
    const sub = read(use.template, found);
    flat = sub.uses && sub.uses.length > 0 ? withUses(withSizing(sub), [...chain, path], memo) : withSizing(sub);
    memo.set(path, flat);
  }
  const prefix = `${use.name.text}.`;
  const names = new Set([...flat.inputs, ...flat.quantities].map((x) => x.name.text));
  const rename = (l: Located): Located => ({ ...l, text: prefix + l.text });
  const bound = new Map<string, Located>();
  const errors: EstimateError[] = [];
  for (const b of use.bindings) {
    const input = flat.inputs.find((i) => i.name.text === b.input.text);
    if (!input) {
      const isQuantity = flat.quantities.some((q) => q.name.text === b.input.text);
      const hint = didYouMean(b.input.text, flat.inputs.map((i) => i.name.text));
      errors.push(
        new EstimateError('E0767', `\`${b.input.text}\` is ${isQuantity ? 'a quantity, not an input,' : 'no input'} of ${use.template.text}`, {
          span: b.input.span,
          help: [isQuantity ? 'only inputs can be bound; a quantity follows from them' : (hint ?? `its inputs are ${flat.inputs.map((i) => i.name.text).join(', ')}`)],
        }),
      );
    } else if (bound.has(b.input.text)) {
      errors.push(new EstimateError('E0705', `\`${b.input.text}\` is bound twice`, { span: b.input.span }));
    } else {
      bound.set(b.input.text, b.value);
    }
  }
  if (errors.length > 0) throw new EstimateErrors(errors);
  const registry = UnitRegistry.BUILTIN.withCounts([...new Set(flat.units.map((u) => u.text))]);
  const inputs: InputSpec[] = [];
  const boundQuantities: QuantitySpec[] = [];
  for (const i of flat.inputs) {
    const value = bound.get(i.name.text);
    if (!value) {
      inputs.push({ ...i, name: rename(i.name) });
      continue;
    }
    const dimension = dimensionOf(i, registry);
    boundQuantities.push({
      name: rename(i.name),
      label: i.label,
      help: `${i.help ? i.help + ' ' : ''}(${use.name.text}: bound to ${value.text})`,
      value,
      ...(i.unit ? { unit: i.unit } : {}),
      ...(dimension ? { dimension } : {}),
    });
  }
  // The sub-model's book figures belong to its own defaults: once an input is bound they would mislead.
  const quantities = flat.quantities.map((q): QuantitySpec => {
    const { book, ...rest } = q;
    return { ...rest, ...(book && bound.size === 0 ? { book } : {}), name: rename(q.name), value: prefixed(q.value, names, prefix) };
  });
  const units = [...spec.units];
  for (const u of flat.units) if (!units.some((x) => x.text === u.text)) units.push(u);
  const sizing: SizingSpec[] = [...(spec.sizing ?? []), ...(flat.sizing ?? []).map((f) => ({ ...f, name: rename(f.name) }))];
  return {
    ...spec,
    units,
    inputs: [...spec.inputs, ...inputs],
    quantities: [...spec.quantities, ...boundQuantities, ...quantities],
    ...(sizing.length > 0 ? { sizing } : {}),
  };
}

/** Where a sub-model is. */
interface Found {
  readonly path: string;
  readonly display: string;
  readonly builtin?: { readonly name: string; readonly folder: string };
}

/** Finds a sub-model: a built-in name, or a path relative to the using template. */
function locate(ref: Located, chain: readonly string[]): Found {
  const from = chain[chain.length - 1]!;
  let path: string;
  let display: string;
  let builtin: { name: string; folder: string } | undefined;
  if (looksLikePath(ref.text)) {
    path = resolve(dirname(from), ref.text);
    display = ref.text;
  } else {
    const folder = builtinFolder();
    path = join(folder, `${ref.text}.yaml`);
    display = `templates/${ref.text}.yaml`;
    builtin = { name: ref.text, folder };
    if (!/^[a-z0-9][a-z0-9_-]*$/i.test(ref.text) || !existsSync(path)) {
      const names = readdirSync(folder).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
      const hint = didYouMean(ref.text, names);
      throw new EstimateError('E0765', `unknown sub-model template \`${ref.text}\``, {
        span: ref.span,
        help: [hint ?? `a built-in template (${names.join(', ')}) or a path to a .yaml file, relative to this one`],
      });
    }
  }
  return { path, display, ...(builtin ? { builtin } : {}) };
}

/** Reads and parses a sub-model; a file that cannot be read is an error at the reference. */
function read(ref: Located, found: Found): TemplateSpec {
  let file: Source;
  try {
    file = readTemplateFile(found.path, found.display);
  } catch (e) {
    const found = projectErrors(e);
    if (!found) throw e;
    throw new EstimateError('E0765', `cannot use \`${ref.text}\`: ${found[0]!.message}`, { span: ref.span, help: ['a path is relative to the template that uses it'] });
  }
  return parseTemplate(file, found.builtin);
}

/** A sub-model expression with the sub-model's names prefixed; errors in it point at the whole field. */
function prefixed(l: Located, names: ReadonlySet<string>, prefix: string): Located {
  const text = l.source.text;
  let out = '';
  let last = 0;
  for (const t of tokenize(l.source)) {
    if (t.kind !== 'ident' || !names.has(text.slice(t.start, t.end))) continue;
    out += text.slice(last, t.start) + prefix;
    last = t.start;
  }
  if (last === 0 && out === '') return l;
  out += text.slice(last);
  const src: Source = { name: l.source.name, text: out, origin: { source: l.span.source, start: l.span.start, end: l.span.end, exact: false } };
  return { text: out, span: { source: src, start: 0, end: out.length }, source: src };
}

/** The dimension of an input's default, as a `dimension:` field, so a binding of another dimension is refused where it is written. */
function dimensionOf(i: InputSpec, registry: UnitRegistry): Located | undefined {
  let d: Dimension;
  try {
    d = compile(parse(i.default.source), unitScope(registry)).dimension;
  } catch {
    return undefined; // the sub-model's own error; the binding replaces the default
  }
  const text = dimensionText(d);
  if (!text) return undefined;
  const src = source(`dimension of ${i.name.text}`, text);
  return { text, span: span(src, 0, text.length), source: src };
}

function dimensionText(d: Dimension): string | undefined {
  if (d.isNone) return 'Scalar';
  if (d.entries.some(([, e]) => !Number.isInteger(e))) return undefined;
  const part = (n: string, e: number) => (e === 1 ? n : `${n}^${e}`);
  const num = d.entries.filter(([, e]) => e > 0).map(([n, e]) => part(n, e));
  const den = d.entries.filter(([, e]) => e < 0).map(([n, e]) => part(n, -e));
  return [num.length ? num.join(' * ') : '1', ...den].join(' / ');
}
