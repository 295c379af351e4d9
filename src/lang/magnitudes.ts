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
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);

/** The word for a percent sign (`5 percent` is 5%). */
export const PERCENT_WORD = 'percent';
