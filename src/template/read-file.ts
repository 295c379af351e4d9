/** Finds template files by name or path and reads them within limits (size, text, permissions). */
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EstimateError } from '../diagnostics/error.js';
import { source, type Source } from '../diagnostics/source.js';
import { suggest } from '../diagnostics/suggest.js';

/** The largest template file read; larger ones are refused before reading. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

let builtin: string | undefined;

/** The folder of the shipped templates (from src/, dist/ or the bundle in dist/bundle/). */
export function builtinFolder(): string {
  builtin ??= ['../../templates/', '../../../templates/', '../templates/']
    .map((rel) => fileURLToPath(new URL(rel, import.meta.url)))
    .find((dir) => existsSync(join(dir, 'twitter.yaml'))) ?? fileURLToPath(new URL('../../templates/', import.meta.url));
  return builtin;
}

/** The user's template folder: $ESTIMATE_TEMPLATES, else $XDG_CONFIG_HOME/estimate/templates. */
export function userFolder(env: Readonly<Record<string, string | undefined>>): string {
  if (env['ESTIMATE_TEMPLATES']) return env['ESTIMATE_TEMPLATES'];
  const config = env['XDG_CONFIG_HOME'] || join(env['HOME'] || homedir(), '.config');
  return join(config, 'estimate', 'templates');
}

/** A template found on disk. */
export interface TemplateRef {
  readonly name: string;
  readonly path: string;
  readonly builtin: boolean;
}

const NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** True when the argument is a path rather than a bare name. */
export function looksLikePath(arg: string): boolean {
  return arg.includes('/') || arg.includes('\\') || /\.ya?ml$/i.test(arg);
}

/** Resolves a template argument: a path, else a built-in name, else a name in the user's folder. */
export function findTemplate(arg: string, env: Readonly<Record<string, string | undefined>>, cwd: string): TemplateRef {
  if (looksLikePath(arg)) return { name: basename(arg).replace(/\.ya?ml$/i, ''), path: resolve(cwd, arg), builtin: false };
  if (!NAME.test(arg)) {
    throw new EstimateError('E0901', `\`${arg}\` is not a template name`, {
      where: 'template argument',
      help: ['names use letters, digits, `.`, `_` and `-`, and do not start with a dot; give a path to a .yaml file otherwise'],
    });
  }
  for (const [folder, builtin] of [[builtinFolder(), true], [userFolder(env), false]] as const) {
    const path = join(folder, `${arg}.yaml`);
    if (!exists(path)) continue;
    if (!inside(folder, path)) {
      throw new EstimateError('E0905', `template \`${arg}\` leads outside its folder`, { where: path });
    }
    return { name: arg, path, builtin };
  }
  const known = listTemplates(env).map((t) => t.name);
  const close = suggest(arg, known);
  throw new EstimateError('E0901', `unknown template \`${arg}\``, {
    where: 'template argument',
    help: [close.length ? `did you mean ${close.map((c) => '`' + c + '`').join(' or ')}?` : `the templates are ${known.join(', ')}`, 'run `estimate list` to see them all'],
  });
}

/** Every template by name: the built-ins, then the user's that do not shadow one. */
export function listTemplates(env: Readonly<Record<string, string | undefined>>): TemplateRef[] {
  const out: TemplateRef[] = [];
  const seen = new Set<string>();
  for (const [folder, builtin] of [[builtinFolder(), true], [userFolder(env), false]] as const) {
    let files: string[] = [];
    try {
      files = readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort();
    } catch {
      continue;
    }
    for (const f of files) {
      const name = f.slice(0, -5);
      if (seen.has(name) || !NAME.test(name)) continue;
      seen.add(name);
      out.push({ name, path: join(folder, f), builtin });
    }
  }
  return out;
}

/** Reads a template file as a source, refusing directories, huge, binary and non-UTF-8 files. */
export function readTemplateFile(path: string, displayName: string): Source {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new EstimateError('E0905', `${displayName} is a directory, not a template file`, { where: displayName });
    size = st.size;
  } catch (e) {
    if (e instanceof EstimateError) throw e;
    throw fileError(e, displayName);
  }
  if (size > MAX_TEMPLATE_BYTES) {
    throw new EstimateError('E0712', `${displayName} is ${size.toLocaleString('en-US')} bytes; templates are at most ${MAX_TEMPLATE_BYTES.toLocaleString('en-US')}`, { where: displayName });
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw fileError(e, displayName);
  }
  if (bytes.includes(0)) throw new EstimateError('E0711', `${displayName} is a binary file, not YAML`, { where: displayName });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new EstimateError('E0701', `${displayName} is not UTF-8 text`, { where: displayName });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return source(displayName, text);
}

function fileError(e: unknown, displayName: string): EstimateError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? 'error'})`;
  return new EstimateError('E0905', `${displayName} ${why}`, { where: displayName });
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** True when `path`, after following links, lies inside `folder`. */
function inside(folder: string, path: string): boolean {
  try {
    const rel = relative(realpathSync(folder), realpathSync(path));
    return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
  } catch {
    return false;
  }
}
