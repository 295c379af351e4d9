/**
 * Magnitude suffixes and words that scale a number literal (`300M`, `1.5bn`, `100mil`, `2 thousand`).
 * They are part of the number syntax, so the language owns them; units/ re-exports them for
 * the checks that refuse them as unit or quantity names.
 */
export const MAGNITUDES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['K', 1e3],
  ['M', 1e6],
  // How design docs and interview notes write them: "100mil", "5 mn", "1bil", "3 tn".
  ['mil', 1e6],
  ['mn', 1e6],
  ['bn', 1e9],
  ['bil', 1e9],
  ['T', 1e12],
  ['tn', 1e12],
  // Spelled out, in any of the cases prose uses ("2 Million tweets", "MILLION"): no unit is so named.
  ...(['thousand', 'million', 'billion', 'trillion'] as const).flatMap((w, i): [string, number][] => {
    const f = 10 ** (3 * (i + 1));
    return [[w, f], [w[0]!.toUpperCase() + w.slice(1), f], [w.toUpperCase(), f]];
  }),
]);

/** The word for a percent sign (`5 percent` is 5%). */
export const PERCENT_WORD = 'percent';
