/**
 * A build-time cache of the built-in templates' located YAML trees (dist/template-cache/, one
 * JSON file each), holding the text it was made from: a template edited in place misses it.
 * (A string comparison is native; a hash loop over the text ran in the interpreter and cost
 * 2 ms of start-up.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { span, subSource, type Source } from '../diagnostics/source.js';
import { type YValue } from './yaml-tree.js';

/** A tree with offsets instead of spans, as stored in JSON. */
export type StoredTree =
  | { readonly m: readonly [string, number, number, StoredTree][]; readonly s: readonly [number, number] }
  | { readonly l: readonly StoredTree[]; readonly s: readonly [number, number] }
  | { readonly t: string; readonly s: readonly [number, number]; readonly x: readonly [number, number, boolean]; readonly n: boolean };

/** One cache file: the template's text and its tree. */
export interface CachedTree {
  readonly text: string;
  readonly tree: StoredTree;
}

/** The path of a built-in template's cache file. */
export function cachePath(name: string, builtinFolder: string): string {
  return join(builtinFolder, '..', 'dist', 'template-cache', `${name}.json`);
}

/** The path of the built-in templates' title index: one small file, so `estimate list` parses no template. */
export function titlesPath(builtinFolder: string): string {
  return join(builtinFolder, '..', 'dist', 'template-titles.json');
}

/** The title index as stored: each built-in template's text and title, for templates that load without error. */
export type TitleIndex = Record<string, { readonly text: string; readonly title: string }>;

let titles: TitleIndex | undefined;

/**
 * A built-in template's title from the build-time index, if it holds this exact text (a template
 * edited in place misses it and is parsed). Listing 22 templates took 40 ms with a parse each.
 */
export function cachedTitle(name: string, file: Source, builtinFolder: string): string | undefined {
  try {
    titles ??= JSON.parse(readFileSync(titlesPath(builtinFolder), 'utf8')) as TitleIndex;
  } catch {
    titles = {};
  }
  const entry = Object.hasOwn(titles, name) ? titles[name] : undefined;
  return entry !== undefined && entry.text === file.text ? entry.title : undefined;
}

/** Turns a located tree into its stored form. */
export function storeTree(v: YValue): StoredTree {
  const s = [v.span.start, v.span.end] as const;
  switch (v.kind) {
    case 'map':
      return { m: v.entries.map((e) => [e.key, e.keySpan.start, e.keySpan.end, storeTree(e.value)] as [string, number, number, StoredTree]), s };
    case 'list':
      return { l: v.items.map(storeTree), s };
    case 'scalar': {
      const o = v.source.origin!;
      return { t: v.text, s, x: [o.start, o.end, o.exact], n: v.isNull };
    }
  }
}

/** Rebuilds a located tree over the file it was made from. */
export function loadTree(t: StoredTree, file: Source): YValue {
  const where = span(file, t.s[0], t.s[1]);
  if ('m' in t) return { kind: 'map', entries: t.m.map(([key, ks, ke, v]) => ({ key, keySpan: span(file, ks, ke), value: loadTree(v, file) })), span: where };
  if ('l' in t) return { kind: 'list', items: t.l.map((x) => loadTree(x, file)), span: where };
  return { kind: 'scalar', text: t.t, span: where, source: subSource(file, t.x[0], t.x[1], t.t, t.x[2]), isNull: t.n };
}

/** The cached tree of a built-in template, if the cache has this exact text. */
export function cachedTree(name: string, file: Source, builtinFolder: string): YValue | undefined {
  let entry: CachedTree;
  try {
    entry = JSON.parse(readFileSync(cachePath(name, builtinFolder), 'utf8')) as CachedTree;
  } catch {
    return undefined;
  }
  if (entry.text !== file.text) return undefined;
  return loadTree(entry.tree, file);
}
