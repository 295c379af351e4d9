/** Makes untrusted text safe to print: no control characters or escape sequences reach a terminal. */

type Ranges = readonly (readonly [number, number])[];

/** Code points a terminal would act on instead of showing: C0, DEL, C1, bidi controls. */
const CONTROL: Ranges = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];

/** East Asian wide characters and emoji: two terminal columns each. */
const WIDE: Ranges = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1faff],
  [0x20000, 0x3fffd],
];

const inRanges = (cp: number, ranges: Ranges): boolean => ranges.some(([a, b]) => cp >= a && cp <= b);
const charClass = (ranges: Ranges): string => ranges.map(([a, b]) => `\\u{${a.toString(16)}}-\\u{${b.toString(16)}}`).join('');

// The common case, tested by one native regular expression made from the same tables: nearly
// every string printed needs no escape and is one column per character. A loop per character
// runs in the interpreter at start-up and cost ~4 ms of `estimate twitter`.
const NOTHING_TO_ESCAPE = new RegExp(`^[^${charClass(CONTROL)}]*$`, 'u');
const NARROW_AND_CLEAN = new RegExp(`^[^${charClass(CONTROL)}${charClass(WIDE)}\\u{d800}-\\u{dfff}\\u{10000}-\\u{10ffff}]*$`, 'u');

/** True for code points a terminal would act on instead of showing (C0, DEL, C1, bidi controls). */
export function isControl(cp: number): boolean {
  return inRanges(cp, CONTROL);
}

/** The visible stand-in for one code point: itself, or an escape such as `\x1b`. */
export function visibleChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 9) return ' ';
  if (!isControl(cp)) return ch;
  return cp <= 0xff ? '\\x' + cp.toString(16).padStart(2, '0') : '\\u' + cp.toString(16).padStart(4, '0');
}

/** Text with every control character shown as an escape; newlines too unless `keepNewlines`. */
export function sanitize(text: string, keepNewlines = false): string {
  if (NOTHING_TO_ESCAPE.test(text)) return text;
  let out = '';
  for (const ch of text) {
    if (keepNewlines && ch === '\n') out += ch;
    else out += visibleChar(ch);
  }
  return out;
}

/** Terminal columns a code point takes (2 for East Asian wide characters). */
export function charWidth(ch: string): number {
  return inRanges(ch.codePointAt(0) ?? 0, WIDE) ? 2 : 1;
}

/** Terminal columns taken by a sanitized string. */
export function displayWidth(text: string): number {
  if (NARROW_AND_CLEAN.test(text)) return text.length;
  let w = 0;
  for (const ch of sanitize(text)) w += charWidth(ch);
  return w;
}
