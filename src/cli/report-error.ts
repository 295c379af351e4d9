/** Turns anything thrown into a message on stderr and an exit status, in one place. */
import { classOf, exitStatus } from '../diagnostics/codes.js';
import { projectErrors } from '../diagnostics/error.js';
import { errorToJson, renderError } from '../diagnostics/render.js';
import { type Io } from './io.js';

/** How errors are shown. */
export interface ErrorStyle {
  readonly json: boolean;
  readonly debug: boolean;
}

/** Prints the error(s) and returns the exit status: 1 input, 2 usage, 70 internal, 130 cancelled. */
export function reportError(e: unknown, io: Io, style: ErrorStyle): number {
  const ours = projectErrors(e);
  if (ours && ours.length > 0) {
    ours.forEach((err, i) => {
      if (err.code === 'E0130' && !style.json) io.err('cancelled\n');
      else if (style.json) io.err(JSON.stringify(errorToJson(err)) + '\n');
      else io.err((i > 0 ? '\n' : '') + renderError(err) + '\n');
    });
    if (ours.length > 1 && !style.json) io.err(`\n${ours.length} errors\n`);
    if (style.debug) io.err(String((e as Error).stack) + '\n');
    return Math.max(...ours.map((x) => exitStatus(classOf(x.code))));
  }
  const message = e instanceof Error ? e.message : String(e);
  const text = `internal error: ${message}\nThis is a bug in estimate; please report it with the command you ran${style.debug ? '' : ' (add --debug for details)'}.`;
  if (style.json) io.err(JSON.stringify({ level: 'error', code: 'E9999', message: text }) + '\n');
  else io.err(`error[E9999]: ${text}\n`);
  if (style.debug && e instanceof Error) io.err(String(e.stack) + '\n');
  return 70;
}
