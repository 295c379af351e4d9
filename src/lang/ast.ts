/** The syntax tree of the expression language. Nodes are plain readonly data with a `kind`. */
import { type Span } from '../diagnostics/source.js';

/** A unit expression: the right-hand side of `->` and the unit after a number (`TB/day`). */
export type UnitExpr =
  | { readonly kind: 'unit'; readonly name: string; readonly span: Span }
  | { readonly kind: 'unitOne'; readonly span: Span }
  | { readonly kind: 'unitPercent'; readonly span: Span }
  | { readonly kind: 'unitPow'; readonly base: UnitExpr; readonly exponent: number; readonly span: Span }
  | { readonly kind: 'unitMul' | 'unitDiv'; readonly left: UnitExpr; readonly right: UnitExpr; readonly span: Span };

/** Binary operators (`per` is parsed as `/`). */
export type BinaryOp = '+' | '-' | '*' | '/' | '^';

/** The conversion keywords, all meaning the same. */
export type ConvertKeyword = '->' | 'in' | 'to';

/** An expression. */
export type Expr =
  /** A number literal with its magnitude applied (`300M` is 3e8). */
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  /** A percent literal; `percent` is the written number (`7%` is 7). */
  | { readonly kind: 'percent'; readonly percent: number; readonly span: Span }
  /** A name: a model quantity, or else a unit. */
  | { readonly kind: 'name'; readonly name: string; readonly span: Span }
  /** A number written next to a unit (`300 MB`, `$0.02`). */
  | { readonly kind: 'quantity'; readonly amount: Expr; readonly unit: UnitExpr; readonly span: Span; readonly attached: boolean }
  | { readonly kind: 'neg'; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly span: Span; readonly opSpan: Span }
  /** A 90% interval, `a to b`: `low` is the 5th percentile and `high` the 95th (docs/uncertainty.md). */
  | { readonly kind: 'range'; readonly low: Expr; readonly high: Expr; readonly span: Span; readonly opSpan: Span }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly Expr[]; readonly span: Span; readonly nameSpan: Span }
  | { readonly kind: 'convert'; readonly expr: Expr; readonly target: UnitExpr; readonly keyword: ConvertKeyword; readonly span: Span };
