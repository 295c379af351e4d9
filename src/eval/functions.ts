/** The built-in functions: how each treats dimensions, and what it computes. */
import { EstimateError } from '../diagnostics/error.js';
import { type Span } from '../diagnostics/source.js';
import { Dimension } from '../units/dimension.js';

/** What a function's dimension rule sees: each argument's dimension and span. */
export interface ArgInfo {
  readonly dimension: Dimension;
  readonly span: Span;
}

/** A built-in function. */
export interface FunctionDef {
  readonly minArgs: number;
  readonly maxArgs: number;
  /** The result's dimension; throws the project's error when the arguments do not fit. */
  readonly dimension: (args: readonly ArgInfo[], call: Span) => Dimension;
  readonly apply: (args: readonly number[]) => number;
  /** The same for one argument, when the function takes one: a loop over samples calls it directly. */
  readonly unary?: (x: number) => number;
  readonly doc: string;
}

/**
 * Snaps a value within 1e-12 (relative) of a whole number to it, so float residue does not
 * push `ceil(100 * 1.1)` to 111.
 */
export function snap(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) <= 1e-12 * Math.abs(x) ? r : x;
}

function scalarOnly(name: string) {
  return (args: readonly ArgInfo[]): Dimension => {
    for (const a of args) {
      if (!a.dimension.isNone) {
        throw new EstimateError('E0503', `${name} needs a dimensionless value, not ${a.dimension}`, {
          span: a.span,
          spanLabel: a.dimension.toString(),
          help: [`divide by a unit first, as in \`${name}(x / 1 MB)\``],
        });
      }
    }
    return Dimension.NONE;
  };
}

function countsOnly(name: string) {
  return (args: readonly ArgInfo[]): Dimension => {
    const a = args[0]!;
    if (!a.dimension.isCountLike) {
      throw new EstimateError('E0503', `${name} of ${a.dimension} depends on the unit it is written in`, {
        span: a.span,
        spanLabel: a.dimension.toString(),
        help: [`round a plain number or a count: \`${name}(x / 1 GB)\` rounds in gigabytes`],
      });
    }
    return a.dimension;
  };
}

function sameDimension(name: string) {
  return (args: readonly ArgInfo[]): Dimension => {
    const first = args[0]!;
    for (const a of args.slice(1)) {
      if (!a.dimension.equals(first.dimension)) {
        throw new EstimateError('E0501', `${name} of ${first.dimension} and ${a.dimension}`, {
          span: a.span,
          spanLabel: a.dimension.toString(),
          labels: [{ span: first.span, text: first.dimension.toString() }],
          help: [`every argument of ${name} needs the same dimension`],
        });
      }
    }
    return first.dimension;
  };
}

function rounding(name: string, f: (x: number) => number): FunctionDef {
  const unary = (x: number) => f(snap(x));
  return { minArgs: 1, maxArgs: 1, dimension: countsOnly(name), apply: ([x]) => unary(x!), unary, doc: `${name}(x): x rounded; x is a plain number or a count` };
}

function scalar(name: string, f: (x: number) => number, doc: string): FunctionDef {
  return { minArgs: 1, maxArgs: 1, dimension: scalarOnly(name), apply: (a) => f(a[0]!), unary: f, doc };
}

/** Folds the arguments pairwise (spreading an array into Math.min is slower). */
function pairwise(f: (a: number, b: number) => number): (args: readonly number[]) => number {
  return (args) => {
    let out = args[0]!;
    for (let i = 1; i < args.length; i++) out = f(out, args[i]!);
    return out;
  };
}

/** Every function, by name (a Map: names never come from object properties). */
export const FUNCTIONS: ReadonlyMap<string, FunctionDef> = new Map<string, FunctionDef>([
  ['ceil', rounding('ceil', Math.ceil)],
  ['floor', rounding('floor', Math.floor)],
  ['round', rounding('round', Math.round)],
  ['min', { minArgs: 2, maxArgs: 64, dimension: sameDimension('min'), apply: pairwise(Math.min), doc: 'min(a, b, ...): the smallest; all of one dimension' }],
  ['max', { minArgs: 2, maxArgs: 64, dimension: sameDimension('max'), apply: pairwise(Math.max), doc: 'max(a, b, ...): the largest; all of one dimension' }],
  ['abs', { minArgs: 1, maxArgs: 1, dimension: (a) => a[0]!.dimension, apply: ([x]) => Math.abs(x!), unary: Math.abs, doc: 'abs(x): any dimension' }],
  [
    'sqrt',
    {
      minArgs: 1,
      maxArgs: 1,
      dimension: ([a]) => {
        if (a!.dimension.entries.some(([, e]) => e % 2 !== 0)) {
          throw new EstimateError('E0503', `the square root of ${a!.dimension} has no dimension`, {
            span: a!.span,
            spanLabel: a!.dimension.toString(),
            help: ['sqrt takes plain numbers, or dimensions with even powers (`sqrt(4 s^2)` is 2 s)'],
          });
        }
        return a!.dimension.pow(0.5);
      },
      apply: ([x]) => Math.sqrt(x!),
      unary: Math.sqrt,
      doc: 'sqrt(x): plain numbers, or even powers of a dimension',
    },
  ],
  [
    'log',
    {
      minArgs: 1,
      maxArgs: 2,
      dimension: scalarOnly('log'),
      apply: (a) => (a.length === 1 ? Math.log(a[0]!) : Math.log(a[0]!) / Math.log(a[1]!)),
      doc: 'log(x) natural logarithm; log(x, b) in base b',
    },
  ],
  ['log2', scalar('log2', Math.log2, 'log2(x)')],
  ['log10', scalar('log10', Math.log10, 'log10(x)')],
  ['exp', scalar('exp', Math.exp, 'exp(x)')],
]);
