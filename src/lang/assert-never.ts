/** The end of every exhaustive switch over the syntax tree: a new node kind fails to compile. */
import { EstimateError } from '../diagnostics/error.js';

/** Unreachable when the switch is exhaustive; at run time an internal error (exit 70). */
export function assertNever(x: never): never {
  throw new EstimateError('E9999', `unhandled case ${JSON.stringify((x as { kind?: unknown } | null)?.kind ?? x)}`);
}
