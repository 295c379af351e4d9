/** Loads a template file into a checked spec: YAML, then the contract. Every problem is reported together. */
import { EstimateErrors, type EstimateError } from '../diagnostics/error.js';
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

/** Parses template text; throws EstimateErrors listing every problem. */
export function parseTemplate(file: Source, builtin?: BuiltinKey): TemplateSpec {
  let root: YValue | undefined = builtin ? cachedTree(builtin.name, file, builtin.folder) : undefined;
  if (!root) {
    const read = readYaml(file);
    if (read.errors.length > 0) throw new EstimateErrors(read.errors);
    root = read.root;
  }
  const found: EstimateError[] = [];
  const spec = toSpec(root, file, found);
  if (found.length > 0 || !spec) throw new EstimateErrors(found);
  return spec;
}
