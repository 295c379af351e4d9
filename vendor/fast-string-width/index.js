'use strict';
/**
 * Terminal columns of a string, with string-width@4's API (a function, also as `.default`), so
 * an npm override can put it under cli-table3. string-width@4 builds emoji-regex's huge
 * expression on first use (most of the ~17 ms cli-table3 once cost at start-up) and still
 * miscounts ZWJ sequences and wide characters outside its list.
 *
 * The rules, per grapheme cluster as a terminal draws it:
 * - ANSI escape sequences (CSI such as colours, OSC such as hyperlinks) take 0 columns;
 * - control characters take 0;
 * - combining and enclosing marks, format characters (ZWJ, ZWSP, bidi marks), variation
 *   selectors, tag characters and Hangul medial/final jamo join the character before: 0;
 * - East Asian Wide and Fullwidth characters and emoji presentation take 2;
 * - an emoji ZWJ sequence, a flag (two regional indicators), a skin-tone modified emoji and a
 *   keycap take 2 as a whole; a character made emoji by U+FE0F takes 2;
 * - everything else, lone surrogates included (drawn as U+FFFD), takes 1.
 * No Intl.Segmenter: constructing one loads ICU break data, ~20 ms. The common case, printable
 * ASCII, is one native regular expression test and `length`.
 */

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

// CSI (ESC [ or C1 CSI) with parameters; OSC/DCS/SOS/PM/APC strings up to BEL or ST (an
// unterminated one swallows the rest, as a terminal would); any other ESC sequence.
const ANSI =
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]?/g;

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u{1160}-\u{11ff}\u{d7b0}-\u{d7ff}\u{fe00}-\u{fe0f}\u{e0000}-\u{e0fff}]$/u;
const SOFT_HYPHEN = 0xad; // Cf, but terminals draw it.
const EMOJI = /^\p{Emoji}$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
const MODIFIER_BASE = /^\p{Emoji_Modifier_Base}$/u;

// East Asian Wide (W) and Fullwidth (F), Unicode 15.1, outside the emoji that
// \p{Emoji_Presentation} already covers.
const WIDE = new RegExp(
  '^[\\p{Emoji_Presentation}' +
    [
      [0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x2e99], [0x2e9b, 0x2ef3], [0x2f00, 0x2fd5],
      [0x2ff0, 0x2fff], [0x3000, 0x303e], [0x3041, 0x3096], [0x3099, 0x30ff], [0x3105, 0x312f],
      [0x3131, 0x318e], [0x3190, 0x31e5], [0x31ef, 0x321e], [0x3220, 0x3247], [0x3250, 0x4dbf],
      [0x4e00, 0xa48c], [0xa490, 0xa4c6], [0xa960, 0xa97c], [0xac00, 0xd7a3], [0xf900, 0xfaff],
      [0xfe10, 0xfe19], [0xfe30, 0xfe52], [0xfe54, 0xfe66], [0xfe68, 0xfe6b], [0xff01, 0xff60],
      [0xffe0, 0xffe6], [0x16fe0, 0x16fe4], [0x16ff0, 0x16ff1], [0x17000, 0x187f7],
      [0x18800, 0x18cd5], [0x18d00, 0x18d08], [0x1aff0, 0x1aff3], [0x1aff5, 0x1affb],
      [0x1affd, 0x1affe], [0x1b000, 0x1b122], [0x1b132, 0x1b132], [0x1b150, 0x1b152],
      [0x1b155, 0x1b155], [0x1b164, 0x1b167], [0x1b170, 0x1b2fb], [0x1f200, 0x1f202],
      [0x1f210, 0x1f23b], [0x1f240, 0x1f248], [0x1f250, 0x1f251], [0x1f260, 0x1f265],
      [0x20000, 0x2fffd], [0x30000, 0x3fffd],
    ]
      .map(([a, b]) => `\\u{${a.toString(16)}}-\\u{${b.toString(16)}}`)
      .join('') +
    ']$',
  'u',
);

