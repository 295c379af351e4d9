/** `--ranges`, `--samples N`, `--seed S`: checked once, turned into the engine's options. */
import { EstimateError } from '../../diagnostics/error.js';
import { DEFAULT_SAMPLES, DEFAULT_SEED, MAX_SAMPLES } from '../../eval/magnitude.js';
import { type EvaluateOptions } from '../../model/evaluate.js';

/** The flags as commander gives them. */
export interface SamplingFlags {
  readonly ranges?: boolean;
  readonly samples?: string;
  readonly seed?: string;
}

/** The largest seed: seeds are 32-bit unsigned integers (docs/uncertainty.md). */
export const MAX_SEED = 2 ** 32 - 1;

/** Checks the flags; a bad value is a usage error naming the flag. */
export function samplingOptions(flags: SamplingFlags): Required<EvaluateOptions> {
  return {
    ranges: flags.ranges === true,
    samples: flags.samples === undefined ? DEFAULT_SAMPLES : wholeNumber(flags.samples, '--samples', 'E0920', 1, MAX_SAMPLES, 'the number of samples'),
    seed: flags.seed === undefined ? DEFAULT_SEED : wholeNumber(flags.seed, '--seed', 'E0921', 0, MAX_SEED, 'the seed'),
  };
}

/**
 * A whole number written with optional `_` or `,` groups and a `k` or `M` suffix (`100k`, `1M`),
 * or in exponent form (`1e5`).
 */
function wholeNumber(text: string, flag: string, code: 'E0920' | 'E0921', min: number, max: number, what: string): number {
  const m = /^\s*([0-9][0-9_,]*)([kKM]?)\s*$/.exec(text);
  const e = /^\s*([0-9]+(?:\.[0-9]+)?[eE][0-9]{1,2})\s*$/.exec(text);
  const value = m ? Number(m[1]!.replace(/[_,]/g, '')) * (m[2] === 'M' ? 1e6 : m[2] ? 1e3 : 1) : e ? Number(e[1]) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new EstimateError(code, `${flag} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, not \`${text}\``, {
      where: `${flag} ${text}`,
      help: [
        code === 'E0920'
          ? `${what}: 10,000 (the default) gives percentiles within about 1%; 100k within about 0.3%; the cap keeps memory bounded`
          : `${what}: any whole number from 0 to ${max.toLocaleString('en-US')}; the same seed gives the same samples`,
      ],
    });
  }
  return value;
}
