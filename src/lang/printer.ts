/** Prints trees back to text: canonical source (parses to the same tree) and s-expressions for tests. */
import { type Expr, type UnitExpr } from './ast.js';
import { BINARY_PRECEDENCE } from './precedence.js';
import { leftSpine, type Binary } from './spine.js';

/** A number literal that the lexer reads back to the same value. */
export function printNumber(n: number): string {
  return String(n);
}

/** Canonical text of a unit expression. */
export function printUnit(u: UnitExpr): string {
  switch (u.kind) {
    case 'unit':
      return u.name;
    case 'unitOne':
      return '1';
    case 'unitPercent':
      return '%';
    case 'unitPow':
      return `${printUnitFactor(u.base)}^${exponentText(u.exponent)}`;
    case 'unitMul':
      return `${printUnit(u.left)}*${printUnitFactor(u.right)}`;
    case 'unitDiv':
      return `${u.left.kind === 'unitOne' && u.left.span.start === u.left.span.end ? '' : printUnit(u.left)}/${printUnitFactor(u.right)}`;
  }
}

/** A quantity, or minus signs before one: right of `^` it needs parentheses (`2 ^ (-3 MB)`). */
function startsWithQuantity(e: Expr): boolean {
  return e.kind === 'quantity' || (e.kind === 'neg' && startsWithQuantity(e.operand));
}

function printUnitFactor(u: UnitExpr): string {
  return u.kind === 'unitMul' || u.kind === 'unitDiv' ? `(${printUnit(u)})` : printUnit(u);
}

/** How `print` shows names and operators (the explanation substitutes values for names). */
export interface PrintOptions {
  /** Text to show instead of a name, or undefined to keep the name. */
  readonly substitute?: (name: string) => string | undefined;
  /** Show literals as the user wrote them (`300M`, not 300000000). */
  readonly asWritten?: boolean;
  /** The multiplication sign (`*`, or `×` for people). */
  readonly times?: string;
}

/** Canonical text of an expression, with only the parentheses the grammar needs. */
export function print(e: Expr, o: PrintOptions = {}): string {
  const written = () => e.span.source.text.slice(e.span.start, e.span.end);
  switch (e.kind) {
    case 'number':
      return o.asWritten ? written() : printNumber(e.value);
    case 'percent':
      return o.asWritten ? written() : `${printNumber(e.percent)}%`;
    case 'name':
      return o.substitute?.(e.name) ?? e.name;
    case 'quantity':
      return o.asWritten ? written() : `${print(e.amount, o)} ${printUnit(e.unit)}`;
    case 'neg':
      return `-${wrap(e.operand, (e.operand.kind === 'binary' && e.operand.op !== '^') || e.operand.kind === 'range', o)}`;
    case 'binary':
      return printChain(e, o);
    case 'range':
      return `${wrap(e.low, rangeEndNeedsParens(e.low), o)} to ${wrap(e.high, rangeEndNeedsParens(e.high), o)}`;
    case 'call':
      return `${e.fn}(${e.args.map((a) => print(a, o)).join(', ')})`;
    case 'convert':
      return `${print(e.expr, o)} ${e.keyword} ${printUnit(e.target)}`;
  }
}

/**
 * A chain `a + b - c`, down its left spine in a loop (lang/spine.ts): pieces are joined once, and
 * the parentheses a left operand needs all open at the very start, since each wraps everything
 * printed before it.
 */
function printChain(e: Binary, o: PrintOptions): string {
  const { base, steps } = leftSpine(e);
  const pieces: string[] = [];
  let opens = 0;
  for (const s of steps) {
    const p = BINARY_PRECEDENCE[s.op];
    const rightAssoc = s.op === '^';
    const parens = needsParens(s.left, p, rightAssoc ? 'tighter' : 'same-ok') || (rightAssoc && (s.left.kind === 'neg' || s.left.kind === 'quantity'));
    if (s === steps[0]) pieces.push(wrap(base, parens, o));
    else if (parens) {
      opens++;
      pieces.push(')');
    }
    // `2 ^ (3 MB)` keeps its parentheses: `2 ^ 3 MB` reads as (2^3) MB, a power before a unit.
    const right = wrap(s.right, needsParens(s.right, p, rightAssoc ? 'same-ok' : 'tighter') || (rightAssoc && startsWithQuantity(s.right)), o);
    pieces.push(` ${s.op === '*' ? (o.times ?? '*') : s.op} `, right);
  }
  return '('.repeat(opens) + pieces.join('');
}

/** A range end binds tighter than `to` (RANGE in precedence.ts): only `^` needs no parentheses. */
function rangeEndNeedsParens(end: Expr): boolean {
  return end.kind === 'convert' || end.kind === 'range' || (end.kind === 'binary' && end.op !== '^');
}

function needsParens(child: Expr, parent: number, rule: 'tighter' | 'same-ok'): boolean {
  if (child.kind === 'convert') return true;
  // Always in parentheses beside an operator: `(1 to 2) / 3` printed bare would read `1 to 2 / 3`.
  if (child.kind === 'range') return parent > 0;
  if (child.kind !== 'binary') return false;
  const p = BINARY_PRECEDENCE[child.op];
  return rule === 'tighter' ? p <= parent : p < parent;
}

function wrap(e: Expr, parens: boolean, o: PrintOptions): string {
  return parens ? `(${print(e, o)})` : print(e, o);
}

/** An s-expression of the tree: `(+ 1 (q 300000000 MB))`. */
export function sexpr(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return printNumber(e.value);
    case 'percent':
      return `${printNumber(e.percent)}%`;
    case 'name':
      return e.name;
    case 'quantity':
      return `(q ${sexpr(e.amount)} ${sunit(e.unit)})`;
    case 'neg':
      return `(neg ${sexpr(e.operand)})`;
    case 'binary': {
      // Down a chain's left spine in a loop (lang/spine.ts): `(op ` for each step, outermost first.
      const { base, steps } = leftSpine(e);
      const heads = steps.map((s) => `(${s.op} `).reverse();
      return heads.join('') + sexpr(base) + steps.map((s) => ` ${sexpr(s.right)})`).join('');
    }
    case 'range':
      return `(to ${sexpr(e.low)} ${sexpr(e.high)})`;
    case 'call':
      return `(${e.fn}${e.args.map((a) => ' ' + sexpr(a)).join('')})`;
    case 'convert':
      return `(-> ${sexpr(e.expr)} ${sunit(e.target)})`;
  }
}

/** An s-expression of a unit expression: `(/ TB day)`. */
export function sunit(u: UnitExpr): string {
  switch (u.kind) {
    case 'unit':
      return u.name;
    case 'unitOne':
      return '1';
    case 'unitPercent':
      return '%';
    case 'unitPow':
      return `(^ ${sunit(u.base)} ${exponentText(u.exponent)})`;
    case 'unitMul':
      return `(* ${sunit(u.left)} ${sunit(u.right)})`;
    case 'unitDiv':
      return `(/ ${sunit(u.left)} ${sunit(u.right)})`;
  }
}

/** A unit exponent as the parser reads it: `2`, `-1`, or a fraction in parentheses, `(1/2)`. */
function exponentText(e: number): string {
  if (Number.isInteger(e)) return String(e);
  // The parser makes fractions with denominators up to 64 only.
  for (let q = 2; q <= 64; q++) {
    const p = Math.round(e * q);
    if (p / q === e) return `(${p}/${q})`;
  }
  return String(e);
}
