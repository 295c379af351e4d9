/**
 * "Save these answers as a template": the template's own text, edited in place so its comments
 * and layout survive. Each answered input's default becomes the answer; the book's figures are
 * dropped (they belong to the book's assumptions, not to these); the template gets a new name
 * and title and says what it was derived from (`derived_from:`).
 */
import { EstimateError } from '../diagnostics/error.js';
import { absolute, source } from '../diagnostics/source.js';
import { parseTemplate } from './load.js';
import { type TemplateSpec } from './types.js';
import { readYaml, type YMap, type YValue } from './yaml-tree.js';

/** What the saved template is called. */
export interface DerivedName {
  /** The new `name:` (a template name: letters, digits, `.`, `_`, `-`). */
  readonly name: string;
  /** The new `title:`. */
  readonly title: string;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The template's text with the new defaults (input name -> expression as written) and the
 * ranges answered (input name -> range as written, saved under `range:`), without
 * `book:` figures, renamed and marked `derived_from: <old name>`. The result is checked by
 * loading it again: a template that would not load is never written.
 */
export function withDefaults(spec: TemplateSpec, defaults: ReadonlyMap<string, string>, derived: DerivedName, ranges: ReadonlyMap<string, string> = new Map()): string {
  const text = spec.file.text;
  const { root } = readYaml(spec.file);
  if (!root || root.kind !== 'map') throw new EstimateError('E0906', 'cannot save the answers: the template is not a mapping', { where: spec.file.name });
  const edits: Edit[] = [];
  for (const input of spec.inputs) {
    // Inputs the engine added (catalogue prices, sub-models' inputs) are not written in this
    // file: their answers stay answers of this run (a price belongs in --prices FILE.yaml).
    if (absolute(input.default.span).source !== spec.file) continue;
    const value = defaults.get(input.name.text);
    if (value !== undefined) edits.push(replaceScalar(text, input.default.span, value));
    const range = ranges.get(input.name.text);
    if (range !== undefined) edits.push(input.range ? replaceScalar(text, input.range.span, range) : addRange(text, input.default.span, range));
  }
  for (const book of bookEntries(root)) edits.push(removeEntry(text, book.keyStart, book.value));
  const name = entryOf(root, 'name');
  const title = entryOf(root, 'title');
  if (title) edits.push(replaceScalar(text, title.value.span, derived.title));
  const from = entryOf(root, 'derived_from');
  if (from) {
    edits.push(replaceScalar(text, from.value.span, spec.name));
  } else if (name && lineStart(text, name.keySpan.start) === name.keySpan.start) {
    // On its own line after `name:`, when `name:` is a block entry at the left margin.
    const lineEnd = text.indexOf('\n', name.value.span.end);
    const line = `derived_from: ${JSON.stringify(spec.name)}`;
    edits.push(lineEnd >= 0 ? { start: lineEnd + 1, end: lineEnd + 1, text: line + '\n' } : { start: text.length, end: text.length, text: '\n' + line });
  }
  if (name) edits.push(replaceScalar(text, name.value.span, derived.name));
  const out = apply(text, edits);
  parseTemplate(source(spec.file.name, out));
  return out;
}

/**
 * A range answer for an input without `range:`: the default stays exact and a `range:` comes
 * beside it (a line after `default:` in a block mapping, an entry after it in a flow mapping),
 * or the entry written as its default alone becomes a mapping with both.
 */
function addRange(text: string, span: { start: number; end: number }, range: string): Edit {
  const before = text[span.start - 1];
  const quoted = (before === '"' || before === "'") && text[span.end] === before ? 1 : 0;
  const start = span.start - quoted;
  const end = span.end + quoted;
  const lead = text.slice(lineStart(text, start), start);
  const block = /^(\s*)default:\s*$/.exec(lead);
  if (block) return { start: end, end, text: `\n${block[1]}range: ${JSON.stringify(range)}` };
  if (/default:\s*$/.test(lead)) return { start: end, end, text: `, range: ${JSON.stringify(range)}` };
  return { start, end, text: `{ default: ${JSON.stringify(text.slice(span.start, span.end))}, range: ${JSON.stringify(range)} }` };
}

function entryOf(m: YMap, key: string) {
  return m.entries.find((e) => e.key === key);
}

/** Every `book:` of a quantity written as a mapping. */
function bookEntries(root: YMap): { keyStart: number; value: YValue }[] {
  const quantities = entryOf(root, 'quantities')?.value;
  if (!quantities || quantities.kind !== 'map') return [];
  return quantities.entries.flatMap((q) => {
    const book = q.value.kind === 'map' ? entryOf(q.value, 'book') : undefined;
    return book ? [{ keyStart: book.keySpan.start, value: book.value }] : [];
  });
}

/** A scalar replaced by a double-quoted one (JSON's escapes are YAML's), quotes included. */
function replaceScalar(text: string, span: { start: number; end: number }, value: string): Edit {
  const before = text[span.start - 1];
  const quoted = (before === '"' || before === "'") && text[span.end] === before ? 1 : 0;
  return { start: span.start - quoted, end: span.end + quoted, text: JSON.stringify(value) };
}

/**
 * The whole line(s) of a block entry `book: ...`; in a flow mapping (`{value: x, book: y}`),
 * where a line cannot go, the value becomes null, which the loader reads as no book figure.
 */
function removeEntry(text: string, keyStart: number, value: YValue): Edit {
  const start = lineStart(text, keyStart);
  if (/^[ \t]*$/.test(text.slice(start, keyStart))) {
    const nl = text.indexOf('\n', Math.max(value.span.end - 1, keyStart));
    return { start, end: nl < 0 ? text.length : nl + 1, text: '' };
  }
  return replaceNull(text, value);
}

function replaceNull(text: string, value: YValue): Edit {
  const e = replaceScalar(text, value.span, '');
  return { ...e, text: '~' };
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** Applies non-overlapping edits, the last first so earlier offsets stay valid. */
function apply(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
