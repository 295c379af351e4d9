/**
 * Did-you-mean: the closest known names to a misspelt one. Bounded so that thousands of errors
 * stay fast: only names of a similar length are compared, at most MAX_COMPARED of them, each
 * with a banded edit distance that stops as soon as the limit is passed.
 */

/** Names longer than this get no suggestion (a 1 MB name is not a typo). */
const MAX_NAME = 64;
/** At most this many candidates of a fitting length are compared per name. */
const MAX_COMPARED = 4000;

/** The rows boundedDistance works in (grown when a longer name comes). */
let rows = new Int32Array(3 * (MAX_NAME + 2));

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a, b, Math.max(a.length, b.length));
}

/**
 * The OSA distance of `a` and `b` when it is at most `limit`, else `limit + 1`. Only the
 * diagonal band of width 2·limit+1 is computed, and a row whose every cell exceeds the limit
 * ends the search: the cost is O(len × limit), not O(len²).
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > limit) return limit + 1;
  if (m === 0 || n === 0) return Math.max(m, n);
  const big = limit + 1;
  // Three rows (two back, one back, this one) in one reused buffer: did-you-mean compares
  // thousands of names, and allocating rows per comparison was most of its cost. Only the band
  // and one cell either side of it are ever read, so nothing else is cleared.
  if (rows.length < 3 * (n + 2)) rows = new Int32Array(6 * (n + 2));
  let prev2 = 0;
  let prev = n + 2;
  let row = 2 * (n + 2);
  const first = Math.min(n, limit);
  for (let j = 0; j <= first; j++) rows[prev + j] = j;
  rows[prev + first + 1] = big;
  for (let i = 1; i <= m; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(n, i + limit);
    rows[row] = i <= limit ? i : big;
    rows[row + from - 1] = from > 1 ? big : rows[row]!;
    rows[row + to + 1] = big;
    let best = rows[row]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(rows[prev + j]! + 1, rows[row + j - 1]! + 1, rows[prev + j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, rows[prev2 + j - 2]! + 1);
      }
      if (d > big) d = big;
      rows[row + j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return big;
    const t = prev2;
    prev2 = prev;
    prev = row;
    row = t;
  }
  return Math.min(rows[prev + n]!, big);
}

/**
 * Up to `max` candidates close to `name`, best first. A case-only difference counts as the
 * closest possible match; otherwise the distance may be at most a third of the name's length.
 */
export function suggest(name: string, candidates: Iterable<string>, max = 3): string[] {
  if (name.length === 0 || name.length > MAX_NAME) return [];
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(name.length / 3));
  const scored: { c: string; d: number }[] = [];
  let compared = 0;
  for (const c of candidates) {
    if (c === name || c.length > MAX_NAME) continue;
    // A longer candidate may still start with the name (`tweet` -> `tweets_per_user`).
    const prefix = name.length >= 3 && c.length > name.length + limit && c.startsWith(name);
    if (prefix) {
      scored.push({ c, d: limit + 0.5 });
      continue;
    }
    if (Math.abs(c.length - name.length) > limit) continue;
    if (++compared > MAX_COMPARED) break;
    const d = c.length === name.length && c.toLowerCase() === lower ? 0.5 : boundedDistance(name, c, limit);
    if (d <= limit) scored.push({ c, d });
    else if (name.length >= 3 && c.startsWith(name)) scored.push({ c, d: limit + 0.5 });
  }
  scored.sort((x, y) => x.d - y.d || x.c.length - y.c.length || (x.c < y.c ? -1 : 1));
  return [...new Set(scored.map((s) => s.c))].slice(0, max);
}

/** "did you mean `a` or `b`?" or undefined. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const found = suggest(name, candidates);
  if (found.length === 0) return undefined;
  return `did you mean ${orList(found.map((s) => '`' + s + '`'))}?`;
}

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return items.slice(0, -1).join(', ') + ' or ' + items[items.length - 1];
}
