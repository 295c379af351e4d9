/**
 * `--prices FILE.yaml`: negotiated or regional prices for one run. The file is a mapping of
 * catalogue names to values (`object_storage: 0.02`, `egress: 0.05 USD/GB`). A bare number is
 * in the catalogue's unit (monthly prices per billing month, 730 h); a value with units must have the
 * catalogue price's dimension. Every problem is located in the file.
 */
import { EstimateError, EstimateErrors } from '../diagnostics/error.js';
import { didYouMean } from '../diagnostics/suggest.js';
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
  if (read.errors.length > 0) {
    // `--prices /etc/passwd`: not YAML and no line starts with a price name, so it is no prices
    // file gone wrong; say so without quoting it (as the template loader does, E0704).
    if (!PRICE_KEY_LINE.test(file.text)) throw notAPricesFile(file, `it does not read as YAML and no line starts with a price name (${lines(file.text)})`);
    throw new EstimateErrors(read.errors);
  }
  const root = read.root;
  if (!root || root.kind !== 'map') {
    if (root?.kind === 'scalar' && !root.isNull) throw notAPricesFile(file, `it holds a single text value (${lines(root.text)})`);
    if (root?.kind === 'list') throw notAPricesFile(file, `it is a list of ${plural(root.items.length, 'item')}`);
    throw notAPricesFile(file, root === undefined && file.text.trim() !== '' ? `it holds only comments (${lines(file.text)})` : 'it is empty');
  }
  // A mapping none of whose keys is a price name or close to one (package.json): not a prices
  // file. One mistyped price still gets its located did-you-mean below.
  if (!root.entries.some((e) => PRICE_BY_NAME.has(e.key) || didYouMean(e.key, PRICE_BY_NAME.keys()) !== undefined)) {
    throw notAPricesFile(file, `its top level has ${plural(root.entries.length, 'key')} and none is a price name`);
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

/** A line that starts with a price name and a colon (`egress: 0.05`), for files that are not even YAML. */
const PRICE_KEY_LINE = new RegExp(`^[ \\t]*(${[...PRICE_BY_NAME.keys()].join('|')})[ \\t]*:`, 'm');

/** E0763 located at the file only: its content is never quoted (it may be anything the user pointed at). */
function notAPricesFile(file: Source, found: string): EstimateError {
  return new EstimateError('E0763', `${file.name} is not a prices file: ${found}`, {
    where: file.name,
    help: ['a prices file is a YAML mapping of price names to values (`object_storage: 0.02`)', 'run `estimate ref prices` for the names and units'],
  });
}

function lines(text: string): string {
  return plural(text.split('\n').length - (text.endsWith('\n') ? 1 : 0), 'line');
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
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
