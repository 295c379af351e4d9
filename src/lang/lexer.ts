/** The lexer: source text to tokens, refusing malformed numbers and stray characters with a caret. */
import { EstimateError } from '../diagnostics/error.js';
import { span, type Source } from '../diagnostics/source.js';
import { EXTRA_SPACES, OPERATOR_ALIASES, OPERATORS, type Token } from './tokens.js';

/** The longest expression accepted; longer input is refused before any work. */
export const MAX_EXPRESSION_LENGTH = 64 * 1024;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isIdentStart = (c: string | undefined) =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === 'µ' || c === 'μ');
const isIdentPart = (c: string | undefined) => isIdentStart(c) || isDigit(c) || c === '_';

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
  const push = (t: Omit<Token, 'spaced'>) => {
    tokens.push({ ...t, spaced });
    spaced = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || EXTRA_SPACES.has(c)) {
      i++;
      spaced = true;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1]))) {
      const inCall = parens[parens.length - 1] === true;
      const n = readNumber(src, i, !inCall);
      push({ kind: 'number', text: text.slice(i, n.end), start: i, end: n.end, value: n.value });
      i = n.end;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (isIdentPart(text[j])) j++;
      push({ kind: 'ident', text: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    const two = text.slice(i, i + 2);
    const op = OPERATORS.find((o) => o === two || o === c) ?? OPERATOR_ALIASES.get(c);
    if (op) {
      const len = op === '->' && two === '->' ? 2 : 1;
      if (op === '(') parens.push(tokens[tokens.length - 1]?.kind === 'ident');
      if (op === ')') parens.pop();
      push({ kind: 'op', text: op, start: i, end: i + len });
      i += len;
      continue;
    }
    throw unexpectedCharacter(src, i);
  }
  tokens.push({ kind: 'eof', text: '', start: text.length, end: text.length, spaced });
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
