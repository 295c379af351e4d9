/**
 * Reads YAML text into a small located tree (maps, lists, scalar texts), refusing everything a
 * template does not need: tags, several documents, aliases of collections, merge keys, keys that
 * are not names, deep nesting. Scalars keep their source text, so `%YAML 1.1` cannot turn
 * `10:1` into 601 or `no` into false.
 */
import { createRequire } from 'node:module';
import type { Document, Node as YNode, Scalar } from 'yaml';
import { EstimateError } from '../diagnostics/error.js';
import { span, subSource, type Source, type Span } from '../diagnostics/source.js';

/** The deepest nesting accepted in a template. */
export const MAX_YAML_DEPTH = 32;

/** A located YAML value. */
export type YValue = YMap | YList | YScalar;

/** A mapping with its keys in order. */
export interface YMap {
  readonly kind: 'map';
  readonly entries: readonly { readonly key: string; readonly keySpan: Span; readonly value: YValue }[];
  readonly span: Span;
}

/** A sequence. */
export interface YList {
  readonly kind: 'list';
  readonly items: readonly YValue[];
  readonly span: Span;
}

/** A scalar as text; `source` is the snippet for parsing it as an expression. */
export interface YScalar {
  readonly kind: 'scalar';
  readonly text: string;
  readonly span: Span;
  readonly source: Source;
  readonly isNull: boolean;
}

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;

/**
 * The YAML library, loaded on first use: built-in templates come from a cache made at build
 * time (tree-cache.ts), so `estimate twitter` never pays for loading it.
 */
function yaml(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yamlModule;
}

/**
 * Nesting the pre-scan lets through to the YAML library, which recurses once per level and
 * overflows the stack between 500 and 1,000 levels (measured). The exact limit, MAX_YAML_DEPTH,
 * is checked on the parsed tree; the scan may count a few levels too many (a `[` inside a plain
 * scalar), so its own limit is well above that one.
 */
const SCAN_DEPTH = 128;

/**
 * The most text that aliases may add to a template, in characters: as much as the file itself
 * may hold (1 MiB). Without it a 200 KB title aliased 6,000 times made a 0.5 MB file expand to
 * gigabytes (redteam F9); with it everything read stays proportional to the file.
 */
export const MAX_ALIAS_TEXT = 1024 * 1024;

/** What aliases have added so far, and whether the limit was already reported (once is enough). */
interface AliasBudget {
  used: number;
  reported: boolean;
}

/** Parses one YAML document into a located tree; collects every problem before throwing. */
export function readYaml(file: Source): { root: YValue | undefined; errors: EstimateError[] } {
  const errors: EstimateError[] = [];
  const deep = tooDeepAt(file.text, SCAN_DEPTH);
  if (deep !== undefined) return { root: undefined, errors: [nestingError(file, deep)] };
  let doc: Document;
  try {
    doc = parseDocument(file.text);
  } catch (e) {
    // The scan missed a shape of nesting: the library's overflow is still the same error.
    if (e instanceof RangeError) return { root: undefined, errors: [nestingError(file, 0)] };
    throw e;
  }
  return readDocument(file, doc, errors);
}

function nestingError(file: Source, at: number): EstimateError {
  return new EstimateError('E0712', `nesting deeper than ${MAX_YAML_DEPTH} levels`, {
    span: span(file, at, at + 1),
    help: ['a template needs three levels: quantities, a name, its fields'],
  });
}

/**
 * The first document only: the library stops at a second `---` with MULTIPLE_DOCS, where
 * parsing every document of a file of 100,000 `---` took 2.4 s.
 */
function parseDocument(text: string): Document {
  return yaml().parseDocument(text, {
    version: '1.2',
    // Every scalar stays a string: the tree keeps each scalar's source text anyway, and the
    // core schema's number and boolean tests were a fifth of parsing a large template.
    schema: 'failsafe',
    uniqueKeys: false,
    merge: false,
    strict: true,
    prettyErrors: false,
  });
}

