/** Loads a template file into a checked spec: YAML, then the contract. Every problem is reported together. */
import { EstimateErrors, type EstimateError } from '../diagnostics/error.js';
import { type Source } from '../diagnostics/source.js';
import { toSpec } from './schema.js';
import { type TemplateSpec } from './types.js';
import { readYaml } from './yaml-tree.js';

/** Parses template text; throws EstimateErrors listing every problem. */
export function parseTemplate(file: Source): TemplateSpec {
  const { root, errors } = readYaml(file);
  if (errors.length > 0) throw new EstimateErrors(errors);
  const found: EstimateError[] = [];
  const spec = toSpec(root, file, found);
  if (found.length > 0 || !spec) throw new EstimateErrors(found);
  return spec;
}
