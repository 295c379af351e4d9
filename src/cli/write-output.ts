/**
 * Writes an output file (`-o`, the interactive export, "save as template") the way the shell's
 * `>` would, but without ever leaving a half-written regular file:
 *
 * - a regular file is replaced atomically (a temporary file in the same folder, then a rename),
 *   keeping the old file's mode and, when the process may (root), its owner;
 * - a symbolic link is written through: its final target is replaced, the link stays;
 * - a device, a FIFO or a /dev/stdout-like path is opened and written, never renamed over;
 * - a directory, a socket, a missing folder or a file the user may not write is refused, with
 *   the path and the reason, before anything is evaluated.
 *
 * A refusal is E0906 (usage, exit 2); a write that fails half-way (a full disk, an I/O error,
 * a file too large) is E0801 (exit 74), and the old file is then still intact.
 */
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { constants as osConstants } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { EstimateError } from '../diagnostics/error.js';

/** The output formats and the file extensions that imply them. */
export const EXTENSION_FORMATS: ReadonlyMap<string, 'markdown' | 'json' | 'csv' | 'table'> = new Map([
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
  ['.json', 'json'],
  ['.csv', 'csv'],
  ['.txt', 'table'],
]);

/**
 * The format a file name implies, or undefined. A device or FIFO without an extension
 * (`-o /dev/stdout`, `-o /dev/tty`) gets the table, as standard output would.
 */
export function formatFromPath(path: string): 'markdown' | 'json' | 'csv' | 'table' | undefined {
  const m = /\.[A-Za-z]+$/.exec(path);
  if (m) return EXTENSION_FORMATS.get(m[0].toLowerCase());
  try {
    const st = statSync(path);
    return st.isFile() || st.isDirectory() ? undefined : 'table';
  } catch {
    return undefined;
  }
}

/** How an output path will be written. */
export type OutputPlan =
  /** A regular file, existing (`old` set) or new: a temporary file in `path`'s folder, then a rename. */
  | { readonly kind: 'replace'; readonly path: string; readonly old: Stats | undefined }
  /** A device, a FIFO, a /dev/stdout-like path, or a file in a folder we may not add to: opened and written in place. */
  | { readonly kind: 'direct'; readonly path: string; readonly fifo: boolean }
  /** `/dev/stdout`, `/dev/fd/N`: the process's own descriptor, written as bash does (a dup, not an open). */
  | { readonly kind: 'descriptor'; readonly fd: number };

/**
 * The standard descriptor a path names, as bash reads it: /dev/stdout, /dev/fd/2. Only 1 and 2:
 * a higher number may be one of Node's own descriptors, which must never be written.
 */
function namedDescriptor(path: string): number | undefined {
  const m = /^\/(?:dev\/(?:fd\/([12])|(stdout|stderr))|proc\/self\/fd\/([12]))$/.exec(path);
  if (!m) return undefined;
  return m[2] ? (m[2] === 'stdout' ? 1 : 2) : Number(m[1] ?? m[3]);
}

/** Follows symbolic links one by one, so a link to a file not yet there yields the file to create. */
function finalTarget(full: string, shown: string): string {
  let path = full;
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats;
    try {
      st = lstatSync(path);
    } catch {
      return path;
    }
    if (!st.isSymbolicLink()) return path;
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw refused(shown, 'too many levels of symbolic links');
}

/** Paths the kernel resolves itself (`/dev/stdout` -> /proc/self/fd/1 -> a pipe): opened, never renamed. */
function isKernelPath(path: string): boolean {
  return /^\/(dev\/(stdout|stderr|fd\/)|proc\/)/.test(path);
}

