/**
 * Prices in templates: each `price.NAME` a template's quantities read becomes an input whose
 * default is the catalogue's price (or the `--prices` file's), so the value is typed (a price
 * per GB-month used where a price per GB is needed is a dimension error), shown among the
 * assumptions with its source and date, and open to `--set price.egress=0.05`.
 */
import { EstimateError, EstimateErrors } from '../diagnostics/error.js';
import { source, span, type Source } from '../diagnostics/source.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { type InputSpec, type Located, type TemplateSpec } from '../template/types.js';
import { PRICE_BY_NAME, PRICE_PREFIX, priceText, type PriceDef } from './catalogue.js';

/** Prices read from a `--prices` file, by catalogue name: the value as written there. */
export interface PriceOverrides {
  readonly file: string;
  readonly values: ReadonlyMap<string, Located>;
}

/** `price.name` not preceded by a name character (`myprice.x` is not a price). */
const PRICE_USE = /(?<![A-Za-z0-9_.])price\.([A-Za-z][A-Za-z0-9_]*)/g;

/** Whether a template reads any price: most do not, and pay nothing. */
export function readsPrices(spec: TemplateSpec): boolean {
  return spec.quantities.some((q) => q.value.text.includes(PRICE_PREFIX));
}

/** The spec with one input per price its quantities read; unknown prices are located errors. */
export function withPrices(spec: TemplateSpec, overrides?: PriceOverrides): TemplateSpec {
  if (!readsPrices(spec)) return spec;
  const errors: EstimateError[] = [];
  const used = new Map<string, { def: PriceDef; at: Located }>();
  for (const q of spec.quantities) {
    for (const m of q.value.text.matchAll(PRICE_USE)) {
      const name = m[1]!;
      const at: Located = { text: m[0], span: span(q.value.source, m.index, m.index + m[0].length), source: q.value.source };
      const def = PRICE_BY_NAME.get(name);
      if (!def) {
        errors.push(unknownPrice(name, at.span, 'E0760'));
        continue;
      }
      if (!used.has(name)) used.set(name, { def, at });
    }
  }
  if (errors.length > 0) throw new EstimateErrors(errors);
  const declared = new Set(spec.inputs.map((i) => i.name.text));
  const inputs: InputSpec[] = [];
  for (const { def, at } of used.values()) {
    if (declared.has(PRICE_PREFIX + def.name)) continue; // the template's own value wins (and says so by declaring it)
    inputs.push(priceInput(def, at, overrides));
  }
  const units = [...spec.units];
  for (const { def } of used.values()) {
    for (const c of def.counts ?? []) if (!units.some((u) => u.text === c)) units.push(synthetic(c, 'price catalogue'));
  }
  return { ...spec, units, inputs: [...spec.inputs, ...inputs] };
}

function priceInput(def: PriceDef, at: Located, overrides: PriceOverrides | undefined): InputSpec {
  const given = overrides?.values.get(def.name);
  const origin = given ? `${overrides!.file} (catalogue: ${def.amount} ${def.unit})` : `${def.source}, read ${def.read}`;
  return {
    name: { text: PRICE_PREFIX + def.name, span: at.span, source: at.source },
    label: `Price: ${def.label}`,
    help: `${def.amount} ${def.unit}; ${origin}`,
    default: given ?? synthetic(priceText(def), `price catalogue: ${def.name}`),
    ...(def.display ? { unit: synthetic(def.display, `price catalogue: ${def.name}`) } : {}),
  };
}

/** A text the engine writes (a catalogue price): its errors would be the engine's own bug. */
function synthetic(text: string, name: string): Located {
  const src: Source = source(name, text);
  return { text, span: span(src, 0, text.length), source: src };
}

/** E0760 in a template (exit 1) or E0761 in a prices file. */
export function unknownPrice(name: string, where: import('../diagnostics/source.js').Span, code: 'E0760' | 'E0761'): EstimateError {
  const hint = didYouMean(name, PRICE_BY_NAME.keys());
  return new EstimateError(code, `unknown price \`${name}\``, {
    span: where,
    help: [hint ?? `the prices are ${[...PRICE_BY_NAME.keys()].join(', ')}`, 'run `estimate ref prices` for the catalogue'],
  });
}
