/**
 * Makes untrusted text safe to print: the one escaping rule of every output (terminal, errors,
 * Markdown, CSV, JSON). Control characters, bidi controls and invisible characters are shown as
 * escapes (`\x1b`, `\u202e`), so no escape sequence reaches a terminal, no text is reordered
 * (Trojan Source) and nothing hides between two letters.
 */

type Ranges = readonly (readonly [number, number])[];

/**
 * Code points shown as escapes: C0, DEL and C1 controls; bidi controls (U+061C, U+200E/F,
 * U+202A–202E, U+2066–2069); invisible and zero-width characters (soft hyphen, U+200B–200D,
 * word joiner and invisible operators, BOM, fillers, interlinear annotations, tag characters);
 * line and paragraph separators (U+2028/2029, which JSON leaves raw); lone surrogates.
 */
const CONTROL: Ranges = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xd800, 0xdfff],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff9, 0xfffb],
  [0x1d173, 0x1d17a],
  [0xe0000, 0xe007f],
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
// The expressions with Unicode properties (\p{Mn}) are made on first use: V8 builds each
// property's class from ICU when the expression is created, which cost ~0.6 ms of every start,
// and printable ASCII, nearly everything shown, needs none of them.
const NOTHING_TO_ESCAPE = new RegExp(`^[^${charClass(CONTROL)}]*$`, 'u');
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const narrowAndClean = once(() => new RegExp(`^[^${charClass(CONTROL)}${charClass(WIDE)}\\u{d800}-\\u{dfff}\\u{10000}-\\u{10ffff}\\p{Mn}\\p{Me}]*$`, 'u'));
/** Combining marks draw on the character before them: no column of their own. */
const combining = once(() => /^[\p{Mn}\p{Me}]$/u);

/** A function that makes its value on the first call and returns the same one afterwards. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** True for code points shown as escapes (controls, bidi controls, invisible characters, lone surrogates). */
export function isControl(cp: number): boolean {
  return inRanges(cp, CONTROL);
}

/** The visible stand-in for one code point: itself, or an escape such as `\x1b`, `\u202e`, `\u{e0041}`. */
export function visibleChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 9) return ' ';
  if (!isControl(cp)) return ch;
  if (cp <= 0xff) return '\\x' + cp.toString(16).padStart(2, '0');
  return cp <= 0xffff ? '\\u' + cp.toString(16).padStart(4, '0') : '\\u{' + cp.toString(16) + '}';
}

// JSON.stringify already escapes C0 inside strings; outside them the only C0 is the newline
// of indentation, which must stay.
const JSON_RAW = CONTROL.filter(([a]) => a > 0x1f);
const JSON_CLEAN = new RegExp(`^[^${charClass(JSON_RAW)}]*$`, 'u');
const JSON_CHAR = new RegExp(`[${charClass(JSON_RAW)}]`, 'gu');

/**
 * JSON text in which every character of the escaping rule is a `\u` escape. JSON.stringify
 * escapes C0 controls and lone surrogates but leaves DEL, C1, bidi controls, zero-width
 * characters and U+2028/2029 raw; a terminal or an editor showing the JSON would act on them.
 */
export function safeJson(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent);
  if (JSON_CLEAN.test(text)) return text;
  return text.replace(JSON_CHAR, (ch) => {
    let out = '';
    for (let i = 0; i < ch.length; i++) out += '\\u' + ch.charCodeAt(i).toString(16).padStart(4, '0');
    return out;
  });
}

/** Text with every control character shown as an escape; newlines too unless `keepNewlines`. */
export function sanitize(text: string, keepNewlines = false): string {
  if (NOTHING_TO_ESCAPE.test(text)) return text;
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (keepNewlines && ch === '\n') out += ch;
    else if (ch === ZWJ && joinsEmoji(chars[i - 1], chars[i + 1])) out += ch;
    else out += visibleChar(ch);
  }
  return out;
}

const ZWJ = '\u200d';
const pictograph = once(() => /^\p{Extended_Pictographic}$/u);
/** What may end the emoji before a joiner: the pictograph, a skin tone or the emoji presentation selector. */
const emojiEnd = once(() => /^[\p{Extended_Pictographic}\u{1f3fb}-\u{1f3ff}\ufe0f]$/u);

/**
 * A zero-width joiner between two emoji (👨‍👩‍👧, 🏳️‍🌈) draws one picture, which terminals show and
 * widths count as one: it stays. Anywhere else it only hides between letters, and is escaped.
 */
function joinsEmoji(before: string | undefined, after: string | undefined): boolean {
  return before !== undefined && after !== undefined && emojiEnd().test(before) && pictograph().test(after);
}

/** Terminal columns a code point takes (2 for East Asian wide characters, 0 for combining marks). */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x300 && combining().test(ch)) return 0;
  return inRanges(cp, WIDE) ? 2 : 1;
}

/** Terminal columns taken by a sanitized string. */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text) || narrowAndClean().test(text)) return text.length;
  let w = 0;
  for (const ch of sanitize(text)) w += charWidth(ch);
  return w;
}