/** Decides how `path` (resolved against `cwd`) will be written, or refuses it. */
export function planOutput(path: string, cwd: string): OutputPlan {
  const full = resolve(cwd, path);
  const fd = namedDescriptor(full);
  if (fd !== undefined) {
    try {
      fstatSync(fd);
    } catch {
      throw refused(path, `descriptor ${fd} is not open`);
    }
    return { kind: 'descriptor', fd };
  }
  let st: Stats | undefined;
  try {
    st = statSync(full);
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOTDIR') throw refused(path, 'a part of the path is a file, not a folder');
    if (code === 'EACCES') throw refused(path, 'permission denied');
    if (code === 'ELOOP') throw refused(path, 'too many levels of symbolic links');
    if (code !== 'ENOENT') throw refused(path, describe(e));
  }
  if (st === undefined) {
    // `> out.md/` names a folder that is not there: the shell refuses it, and so do we.
    if (/[\\/]$/.test(path)) throw refused(path, 'the path ends in a slash but no such folder exists');
    return planNewFile(finalTarget(full, path), path);
  }
  if (st.isDirectory()) throw refused(path, 'it is a directory');
  if (st.isSocket()) throw refused(path, 'it is a socket');
  if (!st.isFile()) {
    if (!st.isCharacterDevice() && !st.isBlockDevice() && isOwnDescriptor(st)) throw refused(path, "it leads to one of estimate's own descriptors");
    return { kind: 'direct', path: full, fifo: st.isFIFO() };
  }
  if (isKernelPath(full)) return { kind: 'direct', path: full, fifo: false };
  // Root may write any regular file (as with the shell's `>`); access() knows, and it also
  // sees a read-only file system and ACLs.
  if (!mayAccess(full, constants.W_OK)) throw refused(path, 'permission denied (the file is read-only for you)');
  const target = realpathSync(full);
  // A writable file in a folder we may not add to, or someone else's file (group-writable, say)
  // whose owner a rename would change (and a sticky /tmp would refuse): the shell writes it in
  // place, and so do we.
  const euid = process.geteuid?.();
  if (!mayAccess(dirname(target), constants.W_OK | constants.X_OK) || (euid !== undefined && euid !== 0 && st.uid !== euid)) {
    return { kind: 'direct', path: target, fifo: false };
  }
  return { kind: 'replace', path: target, old: st };
}

/**
 * True when a pipe or an anonymous inode is one of this process's descriptors above 2
 * (`-o /dev/fd/7` or a link to it): Node's event loop uses some, and writing one crashes it.
 * Devices are left out: a /dev/null the process happens to hold open is still fine to write.
 */
function isOwnDescriptor(target: Stats): boolean {
  let fds: string[];
  try {
    fds = readdirSync('/proc/self/fd');
  } catch {
    return false;
  }
  return fds.some((name) => {
    const fd = Number(name);
    if (!(fd > 2)) return false;
    try {
      const st = fstatSync(fd);
      return st.dev === target.dev && st.ino === target.ino && st.rdev === target.rdev;
    } catch {
      return false;
    }
  });
}

function planNewFile(target: string, shown: string): OutputPlan {
  const dir = dirname(target);
  let folder: Stats;
  try {
    folder = statSync(dir);
  } catch {
    throw new EstimateError('E0906', `cannot write ${shown}: the folder ${dir} does not exist`, { where: `--output ${shown}` });
  }
  if (!folder.isDirectory()) throw refused(shown, `${dir} is not a folder`);
  if (!mayAccess(dir, constants.W_OK | constants.X_OK)) throw refused(shown, `permission denied: you may not create files in ${dir}`);
  return { kind: 'replace', path: target, old: undefined };
}

/** Refuses an output path that is the template itself, or that cannot be written (see planOutput). */
export function checkOutputPath(path: string, cwd: string, protectedPaths: readonly string[]): string {
  const plan = planOutput(path, cwd);
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  if (plan.kind !== 'descriptor' && protectedPaths.some((p) => real(p) === real(plan.path))) {
    throw new EstimateError('E0906', `refusing to overwrite the template ${path} with the estimate`, { where: `--output ${path}`, help: ['choose another output file'] });
  }
  return resolve(cwd, path);
}

/** Writes text to `path` as the shell's `>` would, but never leaves a regular file half-written. */
export function writeOutputFile(path: string, text: string, shown: string = path): void {
  const plan = planOutput(path, process.cwd());
  switch (plan.kind) {
    case 'replace':
      return replaceFile(plan.path, plan.old, text, shown);
    case 'direct':
      return writeInPlace(plan.path, plan.fifo, text, shown);
    case 'descriptor':
      try {
        return writeAll(plan.fd, text);
      } catch (e) {
        throw writeFailed(e, shown, undefined);
      }
  }
}

