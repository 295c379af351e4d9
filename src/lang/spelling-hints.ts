/**
 * Help for a dimension error whose cause is a source's spelling that this language reads
 * otherwise (readers F5, F7, F9): `GB-month` is `GB - month`, `256K` the plain number 256,000,
 * `60m` sixty metres. The tree and its source text are enough: the hints name the written text
 * and what to write instead; the error they join says what went wrong.
 */
import { assertNever } from './assert-never.js';
import { type Expr } from './ast.js';
import { leftSpine } from './spine.js';

/** What each glued magnitude means as a data size (`256K` -> `256 KB`). */
const DATA_OF_MAGNITUDE: ReadonlyMap<string, string> = new Map([
  ['k', 'KB'],
  ['K', 'KB'],
  ['M', 'MB'],
  ['T', 'TB'],
]);

/** The names of the dimensions an error is about, read from its text (`Data`, `Length`). */
export interface ErrorDimensions {
  readonly data: boolean;
  readonly length: boolean;
}

/** The hints for `expr` (at most one of each kind), given which dimensions the error names. */
export function spellingHints(expr: Expr, about: ErrorDimensions): string[] {
  const out = new Set<string>();
  visit(expr, (e) => {
    const text = e.span.source.text;
    if (e.kind === 'binary' && e.op === '-') {
      // `GB-month`, `vCPU-hour`: a letter on both sides of the `-`, no space.
      const before = /[A-Za-zµμ_][A-Za-z0-9µμ_]*$/.exec(text.slice(0, e.opSpan.start));
      const after = /^[A-Za-z][A-Za-z0-9_]*/.exec(text.slice(e.opSpan.end));
      if (before && after) {
        out.add(`\`${before[0]}-${after[0]}\` reads as a subtraction; a unit product is written \`${before[0]}*${after[0]}\`, and a price per ${before[0]}-${after[0]} is \`USD/${before[0]}/${after[0]}\``);
      }
    }
    if (e.kind === 'number' && about.data) {
      // `256K` where the source meant 256 KB.
      const m = /^([0-9][0-9.,_]*)\s*([A-Za-z]+)$/.exec(text.slice(e.span.start, e.span.end));
      const unit = m ? DATA_OF_MAGNITUDE.get(m[2]!) : undefined;
      if (m && unit) out.add(`\`${m[0]}\` is the plain number ${m[1]} ${m[2] === 'k' || m[2] === 'K' ? 'thousand' : m[2] === 'M' ? 'million' : 'trillion'}; for a data size write \`${m[1]} ${unit}\``);
    }
    if (e.kind === 'quantity' && e.unit.kind === 'unit' && e.unit.name === 'm' && about.length) {
      const written = text.slice(e.span.start, e.span.end);
      const num = written.replace(/\s*m$/, '');
      out.add(`\`${written}\` is ${num} metres; minutes are \`${num} min\``);
    }
  });
  return [...out];
}

/** Calls `f` on every node, a chain's left spine in a loop (lang/spine.ts). */
function visit(e: Expr, f: (e: Expr) => void): void {
  switch (e.kind) {
    case 'number':
    case 'percent':
    case 'name':
      f(e);
      return;
    case 'quantity':
      f(e);
      visit(e.amount, f);
      return;
    case 'neg':
      f(e);
      visit(e.operand, f);
      return;
    case 'binary': {
      const { base, steps } = leftSpine(e);
      visit(base, f);
      for (const s of steps) {
        f(s);
        visit(s.right, f);
      }
      return;
    }
    case 'range':
      f(e);
      visit(e.low, f);
      visit(e.high, f);
      return;
    case 'call':
      f(e);
      for (const a of e.args) visit(a, f);
      return;
    case 'convert':
      f(e);
      visit(e.expr, f);
      return;
    default:
      assertNever(e);
  }
}
