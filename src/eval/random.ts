/**
 * The seeded generator: xoshiro128** (Blackman and Vigna), seeded through splitmix32. Its state
 * and output use only 32-bit integer operations (Math.imul, shifts), so the uniform stream is the
 * same on every JavaScript engine. Normal draws use the ziggurat (Marsaglia and Tsang, 128
 * layers): one 32-bit draw and a multiply for nearly every sample. Its tables, tail and wedge use
 * Math.log and Math.exp, which ECMAScript does not bit-specify; V8 computes them in software
 * (fdlibm), so the same seed gives the same bits on every machine under the same Node/V8
 * version (docs/uncertainty.md).
 */

import { exp as expOf, expTables, sampleExp } from './exp.js';

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
   * Fills `out` with normal draws by the ziggurat method (Marsaglia and Tsang, 128 layers; tables
   * below). Nearly 99% of draws take one 32-bit integer, a table look-up and a multiply; the rest
   * fall to the wedge, or the tail beyond 3.44 standard deviations, and take more draws.
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
   * The ziggurat over the whole array, the generator's state held in locals for the loop
   * (nextU32 inlined by hand: the same steps, so the same stream) and stored back around the rare
   * slow draws, which go through `slowNormal` and the ordinary methods.
   */
  private fill(out: Float64Array, mean: number, sd: number, exp: boolean): Float64Array {
    const n = out.length;
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    // The tables fetched once, into locals for the loop.
    const { k: kk, w: ww } = ziggurat();
    const expTable = expTables();
    for (let i = 0; i < n; i++) {
      // Kept a signed 32-bit integer (no >>> 0): only its bits are read, and V8 keeps it in a register.
      const u = Math.imul(rotl(Math.imul(b, 5), 7), 9);
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      // Low 7 bits: the layer; bit 7: the sign; the high 24 bits: the position along the layer.
      const layer = u & 127;
      const m = u >>> 8;
      const sign = 1 - ((u >>> 6) & 2);
      let z: number;
      if (m < kk[layer]!) {
        z = sign * m * ww[layer]!;
      } else {
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        z = this.slowNormal(layer, m, sign);
        a = this.a;
        b = this.b;
        c = this.c;
        d = this.d;
      }
      const x = mean + sd * z;
      out[i] = exp ? sampleExp(x, expTable) : x;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return out;
  }

  /**
   * A standard normal draw whose first 32-bit integer fell outside its layer's inner rectangle:
   * the tail (layer 0, Marsaglia's 1964 method) or the wedge test, and on rejection new draws
   * until one is accepted.
   */
  private slowNormal(layer: number, m: number, sign: number): number {
    const { r: R, w: W, k: K, f: F } = ziggurat();
    for (;;) {
      if (layer === 0) {
        let x: number;
        let y: number;
        do {
          // 1 - float() lies in (0, 1]: the logarithm is finite.
          x = -Math.log(1 - this.float()) / R;
          y = -Math.log(1 - this.float());
        } while (y + y < x * x);
        return sign * (R + x);
      }
      const z = m * W[layer]!;
      const f0 = F[layer]!;
      if (f0 + this.float() * (F[layer + 1]! - f0) < expOf(-0.5 * z * z)) return sign * z;
      const u = this.nextU32();
      layer = u & 127;
      m = u >>> 8;
      sign = 1 - ((u >>> 6) & 2);
      if (m < K[layer]!) return sign * m * W[layer]!;
    }
  }
}

/**
 * The ziggurat's 128 layers of equal area V under the normal curve f(x) = exp(-x²/2) (its
 * scale does not matter): x[1] = R is where the tail starts, the base layer 0 has width V / f(R)
 * (the tail folded in), each next edge solves x[i+1] = f⁻¹(V / x[i] + f(x[i])), and x[128] = 0.
 * Computed once with fdlibm's exp (exp.ts), V8's Math.log (fdlibm in software, the same bits on
 * every machine) and Math.sqrt (exact). For layer i: W = x[i] / 2^24 (a 24-bit position times it
 * is the draw), K = the positions below 2^24 · x[i+1] / x[i] (inside the curve for sure), F = f(x[i]).
 */
interface Ziggurat {
  /** R: where the tail starts; per layer i: W = x[i] / 2^24, K = the positions inside for sure, F = f(x[i]). */
  readonly r: number;
  readonly w: Float64Array;
  readonly k: Float64Array;
  readonly f: Float64Array;
}

let tables: Ziggurat | undefined;

/** The tables, built on first use (a command that draws no samples does not pay at start-up). */
function ziggurat(): Ziggurat {
  if (tables) return tables;
  const R = 3.442619855899;
  const V = 9.91256303526217e-3;
  const f = (x: number): number => expOf(-0.5 * x * x);
  const x = new Float64Array(129);
  x[0] = V / f(R);
  x[1] = R;
  for (let i = 1; i < 127; i++) x[i + 1] = Math.sqrt(-2 * Math.log(V / x[i]! + f(x[i]!)));
  x[128] = 0;
  const w = new Float64Array(128);
  const k = new Float64Array(128);
  const fs = new Float64Array(129);
  for (let i = 0; i < 128; i++) {
    w[i] = x[i]! / 16_777_216;
    k[i] = Math.floor((16_777_216 * x[i + 1]!) / x[i]!);
    fs[i] = f(x[i]!);
  }
  fs[0] = 0; // the base layer reaches down to the axis (only the tail uses it, not the wedge)
  fs[128] = 1;
  return (tables = { r: R, w, k, f: fs });
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
