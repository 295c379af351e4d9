/** Makes untrusted text safe to print: no control characters or escape sequences reach a terminal. */

/** True for code points a terminal would act on instead of showing (C0, DEL, C1, bidi controls). */
export function isControl(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069)
  );
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
  let out = '';
  for (const ch of text) {
    if (keepNewlines && ch === '\n') out += ch;
    else out += visibleChar(ch);
  }
  return out;
}

/** Terminal columns a code point takes (2 for East Asian wide characters). */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

/** Terminal columns taken by a sanitized string. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of sanitize(text)) w += charWidth(ch);
  return w;
}
