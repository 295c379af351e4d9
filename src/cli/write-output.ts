/**
 * Writes an output file (`-o`, the interactive export, "save as template") the way the shell's
 * `>` would, but without ever leaving a half-written regular file (see output-plan.ts for what
 * goes where): a regular file gets a temporary file in its folder, then a rename, keeping the
 * old file's mode and, when the process may (root), its owner; a device or FIFO is written in
 * place. A write that fails half-way (a full disk, an I/O error, a file too large) is E0801
 * (exit 74), and an existing file is then still intact.
 */
import { closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { EstimateError } from '../diagnostics/error.js';
import { describe, errnoCode } from './errno.js';
import { planOutput, refused } from './output-plan.js';
import { wasClosed } from './stdout.js';

export { checkOutputPath, planOutput, type OutputPlan, type ReadFile } from './output-plan.js';

/**
 * Whether an output path names something other than a regular file or folder (`/dev/stdout`,
 * `/dev/tty`, a FIFO): such a target without an extension gets the table, as standard output would.
 */
export function isStreamTarget(path: string): boolean {
  try {
    const st = statSync(path);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes text to `path` as the shell's `>` would, but never leaves a regular file half-written.
 * `flag` is the option that named the path (`--samples-out`), for messages.
 */
export function writeOutputFile(path: string, text: string, shown: string = path, flag = '--output'): void {
  try {
    writePlanned(path, text, shown);
  } catch (e) {
    if (flag === '--output' || !(e instanceof EstimateError) || e.details.where === undefined) throw e;
    throw new EstimateError(e.code, e.message, { ...e.details, where: `${flag} ${shown}` });
  }
}

function writePlanned(path: string, text: string, shown: string): void {
  const plan = planOutput(path, process.cwd());
  switch (plan.kind) {
    case 'replace':
      return replaceFile(plan.path, plan.old, text, shown);
    case 'direct':
      return writeInPlace(plan.path, plan.fifo, text, shown);
    case 'descriptor':
      // `-o /dev/stdout >&-`: Node stands /dev/null in for the closed descriptor, and the
      // estimate would vanish with exit 0; the shell's own `>&-` run is E0802, and so is this.
      if (plan.fd === 1 && wasClosed(1)) {
        throw new EstimateError('E0802', 'cannot write to standard output: it was closed when estimate started (`>&-`)', { where: `--output ${shown}` });
      }
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

/**
 * The old file's permission bits, less set-user-ID and set-group-ID: new content never inherits
 * them (the kernel clears them when anyone but root writes a file, and `>` never creates a
 * setuid file). Its owner and group when allowed (root, or a group the user is in).
 */
function keepOwnerAndMode(fd: number, old: Stats): void {
  const mode = old.mode & 0o1777;
  fchmodSync(fd, mode);
  const mine = fstatSync(fd);
  if (mine.uid === old.uid && mine.gid === old.gid) return;
  try {
    fchownSync(fd, old.uid, old.gid);
  } catch {
    // Not root: the file becomes the user's, as any editor's save-as-rename makes it.
  }
  fchmodSync(fd, mode);
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
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (e) {
      const code = errnoCode(e);
      // A reader that stopped early (`--samples-out /dev/stdout | head -1`) chose to: a quiet
      // exit with the status so far, as for standard output itself (stdout.ts).
      if (code === 'EPIPE') process.exit(Number(process.exitCode ?? 0));
      // A non-blocking pipe that is full: wait for the reader, as a blocking write would.
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
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
