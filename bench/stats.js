// Small statistics for the benchmark table.

/** Median, min and max of a list of numbers. */
export function summary(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1] };
}

/** "12.3 ms (min 11.0, max 15.2)". */
export function ms(st) {
  return `${st.median.toFixed(1)} ms (min ${st.min.toFixed(1)}, max ${st.max.toFixed(1)})`;
}
