/**
 * The steps inside function calls for `--explain` (issue 13): after `ceil(log(365bn urls / url,
 * 62))` comes `ceil(6.503)` before the result, and after `ceil(6,944 tweets/s / 1,000
 * tweets/s/server)` comes `ceil(6.944 servers)`. First every call nested inside another is
 * replaced by its value; then the arguments of the outermost calls that still compute something
 * are. This module computes; the renderers only show the lines.
 */
import { EstimateError } from '../diagnostics/error.js';
import { compile, type Scope, type Values } from '../eval/compile.js';
import { assertNever } from '../lang/assert-never.js';
import { type Expr } from '../lang/ast.js';
import { print } from '../lang/printer.js';
import { type Dimension } from '../units/dimension.js';

/** A tree deeper than this gets no inner lines (a long chain is walked elsewhere, iteratively). */
const MAX_DEPTH = 64;

/** How the inner lines read a value and a quantity's name (the report's own formatting). */
export interface InnerStepContext {
  readonly scope: Scope;
  readonly values: Values;
  readonly show: (si: number, dimension: Dimension) => string;
  readonly substitute: (name: string) => string | undefined;
}

/** The lines between a step's values and its result; empty when it has no call with work inside. */
export function innerSteps(expr: Expr, ctx: InnerStepContext): string[] {
  if (!hasCallWithin(expr)) return [];
  const shown = new Map<string, string>();
  const placeholder = (e: Expr, text: string): Expr => {
    // A name no template can declare (NUL is refused by the lexer) stands for the value's text.
    const name = `\u0000${shown.size}`;
    shown.set(name, text);
    return { kind: 'name', name, span: e.span };
  };
  const valueOf = (e: Expr): string | undefined => {
    try {
      const c = compile(e, ctx.scope);
      if (c.uncertain || c.target) return undefined;
      const v = c.run(ctx.values);
      return Number.isFinite(v) ? ctx.show(v, c.dimension) : undefined;
    } catch (err) {
      if (err instanceof EstimateError) return undefined;
      throw err;
    }
  };
  const text = (e: Expr) => print(e, { asWritten: true, times: '×', substitute: (n) => shown.get(n) ?? ctx.substitute(n) });
  const lines: string[] = [];
  let changed = false;
  // 1. Calls inside calls become their values: ceil(log(...)) reads ceil(6.503).
  const nested = rebuild(expr, (call, inside) => {
    const t = inside ? valueOf(call) : undefined;
    if (t === undefined) return undefined;
    changed = true;
    return placeholder(call, t);
  });
  if (changed) lines.push(text(nested));
  // 2. The outermost calls' arguments that compute from the model become values: ceil(6.944 servers).
  changed = false;
  const args = rebuild(expr, (call, inside) => {
    if (inside) return undefined;
    const replaced = call.args.map((a) => {
      const t = atomic(a) || !readsModel(a, ctx.scope) ? undefined : valueOf(a);
      if (t === undefined) return a;
      changed = true;
      return placeholder(a, t);
    });
    return { ...call, args: replaced };
  });
  if (changed) lines.push(text(args));
  return lines.filter((l, i) => l !== lines[i - 1]);
}

/** Whether a call sits anywhere in the tree, and the tree is shallow enough to rebuild. */
function hasCallWithin(root: Expr): boolean {
  let call = false;
  const todo: [Expr, number][] = [[root, 0]];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    const [e, depth] = next;
    if (depth > MAX_DEPTH) return false;
    for (const c of children(e)) todo.push([c, depth + 1]);
    if (e.kind === 'call') call = true;
  }
  return call;
}

/** Whether an argument reads a quantity or input of the model (a unit such as `GB/day` does not). */
function readsModel(root: Expr, scope: Scope): boolean {
  const todo: Expr[] = [root];
  for (let e = todo.pop(); e !== undefined; e = todo.pop()) {
    if (e.kind === 'name' && scope.lookup(e.name) !== undefined) return true;
    todo.push(...children(e));
  }
  return false;
}

/** A literal or a name: nothing left to compute. */
function atomic(e: Expr): boolean {
  return e.kind === 'number' || e.kind === 'percent' || e.kind === 'name' || (e.kind === 'quantity' && atomic(e.amount)) || (e.kind === 'neg' && atomic(e.operand));
}

/** The sub-expressions of a node. */
function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'number':
    case 'percent':
    case 'name':
      return [];
    case 'quantity':
      return [e.amount];
    case 'neg':
      return [e.operand];
    case 'binary':
      return [e.left, e.right];
    case 'range':
      return [e.low, e.high];
    case 'call':
      return e.args;
    case 'convert':
      return [e.expr];
    default:
      return assertNever(e);
  }
}

type CallNode = Extract<Expr, { kind: 'call' }>;

/**
 * The tree with calls replaced where `at` says (undefined keeps the call and rebuilds its
 * arguments); `inside` is whether the call sits in another call's arguments. The caller has
 * checked the depth (hasCallWithin), so the recursion is bounded.
 */
function rebuild(e: Expr, at: (call: CallNode, inside: boolean) => Expr | undefined, inside = false): Expr {
  switch (e.kind) {
    case 'number':
    case 'percent':
    case 'name':
      return e;
    case 'quantity':
      return { ...e, amount: rebuild(e.amount, at, inside) };
    case 'neg':
      return { ...e, operand: rebuild(e.operand, at, inside) };
    case 'binary':
      return { ...e, left: rebuild(e.left, at, inside), right: rebuild(e.right, at, inside) };
    case 'range':
      return { ...e, low: rebuild(e.low, at, inside), high: rebuild(e.high, at, inside) };
    case 'call': {
      const r = at(e, inside);
      if (r !== undefined && r.kind !== 'call') return r;
      const call = r ?? e;
      return { ...call, args: call.args.map((a) => (a.kind === 'name' && a.name.startsWith('\u0000') ? a : rebuild(a, at, true))) };
    }
    case 'convert':
      return { ...e, expr: rebuild(e.expr, at, inside) };
    default:
      return assertNever(e);
  }
}
