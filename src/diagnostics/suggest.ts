/** Did-you-mean: the closest known names to a misspelt one. */

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  const rows: number[][] = [];
  for (let i = 0; i <= m; i++) {
    const row = new Array<number>(n + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  const first = rows[0]!;
  for (let j = 0; j <= n; j++) first[j] = j;
  for (let i = 1; i <= m; i++) {
    const row = rows[i]!;
    const prev = rows[i - 1]!;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      }
      row[j] = d;
    }
  }
  return rows[m]![n]!;
}

/**
 * Up to `max` candidates close to `name`, best first. A case-only difference counts as the
 * closest possible match; otherwise the distance may be at most a third of the name's length.
 */
export function suggest(name: string, candidates: Iterable<string>, max = 3): string[] {
  if (name.length > 64) return [];
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(name.length / 3));
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    if (c === name || c.length > 64) continue;
    const d = c.toLowerCase() === lower ? 0.5 : editDistance(name, c);
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
