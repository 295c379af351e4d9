/**
 * `estimate check FILE...`: lints templates without evaluating their outputs. Every finding of
 * every file is printed (on stdout: the findings are what was asked for), then a summary;
 * exit 1 when there is an error, or a warning under --strict.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Finding, lintTemplate } from '../../authoring/lint.js';
import { classOf, exitStatus } from '../../diagnostics/codes.js';
import { EstimateError, projectErrors } from '../../diagnostics/error.js';
import { errorToJson, renderError } from '../../diagnostics/render.js';
import { sanitize } from '../../diagnostics/sanitize.js';
import { builtinFolder, findTemplate, looksLikePath, readTemplateFile } from '../../template/read-file.js';
import { type Io } from '../io.js';
import { quotedArg } from '../options.js';

export interface CheckOptions {
  readonly strict: boolean;
  readonly json: boolean;
}

/** A file to lint and the name to show for it. */
interface Target {
  readonly path: string;
  readonly display: string;
  readonly builtin?: { name: string; folder: string };
}

export function runCheck(args: readonly string[], opts: CheckOptions, io: Io): number {
  const targets = args.flatMap((a) => expand(a, io));
  let errors = 0;
  let warnings = 0;
  // A file that cannot be read (E0905) is a usage error, as it is for `estimate FILE`.
  let worst = 0;
  for (const t of targets) {
    const findings = lintFile(t);
    for (const f of findings) {
      if (f.severity === 'error') {
        errors++;
        worst = Math.max(worst, exitStatus(classOf(f.error.code)));
      } else {
        warnings++;
      }
      io.out(opts.json ? JSON.stringify({ ...errorToJson(f.error), level: f.severity }) + '\n' : render(f) + '\n\n');
    }
  }
  if (!opts.json) {
    const files = `${targets.length} template${targets.length === 1 ? '' : 's'}`;
    io.out(errors + warnings === 0 ? `checked ${files}: no problems\n` : `checked ${files}: ${count(errors, 'error')}, ${count(warnings, 'warning')}\n`);
  }
  if (worst > 0) return worst;
  return errors > 0 || (opts.strict && warnings > 0) ? 1 : 0;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** A warning reads `warning[E0750]: ...`, an error as every other error. */
function render(f: Finding): string {
  const text = renderError(f.error);
  return f.severity === 'warning' ? text.replace(/^error\[/, 'warning[') : text;
}

function lintFile(t: Target): Finding[] {
  try {
    return lintTemplate(readTemplateFile(t.path, t.display), t.builtin);
  } catch (e) {
    const errs = projectErrors(e);
    if (!errs) throw e;
    return errs.map((error) => ({ severity: 'error', error }));
  }
}

/** A folder is every .yaml/.yml file directly in it; a name is a template by name; else a path. */
function expand(arg: string, io: Io): Target[] {
  const path = resolve(io.cwd, arg);
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    isFolder = false;
  }
  if (isFolder) {
    let names: string[];
    try {
      names = readdirSync(path, { withFileTypes: true })
        .filter((d) => /\.ya?ml$/i.test(d.name) && !d.isDirectory())
        .map((d) => d.name)
        .sort();
    } catch (e) {
      throw new EstimateError('E0905', `cannot list the folder ${quotedArg(arg)} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { where: 'check argument' });
    }
    if (names.length === 0) {
      throw new EstimateError('E0980', `the folder ${quotedArg(arg)} holds no templates (no .yaml or .yml file)`, {
        where: 'check argument',
        help: ['give the folder that holds your templates, or the files themselves', 'start one with `estimate new NAME`'],
      });
    }
    return names.map((n) => ({ path: join(path, n), display: join(arg, n) }));
  }
  if (!looksLikePath(arg)) {
    const ref = findTemplate(arg, io.env, io.cwd);
    return [ref.builtin ? { path: ref.path, display: `templates/${ref.name}.yaml`, builtin: { name: ref.name, folder: builtinFolder() } } : { path: ref.path, display: sanitize(ref.path) }];
  }
  return [{ path, display: arg }];
}
