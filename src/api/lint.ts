/** lintTemplate: what `estimate check` reports for a template text, as data. */
import { lintTemplate as lint } from '../authoring/lint.js';
import { errorToJson } from '../diagnostics/render.js';
import { guarded } from './errors.js';

/** One finding: `error` or `warning`, its code, message, and where (file, line, column). */
export type LintFinding = { readonly level: 'error' | 'warning'; readonly code: string; readonly message: string } & Readonly<Record<string, unknown>>;

export function lintTemplate(yamlText: string, fileName = '<template>'): LintFinding[] {
  return guarded(() => lint({ name: fileName, text: yamlText }).map((f) => ({ ...(errorToJson(f.error) as { code: string; message: string }), level: f.severity })));
}
