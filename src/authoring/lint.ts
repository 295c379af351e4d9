/**
 * `estimate check`'s rules: a template is loaded and built (every error the loader and the
 * builder report), then linted for what builds but is probably a mistake. Outputs are not
 * evaluated, except the quantities with a `book:` figure, which must still reproduce it.
 */
import { EstimateError, projectErrors } from '../diagnostics/error.js';
import { absolute, type Source } from '../diagnostics/source.js';
import { buildModel, namesIn } from '../model/build.js';
import { evaluate } from '../model/evaluate.js';
import { type Model } from '../model/model.js';
import { type BuiltinKey, parseTemplate } from '../template/load.js';

/** How a finding counts: errors always fail `check`, warnings only with --strict. */
export type Severity = 'error' | 'warning';

/** One problem of a template, located. */
export interface Finding {
  readonly severity: Severity;
  readonly error: EstimateError;
}

/** A book figure agrees with the estimate within this share, whatever its own rounding. */
export const BOOK_TOLERANCE = 0.1;

/** Every error and warning of a template's text, in file order. */
export function lintTemplate(file: Source, builtin?: BuiltinKey): Finding[] {
  let model: Model;
  try {
    model = buildModel(parseTemplate(file, builtin));
  } catch (e) {
    const errs = projectErrors(e);
    if (!errs) throw e;
    return errs.map((error) => ({ severity: 'error', error }));
  }
  return lintModel(model);
}

/** The lint rules over a model that builds. */
export function lintModel(model: Model): Finding[] {
  const found: Finding[] = [];
  const warn = (error: EstimateError) => found.push({ severity: 'warning', error });
  const readers = new Map<string, string[]>();
  for (const q of model.quantities) for (const n of namesIn(q.expr)) readers.set(n, [...(readers.get(n) ?? []), q.name]);
  const shown = new Set(model.sections.flatMap((s) => s.items.map((i) => i.name)));

  for (const input of model.inputs) {
    if (!readers.has(input.name)) {
      warn(new EstimateError('E0750', `input \`${input.name}\` is not used by any quantity`, { span: input.spec.name.span, help: ['use it in a quantity\'s value, or remove it'] }));
    }
    if (input.spec.help.trim() === '') {
      warn(new EstimateError('E0753', `input \`${input.name}\` has no \`help:\``, { span: input.spec.name.span, help: ['add one line saying what the number means: it is shown in prompts and exports'] }));
    }
  }
  for (const q of model.quantities) {
    if (!readers.has(q.name) && !shown.has(q.name)) {
      warn(new EstimateError('E0751', `quantity \`${q.name}\` is neither shown in a section nor used by another quantity`, { span: q.spec.name.span, help: ['list it in a section, or remove it'] }));
    }
  }
  // Loops, not push(...xs): a list as long as the template's quantities must not become call arguments.
  for (const f of [...countsWithoutUnit(model), ...mixedConventions(model), ...bookFigures(model)]) found.push(f);
  return found.sort((a, b) => start(a) - start(b));
}

function start(f: Finding): number {
  return f.error.span ? absolute(f.error.span).start : Number.MAX_SAFE_INTEGER;
}

/**
 * In a template that declares count units, an input or quantity whose name speaks of one of
 * them (`server_count`, `users_total`) but whose value is a plain number: `120 server` is what
 * was meant, and without the unit the count does not cancel against `tweet/s/server`.
 */
function countsWithoutUnit(model: Model): Finding[] {
  const counts = model.spec.units.map((u) => u.text);
  if (counts.length === 0) return [];
  const out: Finding[] = [];
  for (const item of [...model.inputs, ...model.quantities]) {
    if (!item.dimension.isNone) continue;
    const count = countNamed(item.name, counts);
    if (!count) continue;
    const text = item.kind === 'input' ? item.spec.default : item.spec.value;
    out.push({
      severity: 'warning',
      error: new EstimateError('E0752', `\`${item.name}\` counts ${count}s but is a plain number`, {
        span: text.span,
        help: [`write the unit: \`${text.text.trim()} ${count}\` (the template declares \`${count}\`)`],
      }),
    });
  }
  return out;
}

/** Words of a name that make it a ratio or a share, not a count (`friends_per_user`, `ad_share`). */
const NOT_A_COUNT = new Set(['per', 'share', 'ratio', 'fraction', 'factor', 'rate', 'percent', 'pct', 'to', 'over']);

