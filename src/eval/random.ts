/**
 * The seeded generator: xoshiro128** (Blackman and Vigna), seeded through splitmix32. Its state
 * and output use only 32-bit integer operations (Math.imul, shifts), so the uniform stream is the
 * same on every JavaScript engine. Normal draws use Marsaglia's polar form of Box–Muller (both
 * outputs of each pair used, no sine or cosine), which calls Math.log and Math.sqrt: Math.log is
 * not bit-specified by ECMAScript, so the same seed gives the same bits on the same Node/V8
 * version (docs/uncertainty.md).
 */

/** A stream of pseudo-random numbers; `stream` separates independent streams of one seed. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    // splitmix32 over the seed's two 32-bit halves and the stream number: any seed, even 0,
    // gives a well-mixed non-zero state.
    let x = (seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b9);
    const high = Math.floor(seed / 2 ** 32) >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x ^ high;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
  }

  /** The next 32-bit unsigned integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits (exact integer arithmetic). */
  float(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67_108_864 + lo) / 9_007_199_254_740_992;
  }

  /** Fills `out` with uniform draws in [low, high). */
  fillUniform(out: Float64Array, low: number, high: number): Float64Array {
    const w = high - low;
    for (let i = 0; i < out.length; i++) out[i] = low + w * this.float();
    return out;
  }

  /**
   * Fills `out` with normal draws: Marsaglia's polar method, a point (u, v) uniform in the unit
   * disc (about 21% of candidates are rejected) gives two independent normals. Each coordinate
   * takes one 32-bit draw.
   */
  fillNormal(out: Float64Array, mean: number, sd: number): Float64Array {
    return this.fill(out, mean, sd, false);
  }

  /**
   * Fills `out` with lognormal draws, exp of the normal draws `fillNormal` would give (the same
   * bits), in the same pass: no second sweep over the array.
   */
  fillLognormal(out: Float64Array, mu: number, sigma: number): Float64Array {
    return this.fill(out, mu, sigma, true);
  }

  /**
   * The polar method over the whole array, the generator's state held in locals for the loop
   * (nextU32 inlined by hand: the same steps, so the same stream) and stored back at the end.
   */
  private fill(out: Float64Array, mean: number, sd: number, exp: boolean): Float64Array {
    const n = out.length;
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    let i = 0;
    while (i < n) {
      let r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      let t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      const u = r * 4.656612873077393e-10 - 1; // 2^-31: [-1, 1)
      r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      const v = r * 4.656612873077393e-10 - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const m = sd * Math.sqrt((-2 * Math.log(s)) / s);
      const x = mean + u * m;
      out[i++] = exp ? Math.exp(x) : x;
      if (i < n) {
        const y = mean + v * m;
        out[i++] = exp ? Math.exp(y) : y;
      }
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return out;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
