/** The lexer: source text to tokens, refusing malformed numbers and stray characters with a caret. */
import { EstimateError } from '../diagnostics/error.js';
import { span, type Source } from '../diagnostics/source.js';
import { EXTRA_SPACES, OPERATOR_ALIASES, OPERATORS, type Token } from './tokens.js';

const ASCII_OPERATORS: ReadonlySet<string> = new Set(OPERATORS.filter((o) => o.length === 1));

/** The longest expression accepted; longer input is refused before any work. */
export const MAX_EXPRESSION_LENGTH = 64 * 1024;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isIdentStart = (c: string | undefined) =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === 'µ' || c === 'μ');
const isIdentPart = (c: string | undefined) => isIdentStart(c) || isDigit(c) || c === '_';

// Character-code tests for the hot loop (NaN past the end is never a digit or letter).
const digitAt = (t: string, i: number) => {
  const c = t.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const identPartAt = (t: string, i: number) => {
  const c = t.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 0xb5 || c === 0x3bc;
};

/** Every token has the same shape (value 0 when unused): the lexer is the engine's hot loop. */
function token(kind: Token['kind'], text: string, start: number, end: number, value: number, spaced: boolean): Token {
  return { kind, text, start, end, value, spaced };
}

/** Splits a source into tokens (the last is `eof`). */
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
  // A stack of open parentheses: true where the parenthesis opens a function call, whose
  // commas separate arguments; elsewhere a comma between digits groups thousands (3,472).
  const parens: boolean[] = [];
  let i = 0;
  let spaced = false;
  const length = text.length;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13 || (code > 127 && EXTRA_SPACES.has(text[i]!))) {
      i++;
      spaced = true;
      continue;
    }
    if ((code >= 48 && code <= 57) || (code === 46 && digitAt(text, i + 1))) {
      const end = simpleNumberEnd(text, i);
      if (end > 0) {
        tokens.push(token('number', text.slice(i, end), i, end, plainValue(text, i, end), spaced));
        spaced = false;
        i = end;
        continue;
      }
      const inCall = parens[parens.length - 1] === true;
      const n = readNumber(src, i, !inCall);
      tokens.push(token('number', text.slice(i, n.end), i, n.end, n.value, spaced));
      spaced = false;
      i = n.end;
      continue;
    }
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 0xb5 || code === 0x3bc) {
      let j = i + 1;
      while (identPartAt(text, j)) j++;
      tokens.push(token('ident', text.slice(i, j), i, j, 0, spaced));
      spaced = false;
      i = j;
      continue;
    }
    const c = text[i]!;
    const isArrow = code === 45 && text.charCodeAt(i + 1) === 62;
    const op = isArrow ? '->' : ASCII_OPERATORS.has(c) ? c : OPERATOR_ALIASES.get(c);
    if (op) {
      const len = isArrow ? 2 : 1;
      if (op === '(') parens.push(tokens[tokens.length - 1]?.kind === 'ident');
      if (op === ')') parens.pop();
      tokens.push(token('op', op, i, i + len, 0, spaced));
      spaced = false;
      i += len;
      continue;
    }
    throw unexpectedCharacter(src, i);
  }
  tokens.push(token('eof', '', length, length, 0, spaced));
  return tokens;
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
 * The value of a plain number without a string-to-number parse: whole digits and a short
 * fraction are exact as integer / power of ten; anything longer goes through Number().
 */
function plainValue(text: string, start: number, end: number): number {
  let mantissa = 0;
  let scale = 1;
  let fraction = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      fraction = true;
      continue;
    }
    if (c < 48 || c > 57 || end - start > 15) return Number(text.slice(start, end));
    mantissa = mantissa * 10 + (c - 48);
    if (fraction) scale *= 10;
  }
  return mantissa / scale;
}

/**
 * The end of a plain number at `start` (digits, an optional fraction and exponent, and nothing
 * that needs checking after it), or -1 when `readNumber` must look closer (`_`, `,`, `1.2.3`).
 */
function simpleNumberEnd(text: string, start: number): number {
  let i = start;
  while (digitAt(text, i)) i++;
  if (text.charCodeAt(i) === 46) {
    if (!digitAt(text, i + 1)) return -1;
    i++;
    while (digitAt(text, i)) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    const sign = text.charCodeAt(i + 1);
    const first = sign === 43 || sign === 45 ? i + 2 : i + 1;
    if (digitAt(text, first)) {
      i = first;
      while (digitAt(text, i)) i++;
    }
  }
  const next = text.charCodeAt(i);
  // `_`, `,`, `.` and `'` right after a number need the careful reader.
  if (next === 95 || next === 44 || next === 46 || next === 39) return -1;
  return i;
}

/**
 * Reads a number: digits with `_` or (outside function calls) `,` thousands groups, a fraction,
 * an exponent. Refuses locale forms (`1,5`, `1.000.000`) and misplaced `_` with a caret.
 */
function readNumber(src: Source, start: number, commaGroups: boolean): { value: number; end: number } {
  const text = src.text;
  let i = start;
  let digits = '';
  const bad = (msg: string, from: number, to: number, help: string) =>
    new EstimateError('E0102', msg, { span: span(src, from, to), help: [help] });
  const readDigits = (allowUnderscore: boolean) => {
    const from = i;
    while (isDigit(text[i]) || (allowUnderscore && text[i] === '_')) {
      if (text[i] === '_' && !(isDigit(text[i - 1]) && isDigit(text[i + 1]))) {
        throw bad('misplaced `_` in a number', i, i + 1, '`_` goes between two digits: 1_000_000');
      }
      i++;
    }
    return text.slice(from, i).replaceAll('_', '');
  };
  digits = readDigits(true);
  // Thousands groups: exactly three digits after each comma, and no `_` mixed in.
  if (commaGroups && text[i] === ',' && isDigit(text[i + 1])) {
    const groupStart = i;
    let j = i;
    const groups: string[] = [];
    while (text[j] === ',' && /^\d{3}$/.test(text.slice(j + 1, j + 4)) && !isDigit(text[j + 4])) {
      groups.push(text.slice(j + 1, j + 4));
      j += 4;
    }
    const leadOk = digits.length >= 1 && digits.length <= 3 && !text.slice(start, groupStart).includes('_');
    if (groups.length > 0 && leadOk && !(text[j] === ',' && isDigit(text[j + 1]))) {
      digits += groups.join('');
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
  let literal = digits;
  if (text[i] === '.' && isDigit(text[i + 1])) {
    i++;
    literal += '.' + readDigits(true);
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
  } else if (text[i] === '.' && !isDigit(text[i + 1]) && digits !== '') {
    i++; // "5." is five
  }
  if ((text[i] === 'e' || text[i] === 'E') && (isDigit(text[i + 1]) || ((text[i + 1] === '+' || text[i + 1] === '-') && isDigit(text[i + 2])))) {
    const from = i;
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    while (isDigit(text[i])) i++;
    literal += text.slice(from, i);
  }
  if (text[i] === '_') throw bad('misplaced `_` in a number', i, i + 1, '`_` goes between two digits: 1_000_000');
  return { value: Number(literal === '' ? '0' : literal), end: i };
}
