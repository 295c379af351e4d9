/** Where the JSON Schema of templates is shipped (schema/template.schema.json), from src/, dist/ or the bundle. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EstimateError } from '../diagnostics/error.js';

const FILE = 'template.schema.json';

/** The absolute path of the shipped schema file. */
export function schemaPath(): string {
  const dir =
    ['../../schema/', '../../../schema/', '../schema/'].map((rel) => fileURLToPath(new URL(rel, import.meta.url))).find((d) => existsSync(join(d, FILE))) ??
    fileURLToPath(new URL('../../schema/', import.meta.url));
  return join(dir, FILE);
}

/** The schema's text, as shipped. A missing file is a broken installation (E9999, exit 70). */
export function schemaText(): string {
  try {
    return readFileSync(schemaPath(), 'utf8');
  } catch {
    throw new EstimateError('E9999', `the template schema is missing from the installation (${schemaPath()})`, { help: ['reinstall estimate-cli'] });
  }
}
