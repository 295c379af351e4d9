/**
 * The Pratt parser: tokens to an expression tree. Grammar (docs/language.md has the prose):
 *
 *   input      = expr [ ("->" | "in" | "to") unitExpr ] EOF
 *   expr       = prefix { INFIX-OPERATOR expr | "to" rangeEnd }   binding powers from precedence.ts
 *   rangeEnd   = expr starting with a number, "-" or "$"   `200M to 400M user`, `1 to 3 MB`
 *   prefix     = "-" prefix | primary
 *   primary    = literal | NAME "(" [ expr { "," expr } ] ")" | NAME | "(" expr ")"
 *   literal    = [ "$" ] NUMBER [ "^" INT ] [ MAGNITUDE ] [ ":" NUMBER [ MAGNITUDE ] ] [ "×" ] [ "%" | "percent" | "$" ] [ unitTerm ]
 *                e.g. 300M, 1.5 billion, 100mil, 10%, 5 percent, 300 MB, $0.02, 0.02$, 10:1, 10^5 s,
 *                3× (a glued `×` before the end, `)`, `,`, `->` or a keyword is a multiplier sign;
 *                `14x` is the number and the unit `x`, which resolves to a factor of one)
 *                (`^ INT` only before a unit: `10^5 s` is (10^5) s; elsewhere `^` is the operator)
 *   unitTerm   = NAME [ "^" [ "-" ] NUMBER ]
 *   unitExpr   = [ "/" ] unitFactor { ("*" | "/" | "per") unitFactor }
 *   unitFactor = NAME [ "^" [ "-" ] NUMBER ] | "1" | "%" | "(" unitExpr ")"
 */
import { EstimateError } from '../diagnostics/error.js';
import { cover, span, type Source, type Span } from '../diagnostics/source.js';
import { type ConvertKeyword, type Expr, type UnitExpr } from './ast.js';
import { numberValue, tokenize, tokenText } from './lexer.js';
import { MAGNITUDES, PERCENT_WORD } from './magnitudes.js';
import { INFIX, KEYWORDS, PREFIX_MINUS, RANGE } from './precedence.js';
import { type Token } from './tokens.js';

/**
 * The deepest real nesting accepted (parentheses, unary minus, `^` to the right, calls): deeper
 * input is refused instead of overflowing the stack. A flat chain (`1 + 1 + … + 1`) is not
 * nesting: the parser reads it in a loop, and every later pass walks a chain's left spine in a
 * loop too (see `leftSpine` in ast.ts), so a chain is bounded only by the expression's length.
 */
export const MAX_DEPTH = 256;

/** Parses a whole expression (optionally ending in a conversion). */
export function parse(src: Source): Expr {
  return new Parser(src).parseInput();
}

/** Parses a unit expression alone (`TB/day`, `req/s`): display units in templates, `--to`. */
export function parseUnit(src: Source): UnitExpr {
  const p = new Parser(src);
  return p.parseUnitInput();
}

class Parser {
  private readonly tokens: Token[];
  /** Index of the final `eof` token. */
  private readonly last: number;
  private pos = 0;
  private nesting = 0;
  /** The powers of the unit expression being read, added up (see `weigh`). */
  private unitWeight = 0;

  constructor(private readonly src: Source) {
    this.tokens = tokenize(src);
    this.last = this.tokens.length - 1;
    if (this.last === 0) {
      throw new EstimateError('E0103', 'empty expression', {
        span: span(src, 0, src.text.length),
        help: ['write a number with its unit, such as `300M user` or `1 MB`'],
      });
    }
  }

  parseInput(): Expr {
    let expr = this.parseExpr(0);
    const t = this.peek();
    if (this.isConversion(t)) {
      this.next();
      if (t.text === 'to' && !this.startsUnit(this.peek())) {
        throw this.error('E0205', 'after `to`, expected a unit or the high end of a range', this.peek(), [
          'to convert, put a unit after `to`: `x to PB`',
          'for a range, start its high end with a number: `200M to 400M user`',
        ]);
      }
      this.unitWeight = 0;
      const target = this.parseUnitExpr();
      expr = { kind: 'convert', expr, target, keyword: t.text as ConvertKeyword, span: cover(expr.span, target.span) };
    }
    this.expectEnd();
    return expr;
  }