const isRegionalIndicator = (cp) => cp >= 0x1f1e6 && cp <= 0x1f1ff;
const isSkinTone = (cp) => cp >= 0x1f3fb && cp <= 0x1f3ff;
const isControl = (cp) => cp < 0x20 || (cp >= 0x7f && cp < 0xa0);

/** Columns of one code point that starts a cluster. */
function baseWidth(ch, cp) {
  if (isControl(cp)) return 0;
  if (cp < 0x7f) return 1;
  // A regional indicator alone is narrow (East Asian Width N); two make a 2-column flag.
  if (isRegionalIndicator(cp)) return 1;
  if (cp !== SOFT_HYPHEN && ZERO_WIDTH.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}

/**
 * The grapheme clusters of an ANSI-free string as a terminal draws them: a flat array of
 * text, width, text, width, ... Characters of width 0 at the very start form a cluster of
 * their own.
 */
function clusters(text) {
  const out = [];
  let cluster = '';
  let width = 0;
  let base = -1; // the code point that opened the cluster
  let afterJoiner = false;
  let flagOpen = false; // the cluster is one regional indicator waiting for its pair
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    let joins = false;
    if (base >= 0 && !isControl(cp) && !isControl(base)) {
      if (cp === 0x200d) joins = true;
      else if (cp === 0xfe0f) {
        joins = true;
        // Emoji presentation: a text-default emoji (©, ❤, a keycap digit) becomes 2 wide.
        if (width === 1 && EMOJI.test(String.fromCodePoint(base))) width = 2;
      } else if (afterJoiner && PICTOGRAPHIC.test(ch)) joins = true;
      else if (flagOpen && isRegionalIndicator(cp)) {
        joins = true;
        width = 2;
      } else if (isSkinTone(cp) && MODIFIER_BASE.test(String.fromCodePoint(base))) {
        joins = true;
        width = 2;
      } else if (cp !== SOFT_HYPHEN && cp >= 0x300 && ZERO_WIDTH.test(ch)) joins = true;
    }
    if (joins) {
      cluster += ch;
      afterJoiner = cp === 0x200d;
      if (cp !== 0x200d) flagOpen = false;
      continue;
    }
    if (cluster !== '') out.push(cluster, width);
    cluster = ch;
    base = cp;
    width = baseWidth(ch, cp);
    afterJoiner = false;
    flagOpen = isRegionalIndicator(cp);
  }
  if (cluster !== '') out.push(cluster, width);
  return out;
}

/** The string without ANSI escape sequences. */
function stripAnsi(text) {
  return text.includes('\x1b') || /[\x90-\x9f]/.test(text) ? text.replace(ANSI, '') : text;
}

/** Terminal columns the string takes (its widest line is not asked for: newlines count 0). */
function stringWidth(text) {
  if (typeof text !== 'string' || text.length === 0) return 0;
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const plain = stripAnsi(text);
  if (PRINTABLE_ASCII.test(plain)) return plain.length;
  const parts = clusters(plain);
  let width = 0;
  for (let i = 1; i < parts.length; i += 2) width += parts[i];
  return width;
}

/**
 * The longest start of an ANSI-free string that fits in `columns`, cut between clusters (never
 * inside an emoji sequence, a flag or a letter with its accents).
 */
function cutToWidth(text, columns) {
  if (PRINTABLE_ASCII.test(text)) return text.slice(0, Math.max(0, columns));
  const parts = clusters(text);
  let out = '';
  let width = 0;
  for (let i = 0; i < parts.length; i += 2) {
    if (width + parts[i + 1] > columns) break;
    out += parts[i];
    width += parts[i + 1];
  }
  return out;
}

/** The clusters of an ANSI-free string, each with its columns. */
function graphemes(text) {
  const parts = clusters(text);
  const out = [];
  for (let i = 0; i < parts.length; i += 2) out.push({ text: parts[i], width: parts[i + 1] });
  return out;
}

module.exports = stringWidth;
module.exports.default = stringWidth;
module.exports.cutToWidth = cutToWidth;
module.exports.graphemes = graphemes;
module.exports.stripAnsi = stripAnsi;
