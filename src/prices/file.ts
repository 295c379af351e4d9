/**
 * `--prices FILE.yaml`: negotiated or regional prices for one run. The file is a mapping of
 * catalogue names to values (`object_storage: 0.02`, `egress: 0.05 USD/GB`). A bare number is
 * in the catalogue's unit (monthly prices per billing month, 730 h); a value with units must have the
 * catalogue price's dimension. Every problem is located in the file.
 */
import { EstimateError, EstimateErrors } from '../diagnostics/error.js';
import { type Source } from '../diagnostics/source.js';
import { compile, unitScope } from '../eval/compile.js';
import { parse } from '../lang/parser.js';
import { UnitRegistry } from '../units/registry.js';
import { type Located } from '../template/types.js';
import { readYaml } from '../template/yaml-tree.js';
import { PRICE_BY_NAME, priceText, type PriceDef } from './catalogue.js';
import { unknownPrice, type PriceOverrides } from './inject.js';

/** Reads and checks a prices file; throws EstimateErrors with every problem. */
export function readPrices(file: Source): PriceOverrides {
  const read = readYaml(file);
  if (read.errors.length > 0) throw new EstimateErrors(read.errors);
  const root = read.root;
  if (!root || root.kind !== 'map') {
    throw new EstimateError('E0763', `a prices file is a mapping of price names to values (\`object_storage: 0.02\`); ${file.name} is ${!root ? 'empty' : root.kind === 'list' ? 'a list' : 'a single value'}`, {
      ...(root ? { span: root.span } : { where: file.name }),
      help: ['run `estimate ref prices` for the names and units'],
    });
  }
  const errors: EstimateError[] = [];
  const values = new Map<string, Located>();
  for (const e of root.entries) {
    const def = PRICE_BY_NAME.get(e.key);
    if (!def) {
      errors.push(unknownPrice(e.key, e.keySpan, 'E0761'));
      continue;
    }
    const v = e.value;
    if (v.kind !== 'scalar' || v.isNull) {
      errors.push(new EstimateError('E0763', `price \`${e.key}\` needs one value, such as \`${def.amount}\` or \`${def.amount} ${def.unit}\``, { span: v.span }));
      continue;
    }
    try {
      values.set(e.key, checked(def, { text: v.text, span: v.span, source: v.source }));
    } catch (err) {
      if (err instanceof EstimateError) errors.push(err);
      else throw err;
    }
  }
  if (errors.length > 0) throw new EstimateErrors(errors);
  return { file: file.name, values };
}

/** The value as the price's input default: a bare number takes the catalogue unit. */
function checked(def: PriceDef, v: Located): Located {
  const registry = UnitRegistry.BUILTIN.withCounts([...(def.counts ?? [])]);
  const c = compile(parse(v.source), unitScope(registry));
  if (c.uncertain) {
    throw new EstimateError('E0762', `price \`${def.name}\` must be one value, not a range`, { span: v.span, help: ['a prices file states the rate you pay'] });
  }
  const want = compile(parse({ name: 'price catalogue', text: priceText(def) }), unitScope(registry)).dimension;
  if (c.dimension.isNone) {
    // The bare number in the catalogue's unit; errors in it still point at the file's value.
    const text = priceText(def, `(${v.text})`);
    const src: Source = { name: v.source.name, text, origin: { source: v.span.source, start: v.span.start, end: v.span.end, exact: false } };
    return { text, span: { source: src, start: 0, end: text.length }, source: src };
  }
  if (!c.dimension.equals(want)) {
    throw new EstimateError('E0762', `price \`${def.name}\` is ${c.dimension}, but the catalogue's ${def.name} is ${want} (${def.unit})`, {
      span: v.span,
      spanLabel: c.dimension.toString(),
      help: [`write it as \`${def.amount}\` (a bare number is in ${def.unit}) or with units of ${def.unit}`, ...(def.unit.includes('month') ? ['`month` in the tool is 30 days; the catalogue bills per `billing_month` (730 h): write `billing_month`, or a bare number'] : [])],
    });
  }
  return v;
}