function readDocument(file: Source, doc: Document, errors: EstimateError[]): { root: YValue | undefined; errors: EstimateError[] } {
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [from, to] = e.pos;
    if (e.code === 'MULTIPLE_DOCS') {
      errors.push(new EstimateError('E0711', 'a template is one YAML document', { span: span(file, from, from + 3), help: ['remove the `---` and what follows, or split it into two files'] }));
      continue;
    }
    if (/call stack/i.test(e.message)) {
      errors.push(nestingError(file, from));
      continue;
    }
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    errors.push(new EstimateError(e.code === 'TAG_RESOLVE_FAILED' ? 'E0711' : 'E0701', message, {
      span: span(file, from, Math.max(from + 1, to)),
      help: e.code === 'TAB_AS_INDENT' ? ['indent with spaces'] : e.code === 'TAG_RESOLVE_FAILED' ? ['templates take no tags'] : [],
    }));
  }
  if (errors.length > 0) return { root: undefined, errors };
  const root = doc.contents ? convert(doc.contents as YNode, aliasTargets(doc), file, 0, errors, { used: 0, reported: false }) : undefined;
  return { root, errors };
}

const NON_STRING_KEY = /^(?:[-+]?(?:\d[\d_]*|0x[0-9a-fA-F]+|0o[0-7]+)(?:\.\d*)?(?:[eE][-+]?\d+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~|)$/;

/** What an alias stands for: an alias node -> the node its anchor named (undefined: none). */
type AliasTargets = ReadonlyMap<YNode, YNode | undefined>;

/**
 * Every alias's target, found in one walk in document order (an alias names the last anchor
 * of that name before it). The library's `alias.resolve(doc)` walks the whole document per
 * alias: 3,000 aliases took 9 s, 50,000 for ever.
 */
function aliasTargets(doc: Document): AliasTargets {
  const { isAlias, visit } = yaml();
  const anchors = new Map<string, YNode>();
  const targets = new Map<YNode, YNode | undefined>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

function convert(node: YNode, aliases: AliasTargets, file: Source, depth: number, errors: EstimateError[], budget: AliasBudget): YValue | undefined {
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  const where = nodeSpan(node, file);
  if (depth > MAX_YAML_DEPTH) {
    errors.push(new EstimateError('E0712', `nesting deeper than ${MAX_YAML_DEPTH} levels`, { span: where }));
    return undefined;
  }
  if (isAlias(node)) {
    const target = aliases.get(node);
    if (!target || !isScalar(target)) {
      errors.push(new EstimateError('E0711', 'an alias may only stand for a plain value', { span: where, help: ['write the list or mapping out in full'] }));
      return undefined;
    }
    budget.used += String(target.value).length;
    if (budget.used > MAX_ALIAS_TEXT) {
      if (!budget.reported) {
        budget.reported = true;
        errors.push(new EstimateError('E0712', `aliases expand to more than ${MAX_ALIAS_TEXT.toLocaleString('en-US')} characters of text`, { span: where, help: ['write shorter values, or fewer aliases of long ones'] }));
      }
      return undefined;
    }
    return convert(target, aliases, file, depth + 1, errors, budget);
  }
  if (node.tag !== undefined && node.tag !== null) {
    errors.push(new EstimateError('E0711', `tags such as \`${node.tag}\` are not allowed in a template`, { span: where, help: ['remove the tag'] }));
    return undefined;
  }
  if (isScalar(node)) return scalar(node, file, where);
  if (isSeq(node)) {
    const items: YValue[] = [];
    for (const item of node.items) {
      const v = convert(item as YNode, aliases, file, depth + 1, errors, budget);
      if (v) items.push(v);
    }
    return { kind: 'list', items, span: where };
  }
  if (isMap(node)) {
    const entries: { key: string; keySpan: Span; value: YValue }[] = [];
    const seen = new Map<string, Span>();
    for (const pair of node.items) {
      const k = pair.key as YNode | null;
      if (!k || !isScalar(k) || (k.tag !== undefined && k.tag !== null)) {
        errors.push(new EstimateError('E0704', 'keys must be plain names', { span: k ? nodeSpan(k, file) : where }));
        continue;
      }
      const keySpan = nodeSpan(k, file);
      const key = k.type === 'PLAIN' ? file.text.slice(keySpan.start, keySpan.end) : String(k.value);
      if (k.type === 'PLAIN' && NON_STRING_KEY.test(key)) {
        errors.push(new EstimateError('E0704', `key \`${key}\` is not a name`, { span: keySpan, help: ['keys are names such as `mau` or `peak_factor`'] }));
        continue;
      }
      if (key === '<<') {
        errors.push(new EstimateError('E0711', 'merge keys (`<<`) are not supported', { span: keySpan, help: ['write the entries out in full'] }));
        continue;
      }
      const earlier = seen.get(key);
      if (earlier) {
        errors.push(new EstimateError('E0705', `duplicate key \`${key}\``, { span: keySpan, labels: [{ span: earlier, text: 'first here' }] }));
        continue;
      }
      seen.set(key, keySpan);
      const value = pair.value === null || pair.value === undefined ? nullScalar(file, keySpan.end) : convert(pair.value as YNode, aliases, file, depth + 1, errors, budget);
      if (value) entries.push({ key, keySpan, value });
    }
    return { kind: 'map', entries, span: where };
  }
  errors.push(new EstimateError('E0711', 'unsupported YAML node', { span: where }));
  return undefined;
}

function scalar(node: Scalar, file: Source, where: Span): YScalar {
  const raw = file.text.slice(where.start, where.end);
  const value = node.value === null || node.value === undefined ? '' : String(node.value);
  if (node.type === 'PLAIN') {
    return { kind: 'scalar', text: raw, span: where, source: subSource(file, where.start, where.end, raw, true), isNull: raw === '' || raw === '~' || raw === 'null' };
  }
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const exact = quoted && raw.slice(1, -1) === value;
  const start = exact ? where.start + 1 : where.start;
  const end = exact ? where.end - 1 : where.end;
  return { kind: 'scalar', text: value, span: span(file, start, end), source: subSource(file, start, end, value, exact), isNull: false };
}

function nullScalar(file: Source, at: number): YScalar {
  return { kind: 'scalar', text: '', span: span(file, at, at), source: subSource(file, at, at, '', true), isNull: true };
}

function nodeSpan(node: YNode, file: Source): Span {
  const r = node.range;
  if (!r) return span(file, 0, 0);
  return span(file, r[0], r[1]);
}

/**
 * The offset where the text's nesting first passes `limit`, or undefined: one pass, no
 * allocation per character. Block levels are the indentation stack plus compact `- ` and `? `
 * indicators; flow levels are `[` and `{` outside quotes and comments. Block scalars (`|`, `>`)
 * are skipped. It may count too many (a `[` inside a plain scalar) but never recurses.
 */
export function tooDeepAt(text: string, limit: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote = 0; // the open quote's char code inside a quoted scalar, else 0
  let blockScalarIndent = -1; // inside a `|`/`>` scalar: lines indented more than this are text
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let i = pos;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const indent = i - pos;
    const blank = i >= end || text.charCodeAt(i) === 35 || (text.charCodeAt(i) === 13 && i + 1 >= end);
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      pos = end + 1;
      continue;
    }
    blockScalarIndent = -1;
    let depth = 0;
    if (quote === 0 && flow === 0 && !blank) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      depth = indents.length;
      // Compact nesting on one line: `- - - x`, `? - x`.
      while (i + 1 < end && (text.charCodeAt(i) === 45 || text.charCodeAt(i) === 63) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
        if (++depth > limit) return i;
        i += 2;
        while (i < end && text.charCodeAt(i) === 32) i++;
      }
      if (depth > limit) return pos + indent;
    } else {
      depth = indents.length;
    }
    let prev = 32;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (quote !== 0) {
        if (c === 92 && quote === 34) i++;
        else if (c === quote) quote = 0;
        prev = c;
        continue;
      }
      if (c === 35 && (i === pos || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) break; // a comment
      if ((c === 34 || c === 39) && (prev === 32 || prev === 9 || prev === 91 || prev === 123 || prev === 44 || prev === 58)) quote = c;
      else if (c === 91 || c === 123) {
        if (depth + ++flow > limit) return i;
      } else if ((c === 93 || c === 125) && flow > 0) flow--;
      else if ((c === 124 || c === 62) && flow === 0 && (prev === 32 || prev === 58) && /^[|>][-+0-9]*\s*(#.*)?\r?$/.test(text.slice(i, end))) {
        blockScalarIndent = indent;
        break;
      }
      if (c !== 32 && c !== 9) prev = c;
    }
    pos = end + 1;
  }
  return undefined;
}
