/** Loads a template file into a checked spec: YAML, then the contract. Every problem is reported together. */
import { EstimateError, EstimateErrors } from '../diagnostics/error.js';
import { type Source } from '../diagnostics/source.js';
import { toSpec } from './schema.js';
import { cachedTree } from './tree-cache.js';
import { type TemplateSpec } from './types.js';
import { readYaml, type YValue } from './yaml-tree.js';

/** Where a built-in template's cached tree may be found. */
export interface BuiltinKey {
  readonly name: string;
  readonly folder: string;
}

/** The top-level keys of a template. */
const TEMPLATE_KEYS = new Set(['name', 'title', 'description', 'source', 'units', 'inputs', 'quantities', 'sections', 'sizing', 'use']);

/**
 * The keys only a template has: a mapping with none of them is no template at all. `name`,
 * `description` and `source` do not count: package.json, CI workflows and manifests have them.
 */
const DISTINCTIVE_KEYS = new Set(['title', 'units', 'inputs', 'quantities', 'sections']);

/** A line that starts a template key (`name:`, `  inputs :`), for files that are not even YAML. */
const TEMPLATE_KEY_LINE = new RegExp(`^[ \\t]*(${[...TEMPLATE_KEYS].join('|')})[ \\t]*:`, 'm');

/** Parses template text; throws EstimateErrors listing every problem. */
export function parseTemplate(file: Source, builtin?: BuiltinKey): TemplateSpec {
  let root: YValue | undefined = builtin ? cachedTree(builtin.name, file, builtin.folder) : undefined;
  if (!root) {
    const read = readYaml(file);
    if (read.errors.length > 0) {
      // Refused YAML features (aliases: billion laughs, E0711) and limits (E0712) say more than
      // "not a template"; syntax errors, odd keys and duplicates (/proc/cpuinfo) do not.
      const syntaxOnly = read.errors.every((e) => e.code !== 'E0711' && e.code !== 'E0712');
      if (syntaxOnly && !TEMPLATE_KEY_LINE.test(file.text)) throw notATemplate(file, `it does not read as YAML and has no template key (${lines(file.text)})`);
      throw new EstimateErrors(read.errors);
    }
    root = read.root;
    const stranger = strangerFile(root, file.text);
    if (stranger) throw notATemplate(file, stranger);
  }
  const found: EstimateError[] = [];
  const spec = toSpec(root, file, found);
  if (found.length > 0 || !spec) throw new EstimateErrors(found);
  return spec;
}

/**
 * Says what a file holds, in neutral terms, when it shows no sign of being a template: a single
 * value, a list or a mapping without a template key (a JSON file, /etc/passwd). Its content is
 * never quoted: the file may be anything the user pointed at, and echoing it helps nobody. An
 * empty file, or a list of template-like mappings, is a template gone wrong: toSpec shows where.
 */
function strangerFile(root: YValue | undefined, text: string): string | undefined {
  // Nothing but comments (/etc/hosts.deny): an empty template would show its first line.
  if (!root) return text.trim() === '' ? undefined : `it holds only comments (${lines(text)})`;
  switch (root.kind) {
    case 'scalar':
      return root.isNull ? undefined : `it holds a single text value (${lines(root.text)})`;
    case 'list':
      return root.items.some(looksLikeTemplate) ? undefined : `it is a list of ${plural(root.items.length, 'item')}`;
    case 'map':
      return looksLikeTemplate(root) ? undefined : `its top level has ${plural(root.entries.length, 'key')} and no title, inputs or quantities`;
  }
}

function looksLikeTemplate(v: YValue): boolean {
  return v.kind === 'map' && v.entries.some((e) => DISTINCTIVE_KEYS.has(e.key));
}

/** E0704 (exit 1, as for any template of the wrong shape), located at the file, without a code frame. */
function notATemplate(file: Source, found: string): EstimateError {
  return new EstimateError('E0704', `${file.name} is not an estimate template: ${found}`, {
    where: file.name,
    help: ['a template is a YAML mapping with name, title, inputs, quantities and sections (see docs/templates.md)', 'run `estimate list` for the templates you can use'],
  });
}

function lines(text: string): string {
  return plural(text.split('\n').length - (text.endsWith('\n') ? 1 : 0), 'line');
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
