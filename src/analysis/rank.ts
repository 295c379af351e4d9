/** Spearman's rank correlation of two aligned sample sets (ties share their mean rank). */

/** The ranks of a sample set, 1-based; tied values get the mean of their ranks. */
export function ranks(xs: ArrayLike<number>): Float64Array {
  const n = xs.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  const r = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && xs[order[j + 1]!] === xs[order[i]!]) j++;
    const mean = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[order[k]!] = mean;
    i = j + 1;
  }
  return r;
}

/** Spearman's rho in [-1, 1]; 0 when either set is constant. */
export function rankCorrelation(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const a = ranks(xs);
  const b = ranks(ys);
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? 0 : Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}
