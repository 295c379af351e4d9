/** `--digits N`: how many significant digits every shown number has (4 by default). */
import { EstimateError } from '../../diagnostics/error.js';

/** The fewest and most digits: 1 reads as an order of magnitude; beyond 15 a double has no more. */
export const MIN_DIGITS = 1;
export const MAX_DIGITS = 15;

/** The digits asked for, or undefined for the default; anything else is a usage error (E0955). */
export function digitsOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\s*\d{1,2}\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < MIN_DIGITS || n > MAX_DIGITS) {
    throw new EstimateError('E0955', `--digits must be a whole number from ${MIN_DIGITS} to ${MAX_DIGITS}, not \`${text}\``, {
      where: `--digits ${text}`,
      help: ['the number of significant digits shown: 4 (the default) reads 3,472 and 54.75 PB; 2 reads 3.5K and 55 PB'],
    });
  }
  return n;
}
