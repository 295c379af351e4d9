/** Finds template files by name or path and reads them within limits (size, text, permissions). */
import { closeSync, constants, existsSync, fstatSync, openSync, readSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
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

/**
 * Resolves a template argument: a path, else a built-in name, else a name in the user's folder.
 * Only regular files count as templates; `note` (with --verbose) hears what the scan passed over.
 */
export function findTemplate(arg: string, env: Readonly<Record<string, string | undefined>>, cwd: string, note?: (text: string) => void): TemplateRef {
  if (looksLikePath(arg)) return { name: basename(arg).replace(/\.ya?ml$/i, ''), path: resolve(cwd, arg), builtin: false };
  if (!NAME.test(arg)) {
    throw new EstimateError('E0901', `\`${arg}\` is not a template name`, {
      where: 'template argument',
      help: ['names use letters, digits, `.`, `_` and `-`, and do not start with a dot; give a path to a .yaml file otherwise'],
    });
  }
  const builtinRef = note ? undefined : builtinNamed(arg);
  if (builtinRef) return builtinRef;
  const scan = scanTemplates(env);
  if (note) for (const s of scan.skipped) note(`skipped ${s.path}: ${s.reason}`);
  const ref = scan.templates.find((t) => t.name === arg);
  if (ref) {
    const folder = ref.builtin ? builtinFolder() : userFolder(env);
    if (!inside(folder, ref.path)) {
      throw new EstimateError('E0905', `template \`${arg}\` leads outside its folder`, { where: ref.path });
    }
    return ref;
  }
  const known = scan.templates.map((t) => t.name);
  const close = suggest(arg, known);
  const passed = scan.skipped.filter((s) => basename(s.path) === `${arg}.yaml`).map((s) => `${s.path} was skipped: ${s.reason}`);
  throw new EstimateError('E0901', `unknown template \`${arg}\``, {
    where: 'template argument',
    help: [...passed, close.length ? `did you mean ${close.map((c) => '`' + c + '`').join(' or ')}?` : `the templates are ${known.join(', ')}`, 'run `estimate list` to see them all'],
  });
}

/**
 * The built-in template of this name, found without scanning both folders (start-up: the scan
 * classifies every file of both). The built-ins come first, so a scan would return this same
 * file; the name is matched against the listing, not the file system, which may ignore case.
 */
function builtinNamed(name: string): TemplateRef | undefined {
  const folder = builtinFolder();
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return undefined;
  }
  const path = join(folder, `${name}.yaml`);
  return names.includes(`${name}.yaml`) && kindAt(path) === 'file' && inside(folder, path) ? { name, path, builtin: true } : undefined;
}

/** A file in a template folder that is not offered as a template, and why. */
export interface SkippedTemplate {
  readonly path: string;
  readonly reason: string;
  /** A template hidden by another of the same name: worth a warning, since its author expects it to run. */
  readonly shadowed?: boolean;
}

/** What a scan of the template folders found: the templates, and the files passed over. */
export interface TemplateScan {
  readonly templates: readonly TemplateRef[];
  readonly skipped: readonly SkippedTemplate[];
}

/**
 * Scans the built-in folder, then the user's. Only regular files (or links to them) are
 * offered; the file type is read from the folder entry or a stat, never by opening the file, so
 * a FIFO or a device there cannot hang the scan.
 */
export function scanTemplates(env: Readonly<Record<string, string | undefined>>): TemplateScan {
  const templates: TemplateRef[] = [];
  const skipped: SkippedTemplate[] = [];
  const seen = new Map<string, TemplateRef>();
  for (const [folder, builtin] of [[builtinFolder(), true], [userFolder(env), false]] as const) {
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(folder, { withFileTypes: true }).filter((d) => d.name.endsWith('.yaml'));
    } catch (e) {
      // No folder is the usual case; one that is there but cannot be listed deserves a note.
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') skipped.push({ path: folder, reason: 'the template folder is not a folder' });
      else if (code !== 'ENOENT') skipped.push({ path: folder, reason: `the template folder cannot be read (${code ?? 'error'})` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of entries) {
      const name = d.name.slice(0, -5);
      const path = join(folder, d.name);
      if (!NAME.test(name)) {
        skipped.push({ path, reason: 'its name is not a template name (letters, digits, `.`, `_`, `-`; no leading dot)' });
        continue;
      }
      const kind = d.isSymbolicLink() ? kindAt(path) : kindOfEntry(d);
      if (kind !== 'file') {
        skipped.push({ path, reason: `it is ${kindName(kind)}, not a regular file` });
        continue;
      }
      const earlier = seen.get(name);
      if (earlier) {
        skipped.push({ path, reason: `the ${earlier.builtin ? 'built-in ' : ''}template \`${name}\` has the same name and comes first`, shadowed: true });
        continue;
      }
      const ref = { name, path, builtin };
      seen.set(name, ref);
      templates.push(ref);
    }
  }
  return { templates, skipped };
}

/** Every template by name: the built-ins, then the user's that do not shadow one. */
export function listTemplates(env: Readonly<Record<string, string | undefined>>): TemplateRef[] {
  return [...scanTemplates(env).templates];
}

/** What a path is, as far as reading it goes. */
export type FileKind = 'file' | 'directory' | 'fifo' | 'character-device' | 'block-device' | 'socket' | 'missing' | 'other';

function kindOf(st: Stats): FileKind {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice()) return 'character-device';
  if (st.isBlockDevice()) return 'block-device';
  if (st.isSocket()) return 'socket';
  return 'other';
}

