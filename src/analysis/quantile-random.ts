/**
 * A stand-in generator that makes a distribution give its exact 5th and 95th percentiles as
 * its two "samples": every uniform draw of sample 0 is 0.05 and of sample 1 is 0.95, every
 * normal draw is ∓1.645 sd. For a range made of one distribution (`a to b`, normal, uniform,
 * triangular: each a monotone function of one draw) that is exactly its p5 and p95, with no
 * sampling cost and no sampling noise in the tornado.
 */
import { Z95 } from '../eval/distributions.js';
import { Random } from '../eval/random.js';

const Q = [0.05, 0.95] as const;

/** The generator; use it with n = 2. */
export class QuantileRandom extends Random {
  private calls = 0;

  constructor() {
    super(0);
  }

  override float(): number {
    return Q[this.calls++ % 2]!;
  }

  override fillUniform(out: Float64Array, low: number, high: number): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = low + (high - low) * Q[i % 2]!;
    return out;
  }

  override fillNormal(out: Float64Array, mean: number, sd: number): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = mean + (i % 2 === 0 ? -Z95 : Z95) * sd;
    return out;
  }

  override fillLognormal(out: Float64Array, mu: number, sigma: number): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = Math.exp(mu + (i % 2 === 0 ? -Z95 : Z95) * sigma);
    return out;
  }
}