/**
 * The count unit a name says it counts: `servers`, `server_count`, `num_servers`,
 * `total_users`; not `friends_per_user` or `years_to_row_limit`.
 */
function countNamed(name: string, counts: readonly string[]): string | undefined {
  const words = name.toLowerCase().split('_').filter((w) => w !== '');
  if (words.some((w) => NOT_A_COUNT.has(w))) return undefined;
  const last = words[words.length - 1] ?? '';
  const is = (w: string, c: string) => w === c || w === c + 's';
  return counts.find(
    (c) =>
      is(last, c) ||
      (['count', 'total', 'number'].includes(last) && words.some((w) => is(w, c))) ||
      (['num', 'number', 'total'].includes(words[0] ?? '') && words.some((w) => is(w, c))),
  );
}

const SI_DATA = /(?<![A-Za-z])[kKMGTPE]B(?![A-Za-z])/;
const BINARY_DATA = /(?<![A-Za-z])[KMGTPE]iB(?![A-Za-z])/;

/** Decimal (KB, MB) and binary (KiB, MiB) data units in one template: one of them is a slip. */
function mixedConventions(model: Model): Finding[] {
  const texts = [
    ...model.spec.inputs.flatMap((i) => [i.default, i.min, i.max, i.unit]),
    ...model.spec.quantities.flatMap((q) => [q.value, q.unit, q.book]),
  ].filter((t) => t !== undefined);
  const si = texts.find((t) => SI_DATA.test(t.text));
  const binary = texts.find((t) => BINARY_DATA.test(t.text));
  if (!si || !binary) return [];
  return [
    {
      severity: 'warning',
      error: new EstimateError('E0755', 'the template mixes decimal (KB, MB) and binary (KiB, MiB) data units', {
        span: binary.span,
        help: [`\`${si.text.trim()}\` is decimal (1 KB = 1000 B), \`${binary.text.trim()}\` is binary (1 KiB = 1024 B): pick one convention`],
      }),
    },
  ];
}

/** Each `book:` figure against the estimate with every input at its default. */
function bookFigures(model: Model): Finding[] {
  const withBook = model.quantities.filter((q) => q.book !== undefined);
  if (withBook.length === 0) return [];
  let values: ArrayLike<number>;
  try {
    values = evaluate(model).values as ArrayLike<number>;
  } catch (e) {
    const errs = projectErrors(e);
    if (!errs) throw e;
    return errs.map((error) => ({ severity: 'error', error }));
  }
  const out: Finding[] = [];
  for (const q of withBook) {
    const value = values[q.slot];
    if (typeof value !== 'number' || reproduces(value, q.book!, q.spec.book!.text)) continue;
    out.push({
      severity: 'error',
      error: new EstimateError('E0754', `\`${q.name}\` no longer reproduces its book figure ${q.spec.book!.text.trim()}`, {
        span: q.spec.book!.span,
        help: [`with the defaults the template gives ${relative(value, q.book!)} ${value > q.book! ? 'more' : 'less'}`, 'fix the inputs or the value, or drop `book:` if the template no longer follows the book'],
      }),
    });
  }
  return out;
}

/**
 * Whether an estimate reproduces a book figure: within 10% of it (`25 MB/s` for 23.1); or the
 * figure is the estimate rounded to its own precision, to the nearest (`3500` for 3472) or up,
 * as books often round small figures (2.33 written ~3; but 25.8 is no ~100).
 */
export function reproduces(value: number, book: number, bookText: string): boolean {
  if (value === book) return true;
  if (book !== 0 && Math.abs(value - book) <= Math.abs(book) * BOOK_TOLERANCE) return true;
  const literal = /^\s*-?(\d*\.?\d*)/.exec(bookText)?.[1] ?? '';
  const written = Number(literal);
  if (!(written > 0) || book === 0) return false;
  // One unit of the figure's last significant digit, in the figure's (base) units.
  const [whole = '', frac = ''] = literal.split('.');
  const place = frac !== '' ? 10 ** -frac.length : 10 ** (whole.length - whole.replace(/0+$/, '').length);
  const unit = Math.abs(book) * (place / written) * (1 + 1e-9);
  const off = Math.abs(value - book);
  if (off <= unit / 2) return true;
  const roundedUp = Math.abs(value) < Math.abs(book) && Math.abs(value) >= Math.abs(book) / 2;
  return roundedUp && off < unit;
}

function relative(value: number, book: number): string {
  if (book === 0) return `${value}`;
  return `${(Math.abs(value - book) / Math.abs(book) * 100).toPrecision(3)}%`;
}