function kindOfEntry(d: Dirent): FileKind {
  if (d.isFile()) return 'file';
  if (d.isDirectory()) return 'directory';
  if (d.isFIFO()) return 'fifo';
  if (d.isCharacterDevice()) return 'character-device';
  if (d.isBlockDevice()) return 'block-device';
  if (d.isSocket()) return 'socket';
  return 'other';
}

function kindAt(path: string): FileKind {
  try {
    return kindOf(statSync(path));
  } catch {
    return 'missing';
  }
}

/** "a FIFO (named pipe)", for messages. */
export function kindName(kind: FileKind): string {
  switch (kind) {
    case 'file':
      return 'a regular file';
    case 'directory':
      return 'a directory';
    case 'fifo':
      return 'a FIFO (named pipe)';
    case 'character-device':
      return 'a character device';
    case 'block-device':
      return 'a block device';
    case 'socket':
      return 'a socket';
    case 'missing':
      return 'a broken symbolic link';
    case 'other':
      return 'a special file';
  }
}

/** Reads a template file as a source, refusing non-regular, huge, binary and non-UTF-8 files. */
export function readTemplateFile(path: string, displayName: string): Source {
  const bytes = readTemplateBytes(path, displayName);
  if (bytes.includes(0)) throw new EstimateError('E0711', `${displayName} is a binary file, not YAML`, { where: displayName });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new EstimateError('E0701', `${displayName} is not UTF-8 text`, { where: displayName });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Old-Mac line ends (a lone CR) are line ends: YAML would read the file as one line and give
  // a screenful of errors. One character for one keeps every offset, so carets stay right.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  return source(displayName, text);
}

/**
 * The bytes of a template file, exactly as stored. Only a regular file is read: the path is
 * checked first, then opened without blocking (a FIFO swapped in cannot hang the open) and
 * checked again on the descriptor. The size limit holds before and while reading, so a file
 * that grows, or a /proc file that reports size 0, stops at the limit.
 */
export function readTemplateBytes(path: string, displayName: string): Buffer {
  let fd: number;
  try {
    refuseSpecial(kindOf(statSync(path)), displayName);
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    if (e instanceof EstimateError) throw e;
    throw fileError(e, displayName);
  }
  try {
    const st = fstatSync(fd);
    refuseSpecial(kindOf(st), displayName);
    if (st.size > MAX_TEMPLATE_BYTES) throw tooLarge(displayName, `is ${st.size.toLocaleString('en-US')} bytes`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_TEMPLATE_BYTES) throw tooLarge(displayName, `passed the limit while it was read (its size was given as ${st.size.toLocaleString('en-US')} bytes)`);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof EstimateError) throw e;
    throw fileError(e, displayName);
  } finally {
    closeSync(fd);
  }
}

function refuseSpecial(kind: FileKind, displayName: string): void {
  if (kind === 'file') return;
  throw new EstimateError('E0905', `${displayName} is ${kindName(kind)}, not a template file`, {
    where: displayName,
    help: ['give the path of a regular .yaml file'],
  });
}

function tooLarge(displayName: string, what: string): EstimateError {
  return new EstimateError('E0712', `${displayName} ${what}; templates are at most ${MAX_TEMPLATE_BYTES.toLocaleString('en-US')} bytes`, { where: displayName });
}

function fileError(e: unknown, displayName: string): EstimateError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? 'error'})`;
  return new EstimateError('E0905', `${displayName} ${why}`, { where: displayName });
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