  parseUnitInput(): UnitExpr {
    this.unitWeight = 0;
    const u = this.parseUnitExpr();
    this.expectEnd();
    return u;
  }

  // --- expressions -------------------------------------------------------------------------

  private parseExpr(minBp: number): Expr {
    this.enter();
    let left = this.parsePrefix();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'ident' && t.text === 'to' && this.startsRangeEnd()) {
        if (RANGE.left < minBp) break;
        left = this.parseRange(left, t);
        continue;
      }
      const key = t.kind === 'op' || (t.kind === 'ident' && t.text === 'per') ? t.text : undefined;
      const info = key === undefined ? undefined : INFIX.get(key);
      if (!info || info.left < minBp) break;
      this.next();
      const right = this.parseExpr(info.right);
      left = { kind: 'binary', op: info.op, left, right, span: cover(left.span, right.span), opSpan: t };
    }
    this.nesting--;
    return left;
  }

  /** `low to high`, with `to` the current token; a range cannot be an end of another. */
  private parseRange(low: Expr, to: Token): Expr {
    if (low.kind === 'range') {
      throw this.error('E0205', 'a range cannot be chained: `a to b to c`', to, ['write one range, `a to c`, or name the parts in a template']);
    }
    this.next();
    const high = this.parseExpr(RANGE.right);
    if (high.kind === 'range') throw this.error('E0205', 'a range cannot be chained: `a to b to c`', to, ['write one range, `a to c`']);
    return { kind: 'range', low, high, span: cover(low.span, high.span), opSpan: to };
  }

  /**
   * Whether the token after `to` starts the high end of a range rather than a unit: a number,
   * `-` or `$`. (`0.5 to 1 / day` is a range per day; a conversion to a unit starting with `1`
   * is written `-> 1/s` or `to /s`.)
   */
  private startsRangeEnd(): boolean {
    const t = this.tokens[Math.min(this.pos + 1, this.last)]!;
    if (t.kind === 'op') return t.text === '-' || t.text === '$';
    return t.kind === 'number';
  }

  private parsePrefix(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && t.text === '-') {
      this.next();
      this.enter();
      const operand = this.parseExprAt(PREFIX_MINUS);
      this.nesting--;
      return { kind: 'neg', operand, span: cover(t, operand.span) };
    }
    return this.parsePrimary();
  }

  private parseExprAt(bp: number): Expr {
    return this.parseExpr(bp);
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    if (t.kind === 'number' || (t.kind === 'op' && t.text === '$')) return this.parseLiteral();
    if (t.kind === 'op' && t.text === '(') {
      this.next();
      const inner = this.parseExpr(0);
      this.closeParen(t, inner);
      return inner;
    }
    if (t.kind === 'ident' && !KEYWORDS.has(t.text)) {
      this.next();
      if (this.peekIs('(')) return this.parseCall(t);
      return { kind: 'name', name: t.text, span: t };
    }
    throw this.expectedExpression(t);
  }

  private parseCall(nameTok: Token): Expr {
    const open = this.next();
    const args: Expr[] = [];
    if (!this.peekIs(')')) {
      for (;;) {
        args.push(this.parseExpr(0));
        if (!this.peekIs(',')) break;
        this.next();
      }
    }
    const close = this.closeParen(open, args[args.length - 1]);
    return {
      kind: 'call',
      fn: nameTok.text,
      args,
      span: span(this.src, nameTok.start, close.end),
      nameSpan: nameTok,
    };
  }

  private parseLiteral(): Expr {
    const first = this.next();
    let dollar: Token | undefined;
    let num = first;
    if (first.kind === 'op') {
      dollar = first;
      num = this.next();
      if (num.kind !== 'number') throw this.error('E0201', 'expected a number after `$`', num, ['write money as `$0.02` or `0.02 USD`']);
    }
    let value = numberValue(num);
    let end = num.end;
    // `10^5 s`, `2^41 ms`: a power written before a unit binds tighter than the number and its unit.
    const power = this.powerBeforeUnit();
    if (power) {
      value = value ** power.exponent;
      end = power.end;
    }
    let after = this.peek();
    const factor = this.magnitudeAt(after);
    if (factor !== undefined) {
      this.next();
      value = scale(value, factor);
      end = after.end;
      after = this.peek();
    }
    // `10:1` and `1:200`, as sources write ratios: the quotient (10, 0.005).
    if (after.kind === 'op' && after.text === ':') {
      const ratio = this.ratioEnd(after);
      value = value / ratio.value;
      end = ratio.end;
      after = this.peek();
    }
    // `3×` at the end of an operand (readers F2): the multiplier sign of "3× faster", a factor of 3.
    if (after.kind === 'op' && after.text === '*' && after.start === end && this.src.text[after.start] === '×' && this.endsOperand(1)) {
      end = this.next().end;
      after = this.peek();
    }
    if (!Number.isFinite(value)) this.tooLarge(span(this.src, num.start, end));
    // A bare number is its token's span; a magnitude, a power, a ratio or `$` widens it.
    const amount: Expr = { kind: 'number', value, span: dollar === undefined && end === num.end ? num : span(this.src, (dollar ?? num).start, end) };
    const percentWord = after.kind === 'ident' && after.text === PERCENT_WORD && !this.peekIs('(', 1);
    if ((after.kind === 'op' && after.text === '%') || percentWord) {
      if (dollar) throw this.error('E0206', 'a percentage cannot be money', after);
      this.next();
      return { kind: 'percent', percent: value, span: span(this.src, num.start, after.end) };
    }
    // `0.02$` is `$0.02`; a `$` before another number would be a second amount, refused below.
    if (!dollar && after.kind === 'op' && after.text === '$' && this.tokens[this.pos + 1]?.kind !== 'number') {
      this.next();
      const unit: UnitExpr = { kind: 'unit', name: 'USD', span: after };
      return { kind: 'quantity', amount, unit, span: span(this.src, num.start, after.end), attached: true };
    }
    if (dollar) {
      const unit: UnitExpr = { kind: 'unit', name: 'USD', span: dollar };
      return { kind: 'quantity', amount: { ...amount, span: span(this.src, num.start, end) }, unit, span: amount.span, attached: true };
    }
    const u = after;
    if (u.kind === 'number') {
      throw this.error('E0102', 'two numbers in a row', u, [
        'group digits with `_` (1_000_000) or `,` (1,000,000), not spaces',
        'or put an operator between them',
      ]);
    }
    if (u.kind !== 'ident' || KEYWORDS.has(u.text) || this.peekIs('(', 1)) return amount;
    this.unitWeight = 0;
    const unit = this.parseUnitTerm();
    const attached = u.start === end;
    const written = this.src.text.slice(num.start, u.end);
    const digits = this.src.text.slice(num.start, end);
    if (attached && u.text === 'B') {
      // Sources write "2B users" for two billion and "2B" for two bytes: only a space decides.
      throw new EstimateError('E0303', `\`${written}\` is ambiguous: ${value} bytes or ${value} billion`, {
        span: span(this.src, num.start, u.end),
        help: [`for bytes write \`${digits} B\` (with a space)`, `for billions write \`${digits}bn\``],
      });
    }
    if (attached && u.text === 'm' && unit.kind === 'unit' && this.peekIsName(0)) {
      throw new EstimateError('E0310', `\`${written}\` is ${value} metres`, {
        span: span(this.src, num.start, u.end),
        help: [`for ${value} million write \`${digits}M\` or \`${digits}mil\``, 'for metres, put a space: `300 m`'],
      });
    }
    return { kind: 'quantity', amount, unit, span: cover(amount.span, unit.span), attached };
  }

  /** A magnitude word at `t` (`M`, `bn`, `mil`), unless it is a function's name. */
  private magnitudeAt(t: Token): number | undefined {
    const factor = t.kind === 'ident' ? MAGNITUDES.get(t.text) : undefined;
    return factor !== undefined && !this.peekIs('(', 1) ? factor : undefined;
  }

  /**
   * `^ [-] DIGITS` right after a number and before a unit (`10^5 s`), consumed; else nothing is
   * consumed and `^` stays the power operator (`2^10`, `2^3^2`).
   */
  private powerBeforeUnit(): { exponent: number; end: number } | undefined {
    if (!this.peekIs('^')) return undefined;
    const minus = this.peekIs('-', 1) ? 1 : 0;
    const exp = this.tokens[Math.min(this.pos + 1 + minus, this.last)]!;
    if (exp.kind !== 'number' || !/^[0-9]+$/.test(tokenText(exp))) return undefined;
    const unit = this.tokens[Math.min(this.pos + 2 + minus, this.last)]!;
    if (unit.kind !== 'ident' || KEYWORDS.has(unit.text) || unit.text === PERCENT_WORD || this.peekIs('(', 3 + minus)) return undefined;
    this.pos += 2 + minus;
    return { exponent: (minus ? -1 : 1) * numberValue(exp), end: exp.end };
  }

  /** The `:1` of `10:1`, with `:` the current token: the number after it (with a magnitude). */
  private ratioEnd(colon: Token): { value: number; end: number } {
    this.next();
    const t = this.peek();
    if (t.kind !== 'number') {
      throw new EstimateError('E0220', 'a ratio needs a number after `:`', { span: t.kind === 'eof' ? colon : t, help: ['write a ratio as `10:1` (ten) or `1:200` (0.005)'] });
    }
    this.next();
    let value = numberValue(t);
    let end = t.end;
    const factor = this.magnitudeAt(this.peek());
    if (factor !== undefined) {
      end = this.next().end;
      value = scale(value, factor);
    }
    if (value === 0) {
      throw new EstimateError('E0221', 'a ratio cannot end in 0', { span: span(this.src, colon.start, end), help: ['`a:b` is a / b: the number after `:` must not be 0'] });
    }
    if (this.peekIs(':')) {
      throw new EstimateError('E0220', 'a ratio has two parts', { span: this.peek(), help: ['write `a:b`; for three shares, name them in a template'] });
    }
    return { value, end };
  }

  /** Whether the token at `offset` cannot start an operand: the end, `)`, `,`, `->` or a keyword. */
  private endsOperand(offset: number): boolean {
    const t = this.tokens[Math.min(this.pos + offset, this.last)]!;
    if (t.kind === 'eof') return true;
    if (t.kind === 'op') return t.text === ')' || t.text === ',' || t.text === '->';
    return t.kind === 'ident' && KEYWORDS.has(t.text);
  }

  /** Whether the token at `offset` is a name (not a keyword, not a call). */
  private peekIsName(offset: number): boolean {
    const t = this.tokens[Math.min(this.pos + offset, this.last)]!;
    return t.kind === 'ident' && !KEYWORDS.has(t.text) && !this.peekIs('(', offset + 1);
  }

  private closeParen(open: Token, inner: Expr | undefined): Token {
    const t = this.peek();
    if (t.kind === 'op' && t.text === ')') return this.next();
    if (t.kind === 'eof') {
      throw new EstimateError('E0202', 'unclosed parenthesis', {
        span: t,
        spanLabel: 'expected `)`',
        labels: [{ span: open, text: 'opened here' }],
      });
    }
    throw this.unexpected(t, inner ? ['expected `)` or an operator'] : []);
  }

  // --- units -------------------------------------------------------------------------------

  private parseUnitTerm(): UnitExpr {
    const t = this.next();
    let u: UnitExpr = { kind: 'unit', name: t.text, span: t };
    if (this.peekIs('^')) {
      this.next();
      const exp = this.parseIntExponent();
      u = { kind: 'unitPow', base: u, exponent: exp.value, span: cover(u.span, exp.span) };
      this.weigh(Math.abs(exp.value), exp.span);
    } else {
      this.weigh(1, t);
    }
    return u;
  }

  private parseUnitExpr(): UnitExpr {
    let left: UnitExpr;
    if (this.peekIs('/')) {
      const slash = this.peek();
      left = { kind: 'unitOne', span: span(this.src, slash.start, slash.start) };
    } else {
      left = this.parseUnitFactor();
    }
    for (;;) {
      const t = this.peek();
      const isDiv = (t.kind === 'op' && t.text === '/') || (t.kind === 'ident' && t.text === 'per');
      const isMul = t.kind === 'op' && t.text === '*';
      if (!isDiv && !isMul) return left;
      this.next();
      const right = this.parseUnitFactor();
      left = { kind: isDiv ? 'unitDiv' : 'unitMul', left, right, span: cover(left.span, right.span) };
    }
  }

  private parseUnitFactor(): UnitExpr {
    const t = this.peek();
    if (t.kind === 'number' && tokenText(t) === '1') {
      this.next();
      this.weigh(1, t);
      return { kind: 'unitOne', span: t };
    }
    if (t.kind === 'op' && t.text === '%') {
      this.next();
      this.weigh(1, t);
      return { kind: 'unitPercent', span: t };
    }
    if (t.kind === 'op' && t.text === '(') {
      this.next();
      this.enter();
      const inner = this.parseUnitExpr();
      this.nesting--;
      this.closeParen(t, undefined);
      return inner;
    }
    if (t.kind === 'ident' && !KEYWORDS.has(t.text)) return this.parseUnitTerm();
    throw this.error('E0201', t.kind === 'eof' ? 'expected a unit' : `expected a unit, found \`${tokenText(t)}\``, t, [
      'a unit such as `PB`, `TB/day` or `req/s`',
    ]);
  }

  /**
   * A unit's exponent: a whole number (`s^2`, `s^-1`), or a fraction in parentheses (`s^(1/2)`,
   * `s^(-3/2)`), the form the formatter prints after a square root, so every printed unit reads back.
   */
  private parseIntExponent(): { value: number; span: Span } {
    if (this.peekIs('(')) {
      const open = this.next();
      const top = this.parseWholeExponent();
      const bottom = this.peekIs('/') ? (this.next(), this.parseWholeExponent()) : { value: 1, span: top.span };
      const close = this.peek();
      if (!this.peekIs(')')) throw this.error('E0504', 'a unit exponent in parentheses is a whole number or a fraction', close, ['write `s^(1/2)` or `s^2`']);
      this.next();
      if (bottom.value <= 0) throw new EstimateError('E0504', 'a unit exponent divides by a positive whole number', { span: bottom.span, help: ['write `s^(1/2)`'] });
      if (bottom.value > 64) throw new EstimateError('E0504', 'a unit exponent is at most a 64th', { span: bottom.span, help: ['write `s^(1/2)`'] });
      return { value: top.value / bottom.value, span: span(this.src, open.start, close.end) };
    }
    return this.parseWholeExponent();
  }

  private parseWholeExponent(): { value: number; span: Span } {
    const minus = this.peekIs('-') ? this.next() : undefined;
    const t = this.next();
    if (t.kind !== 'number' || !/^[0-9_,]+$/.test(tokenText(t))) {
      throw this.error('E0504', 'a unit takes a whole-number exponent', t, ['write `s^2`, `s^-1` or `s^(1/2)`']);
    }
    // The bound of units/dimension.ts (MAX_EXPONENT), checked here to point at the exponent.
    if (numberValue(t) > 1024) throw this.error('E0504', 'a unit exponent is at most 1024', t, ['write `s^2` or `s^-1`']);
    return { value: (minus ? -1 : 1) * numberValue(t), span: span(this.src, (minus ?? t).start, t.end) };
  }

  private startsUnit(t: Token): boolean {
    return (t.kind === 'ident' && !KEYWORDS.has(t.text)) || (t.kind === 'op' && (t.text === '/' || t.text === '%' || t.text === '(')) || (t.kind === 'number' && tokenText(t) === '1');
  }

  // --- helpers -----------------------------------------------------------------------------

  /**
   * Adds a unit term's power (at least 1) to the unit expression's total. A total over 1024
   * would pass the dimension exponent bound (units/dimension.ts MAX_EXPONENT: every unit's
   * dimension has exponents of size 1), and bounds the unit tree's height for the passes that
   * walk it recursively (20,000 `B*B/B…` overflowed the stack).
   */
  private weigh(power: number, where: Span): void {
    this.unitWeight += Math.max(1, power);
    if (this.unitWeight > 1024) {
      throw new EstimateError('E0504', 'a unit expression\'s powers add up to more than 1024', {
        span: where,
        help: ['write the unit with fewer factors, such as `B^2` for `B*B`'],
      });
    }
  }

  private enter(): void {
    if (++this.nesting > MAX_DEPTH) {
      throw new EstimateError('E0204', `expression is nested too deeply (more than ${MAX_DEPTH} levels)`, {
        span: this.peek(),
        help: ['split it into named quantities'],
      });
    }
  }

  private tooLarge(where: Span): never {
    throw new EstimateError('E0602', 'number is too large', { span: where, help: ['numbers must be below about 1.8e308'] });
  }

  private isConversion(t: Token): boolean {
    return (t.kind === 'op' && t.text === '->') || (t.kind === 'ident' && (t.text === 'in' || t.text === 'to'));
  }

  private expectEnd(): void {
    const t = this.peek();
    if (t.kind === 'eof') return;
    if (this.isConversion(t)) {
      throw this.error('E0203', 'a conversion goes at the end of the whole expression', t, [
        'convert the result: `(a + b) -> PB`',
      ]);
    }
    throw this.unexpected(t, []);
  }

  private unexpected(t: Token, help: string[]): EstimateError {
    if (t.kind === 'op' && t.text === ')') {
      return this.error('E0203', 'unexpected `)`', t, ['no `(` matches it']);
    }
    if (t.kind === 'op' && t.text === ',') {
      return this.error('E0203', 'unexpected `,`', t, [
        'the decimal separator is `.` (1.5); `,` separates function arguments and groups thousands in threes (1,000,000)',
      ]);
    }
    if (t.kind === 'number') return this.error('E0203', 'unexpected number', t, ['put an operator before it']);
    if (t.kind === 'ident') {
      return this.error('E0203', `unexpected name \`${t.text}\``, t, [
        'put an operator before it; a unit goes right after a number: `300 MB`',
        ...help,
      ]);
    }
    return this.error('E0203', `unexpected \`${tokenText(t)}\``, t, help);
  }

  private expectedExpression(t: Token): EstimateError {
    if (t.kind === 'eof') return this.error('E0201', 'expected an expression, found the end of the input', t, []);
    if (t.kind === 'op' && t.text === '%') {
      return this.error('E0206', 'a percent sign must follow a number', t, ['write `10%`, or `x * 10%`']);
    }
    if (t.kind === 'ident') return this.error('E0201', `expected an expression, found the keyword \`${t.text}\``, t, []);
    return this.error('E0201', `expected an expression, found \`${tokenText(t)}\``, t, []);
  }

  private error(code: 'E0201' | 'E0203' | 'E0205' | 'E0206' | 'E0102' | 'E0504', msg: string, t: Token, help: string[] = []): EstimateError {
    return new EstimateError(code, msg, { span: t, help });
  }

  /** The current token; `pos` never passes the final `eof`. */
  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private peekIs(op: string, offset = 0): boolean {
    const t = this.tokens[Math.min(this.pos + offset, this.last)]!;
    return t.kind === 'op' && t.text === op;
  }

  private next(): Token {
    const t = this.tokens[this.pos]!;
    if (this.pos < this.last) this.pos++;
    return t;
  }
}

/** value × 10^k without binary rounding residue (1.1 × 1e6 is exactly 1100000). */
function scale(value: number, factor: number): number {
  // Whole numbers scale exactly; only a fraction needs the decimal route.
  if (Number.isInteger(value) && Math.abs(value * factor) < Number.MAX_SAFE_INTEGER) return value * factor;
  const k = Math.round(Math.log10(factor));
  const s = String(value);
  if (10 ** k === factor && !/e/i.test(s)) return Number(`${s}e${k}`);
  return value * factor;
}
