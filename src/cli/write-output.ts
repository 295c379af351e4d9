/** Writes an output file atomically: a temporary file in the same folder, then a rename. */
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
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

/** The format a file name implies, or undefined. */
export function formatFromPath(path: string): 'markdown' | 'json' | 'csv' | 'table' | undefined {
  const m = /\.[A-Za-z]+$/.exec(path);
  return m ? EXTENSION_FORMATS.get(m[0].toLowerCase()) : undefined;
}

/** Refuses an output path that is the template itself, or whose folder is missing. */
export function checkOutputPath(path: string, cwd: string, protectedPaths: readonly string[]): string {
  const full = resolve(cwd, path);
  const dir = dirname(full);
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new EstimateError('E0906', `cannot write ${path}: the folder ${dir} does not exist`, { where: `--output ${path}` });
  }
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  if (protectedPaths.some((p) => real(p) === real(full))) {
    throw new EstimateError('E0906', `refusing to overwrite the template ${path} with the estimate`, { where: `--output ${path}`, help: ['choose another output file'] });
  }
  return full;
}

/** Writes text to `path` so the file is either untouched or complete. */
export function writeAtomically(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    writeSync(fd, text);
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
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new EstimateError('E0906', `cannot write ${path} (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code})`, { where: `--output ${path}` });
  }
}
