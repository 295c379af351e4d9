/** The lexer: source text to tokens, refusing malformed numbers and stray characters with a caret. */
import { EstimateError } from '../diagnostics/error.js';
import { span, type Source } from '../diagnostics/source.js';
import { EXTRA_SPACES, NUMBER_TEXT, OPERATOR_ALIASES, OPERATORS, type Token } from './tokens.js';

/** The longest expression accepted; longer input is refused before any work. */
export const MAX_EXPRESSION_LENGTH = 64 * 1024;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isIdentStart = (c: string | undefined) =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === 'µ' || c === 'μ');
const isIdentPart = (c: string | undefined) => isIdentStart(c) || isDigit(c) || c === '_';

// Character-code tests for the hot loop. Reads past the end return -1 instead of charCodeAt's
// NaN: V8 leaves optimized code on an out-of-bounds read, and that made lexing 17% slower.
const codeAt = (t: string, i: number): number => (i < t.length ? t.charCodeAt(i) : -1);
const digitAt = (t: string, i: number) => {
  const c = codeAt(t, i);
  return c >= 48 && c <= 57;
};
const identPartAt = (t: string, i: number) => {
  const c = codeAt(t, i);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 0xb5 || c === 0x3bc;
};

/** One-character operators by character code (`-` may also start `->`). */
const ASCII_OPERATORS: readonly (string | undefined)[] = (() => {
  const table: (string | undefined)[] = new Array<string | undefined>(128).fill(undefined);
  for (const o of OPERATORS) if (o.length === 1) table[o.charCodeAt(0)] = o;
  return table;
})();

/**
 * The parenthesis stack, shared by every call of `tokenize` (which never runs inside another):
 * a new array per expression cost more than lexing `(1)` itself.
 */
const OPEN_IS_CALL: boolean[] = [];

/**
 * Splits a source into tokens (the last is `eof`). This is the engine's hot loop: one pass per
 * character, one object of one shape per token, no string made for numbers and operators.
 */
export function tokenize(src: Source): Token[] {
  const text = src.text;
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new EstimateError(
      'E0104',
      `expression is too long (${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_EXPRESSION_LENGTH.toLocaleString('en-US')})`,
      { span: span(src, 0, 0) },
    );
  }
  const tokens: Token[] = [];
  // Open parentheses, innermost at `open - 1` of OPEN_IS_CALL: true where it opens a function
  // call, whose commas separate arguments; elsewhere a comma between digits groups thousands.
  let open = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13 || (code > 127 && EXTRA_SPACES.has(text[i]!))) {
      i++;
      continue;
    }
    if ((code >= 48 && code <= 57) || (code === 46 && digitAt(text, i + 1))) {
      let end = simpleNumberEnd(text, i);
      if (end < 0) end = readNumber(src, i, !(open > 0 && OPEN_IS_CALL[open - 1] === true));
      tokens.push({ kind: 'number', text: NUMBER_TEXT, start: i, end, source: src });
      i = end;
      continue;
    }
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 0xb5 || code === 0x3bc) {
      let j = i + 1;
      while (identPartAt(text, j)) j++;
      // A dotted name (`price.object_storage`, `cdn.monthly_cost`): a price from the catalogue or
      // a sub-model's quantity. The dot must be followed by a letter: `1.5` stays a number.
      while (codeAt(text, j) === 46 && isIdentStart(text[j + 1])) {
        j += 2;
        while (identPartAt(text, j)) j++;
      }
      tokens.push({ kind: 'ident', text: text.slice(i, j), start: i, end: j, source: src });
      i = j;
      continue;
    }
    const isArrow = code === 45 && codeAt(text, i + 1) === 62;
    const op = isArrow ? '->' : code < 128 ? ASCII_OPERATORS[code] : OPERATOR_ALIASES.get(text[i]!);
    if (op) {
      const len = isArrow ? 2 : 1;
      if (op === '(') OPEN_IS_CALL[open++] = tokens.length > 0 && tokens[tokens.length - 1]!.kind === 'ident';
      else if (op === ')' && open > 0) open--;
      tokens.push({ kind: 'op', text: op, start: i, end: i + len, source: src });
      i += len;
      continue;
    }
    throw unexpectedCharacter(src, i);
  }
  tokens.push({ kind: 'eof', text: '', start: length, end: length, source: src });
  return tokens;
}

/** The text of any token as written (numbers keep theirs only in the source). */
export function tokenText(t: Token): string {
  return t.kind === 'number' ? t.source.text.slice(t.start, t.end) : t.text;
}

function unexpectedCharacter(src: Source, i: number): EstimateError {
  const text = src.text;
  const cp = text.codePointAt(i) ?? 0;
  const ch = String.fromCodePoint(cp);
  const where = { span: span(src, i, i + ch.length) };
  const code = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  if (cp >= 0xff10 && cp <= 0xff19) {
    return new EstimateError('E0101', `full-width digit \`${ch}\` (${code})`, {
      ...where,
      help: [`write the ASCII digit ${cp - 0xff10}`],
    });
  }
  if (ch === "'" && isDigit(text[i - 1]) && isDigit(text[i + 1])) {
    return new EstimateError('E0102', "`'` cannot group digits", {
      ...where,
      help: ['group digits with `_` (1_000_000) or write them together (1000000)'],
    });
  }
  if (ch === '~' || ch === '≈') {
    // Sources mark rounded figures so ("~10 KB", "≈ 10^5"); every figure here is one already.
    return new EstimateError('E0101', `\`${ch}\` (approximately) is not part of an expression`, {
      ...where,
      help: ['drop it and write the number alone: `10 KB`; a `book:` figure may keep it (`book: ~10 KB`)'],
    });
  }
  if (ch === '_' && isIdentPart(text[i + 1])) {
    return new EstimateError('E0102', 'a number or name cannot start with `_`', where);
  }
  const shown = cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? code : `\`${ch}\` (${code})`;
  return new EstimateError('E0101', `unexpected character ${shown}`, {
    ...where,
    help: ['expressions use numbers, units, names, + - * / ^, parentheses and `->` for conversion'],
  });
}

