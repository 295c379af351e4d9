/** Interactive mode (filled in by the interactive issue). */
import { EstimateError } from '../../diagnostics/error.js';
import { type Io } from '../io.js';

/** Asks one question per input. */
export async function runInteractive(_template: string | undefined, _opts: object, io: Io): Promise<number> {
  if (!io.stdinIsTTY || !io.stdoutIsTTY) {
    throw new EstimateError('E0907', 'interactive mode needs a terminal', { help: ['use --set name=value instead'] });
  }
  throw new EstimateError('E0907', 'interactive mode is not available yet');
}
