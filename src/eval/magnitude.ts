/**
 * The one value type of the engine: a magnitude in base units is a number (exact) or a
 * Float64Array of N samples (uncertain). The exact path is the N = 1 case of the same kernels.
 */
import { type Random } from './random.js';

/** A value in base units: one number, or one sample per index (aligned across quantities). */
export type Magnitude = number | Float64Array;

/** The values an expression reads, by slot. */
export type Slots = ArrayLike<Magnitude>;

/** What drawing samples needs: how many, and the generator to draw them from. */
export interface Sampling {
  readonly n: number;
  readonly rng: Random;
}

/** The default number of samples (`--samples`). */
export const DEFAULT_SAMPLES = 10_000;

/**
 * The most samples a run may ask for. Every uncertain quantity keeps 8 bytes per sample, so a
 * template of 30 quantities at 2M samples holds about 500 MB; more would risk running out of memory.
 */
export const MAX_SAMPLES = 2_000_000;

/**
 * The most sample values one run may hold: uncertain values × samples. At 8 bytes each that is
 * 1.6 GB, well under the RAM of a laptop; 3,750 uncertain values at 2M samples (60 GB) once ran
 * to 11 GB before the kernel stepped in (redteam F11). Refused before anything is drawn (E0922).
 */
export const MAX_SAMPLE_VALUES = 200_000_000;

/** The default seed (`--seed`): runs are reproducible unless a seed is given. */
export const DEFAULT_SEED = 20_261_201;

/** Whether a magnitude carries samples. */
export function isSampled(m: Magnitude): m is Float64Array {
  return typeof m !== 'number';
}

/**
 * How a sample array was computed from another by one non-decreasing function of each sample
 * (`2 * x`, `x + c`, `ceil(x)`): y[i] = f(x[i]) for every i, with f applied exactly as the
 * kernel did. Its order statistics are then f of the source's, bit for bit (rounding is
 * monotone), so a summary selects once per source instead of once per array.
 */
export interface Derivation {
  readonly source: Float64Array;
  readonly f: (x: number) => number;
}

/** Weak: an array's derivation goes when the array does. */
const derivations = new WeakMap<Float64Array, Derivation>();

/**
 * Records (and says whether it could) that `out[i] = f(from[i])` for every i, with f non-decreasing; chains compose to the
 * first source. When `out` is `from` overwritten (a temporary reused), only a derivation from an
 * earlier source still holds; the old samples themselves are gone.
 */
export function derive(out: Float64Array, from: Float64Array, f: (x: number) => number): boolean {
  const d = derivations.get(from);
  if (d) derivations.set(out, { source: d.source, f: (x) => f(d.f(x)) });
  else if (out !== from) derivations.set(out, { source: from, f });
  else return false;
  return true;
}

/** Forgets how an array was derived: a temporary overwritten by an operation that records none. */
export function overwritten(xs: Float64Array): void {
  derivations.delete(xs);
}

/** The derivation recorded for an array, if any. */
export function derivationOf(xs: Float64Array): Derivation | undefined {
  return derivations.get(xs);
}