/**
 * The end of a plain number at `start` (digits, an optional fraction and exponent, and nothing
 * that needs checking after it), or -1 when `readNumber` must look closer (`_`, `,`, `1.2.3`).
 */
function simpleNumberEnd(text: string, start: number): number {
  let i = start;
  while (digitAt(text, i)) i++;
  if (codeAt(text, i) === 46) {
    if (!digitAt(text, i + 1)) return -1;
    i++;
    while (digitAt(text, i)) i++;
  }
  const e = codeAt(text, i);
  if (e === 101 || e === 69) {
    const sign = codeAt(text, i + 1);
    const first = sign === 43 || sign === 45 ? i + 2 : i + 1;
    if (digitAt(text, first)) {
      i = first;
      while (digitAt(text, i)) i++;
    }
  }
  const next = codeAt(text, i);
  // `_`, `,`, `.` and `'` right after a number need the careful reader.
  if (next === 95 || next === 44 || next === 46 || next === 39) return -1;
  return i;
}

/**
 * The value of a number token. Up to 15 digits and a point are exact as integer / power of ten
 * (both exact, so the quotient is the correctly rounded value); anything else goes through
 * Number() with its digit groups removed. Tokens keep no value: their fields stay small integers
 * and strings, and the tree holds on to them as spans.
 */
export function numberValue(t: Token): number {
  const text = t.source.text;
  let mantissa = 0;
  let scale = 1;
  let fraction = false;
  for (let i = t.start; i < t.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) fraction = true;
    else if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      if (fraction) scale *= 10;
    } else {
      // An exponent (no digit groups before it: they would have ended the loop first), or
      // digit groups, which Number() does not read.
      const literal = text.slice(t.start, t.end);
      return Number(c === 95 || c === 44 ? literal.replace(/[_,]/g, '') : literal);
    }
  }
  return t.end - t.start <= 15 ? mantissa / scale : Number(text.slice(t.start, t.end));
}

/**
 * Reads a number the careful way: digits with `_` or (outside function calls) `,` thousands
 * groups, a fraction, an exponent. Refuses locale forms (`1,5`, `1.000.000`) and misplaced `_`
 * with a caret. Returns where the number ends.
 */
function readNumber(src: Source, start: number, commaGroups: boolean): number {
  const text = src.text;
  let i = start;
  const bad = (msg: string, from: number, to: number, help: string) =>
    new EstimateError('E0102', msg, { span: span(src, from, to), help: [help] });
  const skipDigits = () => {
    while (isDigit(text[i]) || text[i] === '_') {
      if (text[i] === '_' && !(isDigit(text[i - 1]) && isDigit(text[i + 1]))) {
        throw bad('misplaced `_` in a number', i, i + 1, '`_` goes between two digits: 1_000_000');
      }
      i++;
    }
  };
  skipDigits();
  const whole = i;
  // Thousands groups: exactly three digits after each comma, and no `_` mixed in.
  if (commaGroups && text[i] === ',' && isDigit(text[i + 1])) {
    let j = i;
    let groups = 0;
    while (text[j] === ',' && /^\d{3}$/.test(text.slice(j + 1, j + 4)) && !isDigit(text[j + 4])) {
      groups++;
      j += 4;
    }
    const lead = text.slice(start, whole);
    const leadOk = lead.length >= 1 && lead.length <= 3 && !lead.includes('_');
    if (groups > 0 && leadOk && !(text[j] === ',' && isDigit(text[j + 1]))) {
      i = j;
    } else {
      let end = j + 1;
      while (isDigit(text[end]) || text[end] === ',' || text[end] === '.') end++;
      throw bad(
        `\`${text.slice(start, end)}\` is not a number here`,
        start,
        end,
        'the decimal separator is `.` (1.5); group thousands with `,` in threes (1,000,000) or with `_` (1_000_000)',
      );
    }
  }
  if (text[i] === '.' && isDigit(text[i + 1])) {
    i++;
    skipDigits();
    if (text[i] === '.' && isDigit(text[i + 1])) {
      let end = i;
      while (isDigit(text[end]) || text[end] === '.') end++;
      throw bad(
        `\`${text.slice(start, end)}\` has more than one decimal point`,
        start,
        end,
        'the decimal separator is `.` and thousands are grouped with `_` or `,`: 1_000_000 or 1,000,000',
      );
    }
  } else if (text[i] === '.' && !isDigit(text[i + 1]) && whole > start) {
    i++; // "5." is five
  }
  if ((text[i] === 'e' || text[i] === 'E') && (isDigit(text[i + 1]) || ((text[i + 1] === '+' || text[i + 1] === '-') && isDigit(text[i + 2])))) {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    while (isDigit(text[i])) i++;
  }
  if (text[i] === '_') throw bad('misplaced `_` in a number', i, i + 1, '`_` goes between two digits: 1_000_000');
  return i;
}
