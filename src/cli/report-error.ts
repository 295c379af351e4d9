/** Turns anything thrown into a message on stderr and an exit status, in one place. */
import { classOf, exitStatus } from '../diagnostics/codes.js';
import { projectErrors } from '../diagnostics/error.js';
import { clip, errorToJson, renderError, shortMessage } from '../diagnostics/render.js';
import { safeJson, sanitize } from '../diagnostics/sanitize.js';
import { type Io } from './io.js';

/** How errors are shown. */
export interface ErrorStyle {
  readonly json: boolean;
  readonly debug: boolean;
}

/** At most this many errors are shown; the rest are counted ("and 4950 more errors"). */
export const MAX_SHOWN_ERRORS = 50;

/** Prints the error(s) and returns the exit status: 1 input, 2 usage, 70 internal, 130 cancelled. */
export function reportError(e: unknown, io: Io, style: ErrorStyle): number {
  const ours = projectErrors(e);
  if (ours && ours.length > 0) {
    const shown = ours.slice(0, MAX_SHOWN_ERRORS);
    const more = ours.length - shown.length;
    shown.forEach((err, i) => {
      if (err.code === 'E0130' && !style.json) io.err('cancelled\n');
      else if (style.json) io.err(safeJson(errorToJson(err)) + '\n');
      // A person at a terminal gets help lines wrapped to its width; a log keeps them whole.
      else io.err((i > 0 ? '\n' : '') + renderError(err, io.stdoutIsTTY ? io.columns : Infinity) + '\n');
    });
    if (style.json && more > 0) io.err(safeJson({ level: 'note', message: `and ${more} more errors`, more, total: ours.length }) + '\n');
    else if (more > 0) io.err(`\nand ${more} more errors (${ours.length} errors)\n`);
    else if (ours.length > 1 && !style.json) io.err(`\n${ours.length} errors\n`);
    if (style.debug) io.err(debugStack(e) + '\n');
    // A loop, not Math.max(...): spreading 100,000 errors as arguments overflows the stack.
    return ours.reduce((worst, x) => Math.max(worst, exitStatus(classOf(x.code))), 0);
  }
  const message = shortMessage(e instanceof Error ? e.message : String(e));
  const text = `internal error: ${message}\nThis is a bug in estimate; please report it with the command you ran${style.debug ? '' : ' (add --debug for details)'}.`;
  if (style.json) io.err(safeJson({ level: 'error', code: 'E9999', message: text }) + '\n');
  else io.err(`error[E9999]: ${sanitize(text, true)}\n`);
  if (style.debug && e instanceof Error) io.err(debugStack(e) + '\n');
  return 70;
}

/** The stack for `--debug`, escaped and cut like every other text: its first line is the message. */
function debugStack(e: unknown): string {
  return sanitize(clip(String((e as Error).stack), 20_000), true);
}
