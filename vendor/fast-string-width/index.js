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

// The expressions below are made on first use: V8 builds a Unicode property class (\p{...})
// from ICU when the expression is created, about 1 ms at start-up for all of them, and
// printable ASCII, the common case, needs none.
/** A function that makes its value on the first call and returns the same one afterwards. */
const once = (make) => {
  let value;
  return () => (value ??= make());
};
const ZERO_WIDTH = once(() => /^[\p{Mn}\p{Me}\p{Cf}\u{1160}-\u{11ff}\u{d7b0}-\u{d7ff}\u{fe00}-\u{fe0f}\u{e0000}-\u{e0fff}]$/u);
const EMOJI = once(() => /^\p{Emoji}$/u);
const PICTOGRAPHIC = once(() => /^\p{Extended_Pictographic}$/u);
const MODIFIER_BASE = once(() => /^\p{Emoji_Modifier_Base}$/u);

// East Asian Wide (W) and Fullwidth (F), Unicode 15.1, outside the emoji that
// \p{Emoji_Presentation} already covers.
const WIDE = once(() => new RegExp(
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
));

const isRegionalIndicator = (cp) => cp >= 0x1f1e6 && cp <= 0x1f1ff;
const isSkinTone = (cp) => cp >= 0x1f3fb && cp <= 0x1f3ff;
const isControl = (cp) => cp < 0x20 || (cp >= 0x7f && cp < 0xa0);

/** Columns of one code point that starts a cluster. */
function baseWidth(cp) {
  if (isControl(cp)) return 0;
  // Fast answers for the common scripts, before any regular expression.
  if (cp < 0x300) return 1;
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7a3)) return 2;
  // A regional indicator alone is narrow (East Asian Width N); two make a 2-column flag.
  if (isRegionalIndicator(cp)) return 1;
  const ch = String.fromCodePoint(cp);
  if (ZERO_WIDTH().test(ch)) return 0;
  return WIDE().test(ch) ? 2 : 1;
}

/** Whether `cp` joins the cluster that `base` opened (and what the cluster is then worth). */
function joins(cp, base, state) {
  if (isControl(cp) || isControl(base)) return false;
  if (cp === 0x200d) return true;
  if (cp < 0x300) return false;
  if (cp === 0xfe0f) {
    // Emoji presentation: a text-default emoji (©, ❤, a keycap digit) becomes 2 wide.
    if (state.width === 1 && EMOJI().test(String.fromCodePoint(base))) state.width = 2;
    return true;
  }
  if (state.afterJoiner && PICTOGRAPHIC().test(String.fromCodePoint(cp))) return true;
  if (state.flagOpen && isRegionalIndicator(cp)) {
    state.width = 2;
    return true;
  }
  if (isSkinTone(cp) && MODIFIER_BASE().test(String.fromCodePoint(base))) {
    state.width = 2;
    return true;
  }
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7a3)) return false;
  return ZERO_WIDTH().test(String.fromCodePoint(cp));
}

/**
 * Calls `visit(start, end, width)` for each grapheme cluster of an ANSI-free string, as a
 * terminal draws it. Characters of width 0 at the very start form a cluster of their own.
 */
function forEachCluster(text, visit) {
  const state = { width: 0, afterJoiner: false, flagOpen: false };
  let start = 0;
  let base = -1; // the code point that opened the cluster
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    const size = cp > 0xffff ? 2 : 1;
    if (base >= 0 && joins(cp, base, state)) {
      state.afterJoiner = cp === 0x200d;
      if (cp !== 0x200d) state.flagOpen = false;
    } else {
      if (base >= 0) visit(start, i, state.width);
      start = i;
      base = cp;
      state.width = baseWidth(cp);
      state.afterJoiner = false;
      state.flagOpen = isRegionalIndicator(cp);
    }
    i += size;
  }
  if (base >= 0) visit(start, text.length, state.width);
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
  let width = 0;
  forEachCluster(plain, (start, end, w) => {
    width += w;
  });
  return width;
}

/**
 * The longest start of an ANSI-free string that fits in `columns`, cut between clusters (never
 * inside an emoji sequence, a flag or a letter with its accents).
 */
function cutToWidth(text, columns) {
  if (PRINTABLE_ASCII.test(text)) return text.slice(0, Math.max(0, columns));
  let width = 0;
  let cut = 0;
  let full = false;
  forEachCluster(text, (start, end, w) => {
    if (full || width + w > columns) {
      full = true;
      return;
    }
    width += w;
    cut = end;
  });
  return text.slice(0, cut);
}

/** The clusters of an ANSI-free string, each with its columns. */
function graphemes(text) {
  const out = [];
  forEachCluster(text, (start, end, width) => out.push({ text: text.slice(start, end), width }));
  return out;
}

module.exports = stringWidth;
module.exports.default = stringWidth;
module.exports.cutToWidth = cutToWidth;
module.exports.graphemes = graphemes;
module.exports.stripAnsi = stripAnsi;
