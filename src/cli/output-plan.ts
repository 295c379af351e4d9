/**
 * Decides how an output path is written, the way the shell's `>` would treat it, before
 * anything is evaluated: a regular file (new or existing) is replaced atomically; a device, a
 * FIFO or a /dev/stdout-like path is written in place; a directory, a socket, a missing folder,
 * a file the user may not write or one of the process's own descriptors is refused (E0906).
 */
import { accessSync, constants, fstatSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { EstimateError } from '../diagnostics/error.js';
import { describe, errnoCode } from './errno.js';

/** How an output path will be written. */
export type OutputPlan =
  /** A regular file, existing (`old` set) or new: a temporary file in `path`'s folder, then a rename. */
  | { readonly kind: 'replace'; readonly path: string; readonly old: Stats | undefined }
  /** A device, a FIFO, a /dev/stdout-like path, a hard-linked file, or a file in a folder we may not add to: opened and written in place. */
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

/** Descriptor paths (`/dev/fd/3` after `3>out.md`): the kernel resolves them; opened, never renamed. */
function isKernelPath(path: string): boolean {
  return /^\/(dev\/(stdout|stderr|fd\/\d+$)|proc\/self\/fd\/\d+$)/.test(path);
}

/**
 * /proc/sysrq-trigger, /sys/power/state: the shell would write them, but no estimate belongs in a
 * kernel interface, and as root the first byte of a title could reboot the machine.
 */
function isKernelInterface(path: string): boolean {
  return /^\/(proc|sys)(\/|$)/.test(path);
}

function kernelInterface(shown: string): EstimateError {
  return refused(shown, 'it is a kernel interface (/proc, /sys), not a file');
}

/**
 * The "memory" devices of major 1 other than null, zero, full, random and urandom: /dev/mem,
 * /dev/kmem, /dev/port (a write as root can hang the machine), /dev/kmsg (log injection).
 */
export function isMemoryDevice(rdev: number): boolean {
  const major = Math.floor(rdev / 256) & 0xfff;
  const minor = rdev & 0xff;
  return major === 1 && ![3, 5, 7, 8, 9].includes(minor);
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
  if (isKernelInterface(full) && !isKernelPath(full)) throw kernelInterface(path);
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
    const target = finalTarget(full, path);
    if (isKernelInterface(target)) throw kernelInterface(path);
    return planNewFile(target, path);
  }
  if (st.isDirectory()) throw refused(path, 'it is a directory');
  if (st.isSocket()) throw refused(path, 'it is a socket');
  // A disk or partition: `>` would write over it; an estimate never belongs there.
  if (st.isBlockDevice()) throw refused(path, 'it is a block device (a disk), not a file');
  if (st.isCharacterDevice() && isMemoryDevice(st.rdev)) throw refused(path, 'it is a memory, port or kernel-log device');
  if (!st.isFile()) {
    if (!st.isCharacterDevice() && isOwnDescriptor(st)) throw refused(path, "it leads to one of estimate's own descriptors");
    return { kind: 'direct', path: full, fifo: st.isFIFO() };
  }
  if (isKernelPath(full)) return { kind: 'direct', path: full, fifo: false };
  const target = realpathSync(full);
  if (isKernelInterface(target)) throw kernelInterface(path);
  // Root may write any regular file (as with the shell's `>`); access() knows, and it also
  // sees a read-only file system and ACLs.
  if (!mayAccess(full, constants.W_OK)) throw refused(path, 'permission denied (the file is read-only for you)');
  // A writable file in a folder we may not add to, or someone else's file (group-writable, say)
  // whose owner a rename would change (and a sticky /tmp would refuse): the shell writes it in
  // place, and so do we.
  // A file with more than one hard link: a rename would cut it from its other names, while the
  // shell's `>` writes the shared content; write in place too.
  const euid = process.geteuid?.();
  if (!mayAccess(dirname(target), constants.W_OK | constants.X_OK) || (euid !== undefined && euid !== 0 && st.uid !== euid) || st.nlink > 1) {
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

/** A file the run read, which its output must not replace: `what` names it in the refusal. */
export interface ReadFile {
  readonly path: string;
  readonly what: string;
}

/**
 * Refuses an output path that is one of the files the run read (the template, a sub-model, the
 * prices file, or the other output), or that cannot be written (see planOutput). `flag` is the
 * option that named the path, for the message.
 */
export function checkOutputPath(path: string, cwd: string, read: readonly ReadFile[], flag = '--output'): string {
  let plan: OutputPlan;
  try {
    plan = planOutput(path, cwd);
  } catch (e) {
    // planOutput's refusals name --output; another option (--samples-out) is named as given.
    if (flag === '--output' || !(e instanceof EstimateError)) throw e;
    throw new EstimateError(e.code, e.message, { ...e.details, where: `${flag} ${path}` });
  }
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const clash = plan.kind === 'descriptor' ? undefined : read.find((r) => real(r.path) === real(plan.path));
  if (clash) {
    throw new EstimateError('E0906', `refusing to overwrite ${clash.what} ${path}`, { where: `${flag} ${path}`, help: ['choose another output file'] });
  }
  return resolve(cwd, path);
}

/** True when the process may access `path` so (W_OK, X_OK): root may write any file. */
export function mayAccess(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** E0906 with the path and the reason. */
export function refused(shown: string, why: string): EstimateError {
  return new EstimateError('E0906', `cannot write ${shown}: ${why}`, { where: `--output ${shown}` });
}
