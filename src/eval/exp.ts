/**
 * The exponentials of the lognormal sampler, in plain IEEE 754 double arithmetic, so they give
 * the same bits on every engine and machine (ECMAScript leaves Math.exp's last bit to the engine).
 * `exp` is fdlibm's e_exp.c (Sun, 1993), error below one unit in the last place; `sampleExp`, the
 * one a lognormal draw calls, is a 128-entry table and a short polynomial: no division, small
 * enough for the compiler to inline into the sampling loop, where Math.exp (a call into C) took
 * more time than drawing the normal itself.
 */

// The constants of e_exp.c, written as there (each literal is the exact double fdlibm names).
const LN2_HI = 6.93147180369123816490e-1; // 0x3fe62e42 fee00000: k * LN2_HI is exact for |k| < 2^11
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const INV_LN2 = 1.44269504088896338700e0;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
/** Above this exp overflows; below UNDER it is 0 (fdlibm's thresholds). */
const OVER = 7.09782712893383973096e2;
const UNDER = -7.45133219101941108420e2;
/** fdlibm's branch points, which it tests on the high word: |x| > ln2 / 2, |x| < 1.5 ln2, |x| < 2^-28. */
const HALF_LN2 = highWord(0x3fd62e43);
const THREE_HALVES_LN2 = highWord(0x3ff0a2b2);
const TINY = 2 ** -28;

/**
 * 2^k for k from -1022 to 1023 (normal powers: multiplying by one is exact), by doubling and
 * halving (exact). Built on first use, as every table here: a command that draws no samples
 * does not pay for them at start-up.
 */
let pow2: Float64Array | undefined;
function powersOfTwo(): Float64Array {
  if (pow2) return pow2;
  const p = new Float64Array(2046);
  p[1022] = 1;
  for (let k = 1; k <= 1023; k++) p[1022 + k] = p[1021 + k]! * 2;
  for (let k = 1; k <= 1022; k++) p[1022 - k] = p[1023 - k]! * 0.5;
  return (pow2 = p);
}

/** e^x, as fdlibm computes it. */
export function exp(x: number): number {
  if (!(x <= OVER)) return x !== x ? x : Infinity; // NaN stays NaN
  if (x < UNDER) return 0;
  const ax = x < 0 ? -x : x;
  if (ax < HALF_LN2) {
    // No reduction: e^x = 1 - ((x c) / (c - 2) - x).
    if (ax < TINY) return 1 + x;
    const t = x * x;
    const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    return 1 - ((x * c) / (c - 2) - x);
  }
  // x = k ln2 + r with |r| <= ln2 / 2, ln2 split in two so hi - lo is r to extra precision.
  let k: number;
  let hi: number;
  let lo: number;
  if (ax < THREE_HALVES_LN2) {
    k = x < 0 ? -1 : 1;
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
  } else {
    k = (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0; // truncation, as C's (int); |k| < 1100
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
  }
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  // fdlibm adds k to the exponent; for results below 2^-1021 it scales in two steps, rounding once.
  const p = powersOfTwo();
  if (k > 1023) return y * 2 * p[k - 1 + 1022]!; // k = 1024 just below OVER
  return k >= -1021 ? y * p[k + 1022]! : y * p[k + 1000 + 1022]! * 9.33263618503218878990e-302;
}

const SHIFT = 6_755_399_441_055_744; // 1.5 · 2^52: adding and subtracting it rounds to an integer
const N_INV_LN2 = 128 * INV_LN2;
const LN2_HI_N = LN2_HI / 128; // exact (a power of two); kd · LN2_HI_N is exact for |kd| < 2^21
const LN2_LO_N = LN2_LO / 128;
/** The tables of `sampleExp`: 2^(j/128) for j from 0 to 127 and the powers of two. */
export interface ExpTables {
  readonly frac: Float64Array;
  readonly pow2: Float64Array;
}

let tables: ExpTables | undefined;

/** The tables, built on first use; 2^(j/128) by fdlibm's exp, so they too are the same everywhere. */
export function expTables(): ExpTables {
  if (tables) return tables;
  const frac = new Float64Array(128);
  for (let j = 0; j < 128; j++) frac[j] = exp((j * (LN2_HI + LN2_LO)) / 128);
  return (tables = { frac, pow2: powersOfTwo() });
}

/**
 * e^x as x = (128e + j) ln2/128 + r, |r| ≤ ln2/256: 2^e · 2^(j/128) · e^r, e^r by its Taylor
 * series to r^5 (the next term is below 10^-18). Within 2 units in the last place of `exp`; outside
 * (-700, 709), where the result nears underflow or overflow, fdlibm's `exp`. The caller passes
 * `expTables()`, fetched once before its loop.
 */
export function sampleExp(x: number, { frac, pow2: p }: ExpTables): number {
  if (!(x > -700 && x < 709)) return exp(x);
  const kd = x * N_INV_LN2 + SHIFT - SHIFT;
  const k = kd | 0;
  const r = x - kd * LN2_HI_N - kd * LN2_LO_N;
  const q = r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  const t = frac[k & 127]!;
  return (t + t * q) * p[(k >> 7) + 1022]!;
}

/** The double whose high 32 bits are `hi` and low 32 bits are 0. */
function highWord(hi: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, hi);
  return view.getFloat64(0);
}