/** The former name of writeOutputFile, kept for its call sites. */
export const writeAtomically = writeOutputFile;

/**
 * From the first write on, SIGINT, SIGTERM and SIGHUP wait until the file is complete: with a
 * listener, Node handles them after the synchronous write and rename instead of dying half-way
 * and leaving the temporary file. Writing is the last thing a run does, so it then exits
 * 128 + the signal's number, as a shell reports it.
 */
function deferSignals(): void {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    if (process.listenerCount(sig) === 0) process.once(sig, () => process.exit(128 + osConstants.signals[sig]));
  }
}

function replaceFile(path: string, old: Stats | undefined, text: string, shown: string): void {
  deferSignals();
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    // 0o666 less the umask for a new file, as the shell creates it.
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
    if (old) keepOwnerAndMode(fd, old);
    writeAll(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file was never created
    }
    throw writeFailed(e, shown, old ? `${shown} is unchanged` : `${shown} was not created`);
  }
}

/** The old file's mode always; its owner and group when allowed (root, or a group the user is in). */
function keepOwnerAndMode(fd: number, old: Stats): void {
  fchmodSync(fd, old.mode & 0o7777);
  const mine = fstatSync(fd);
  if (mine.uid === old.uid && mine.gid === old.gid) return;
  try {
    fchownSync(fd, old.uid, old.gid);
  } catch {
    // Not root: the file becomes the user's, as any editor's save-as-rename makes it.
  }
  // chown clears set-user-ID and set-group-ID bits: put the mode back.
  fchmodSync(fd, old.mode & 0o7777);
}

function writeInPlace(path: string, fifo: boolean, text: string, shown: string): void {
  let fd: number | undefined;
  try {
    fd = fifo ? openFifo(path, shown) : openSync(path, constants.O_WRONLY | constants.O_TRUNC | constants.O_CREAT, 0o666);
    writeAll(fd, text);
    closeSync(fd);
    fd = undefined;
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    if (e instanceof EstimateError) throw e;
    throw writeFailed(e, shown, undefined);
  }
}

/** How long a FIFO may go without a reader before the write is refused (the shell would wait for ever). */
export const FIFO_READER_WAIT_MS = 2000;

/** Opens a FIFO for writing once a process reads it; refuses after FIFO_READER_WAIT_MS without one. */
function openFifo(path: string, shown: string): number {
  const until = Date.now() + FIFO_READER_WAIT_MS;
  for (;;) {
    try {
      // Non-blocking, so a FIFO without a reader fails (ENXIO) instead of hanging the open.
      const probe = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
      try {
        // A reader is there now, so a blocking open returns at once; writes then block normally.
        return openSync(path, constants.O_WRONLY);
      } finally {
        closeSync(probe);
      }
    } catch (e) {
      if (errnoCode(e) !== 'ENXIO') throw e;
      if (Date.now() > until) throw refused(shown, `it is a FIFO and no process read from it within ${FIFO_READER_WAIT_MS / 1000} s`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done);
}

function mayAccess(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

function refused(shown: string, why: string): EstimateError {
  return new EstimateError('E0906', `cannot write ${shown}: ${why}`, { where: `--output ${shown}` });
}

/** Permission problems are refusals (E0906); the rest (a full disk, an I/O error) lost output (E0801). */
function writeFailed(e: unknown, shown: string, state: string | undefined): EstimateError {
  if (e instanceof EstimateError) return e;
  const code = errnoCode(e);
  const help = state ? [state] : [];
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENXIO' || code === 'EISDIR') {
    return new EstimateError('E0906', `cannot write ${shown}: ${describe(e)}`, { where: `--output ${shown}`, help });
  }
  return new EstimateError('E0801', `writing ${shown} failed: ${describe(e)}`, { where: `--output ${shown}`, help });
}

function errnoCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** "no space left on device (ENOSPC)", from Node's "ENOSPC: no space left on device, write". */
export function describe(e: unknown): string {
  const code = errnoCode(e);
  const text = /^[A-Z0-9]+: ([^,]+)/.exec(e instanceof Error ? e.message : '')?.[1];
  return text && code ? `${text} (${code})` : (code ?? String(e));
}
