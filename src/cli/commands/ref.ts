/** `estimate ref [card]`: reference cards (filled in by the reference-cards issue). */
import { EstimateError } from '../../diagnostics/error.js';
import { type Io } from '../io.js';

/** Prints a reference card. */
export async function runRef(_card: string | undefined, _opts: object, _io: Io): Promise<number> {
  throw new EstimateError('E0908', 'reference cards are not available yet');
}
