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
  /**
   * Why arguments gave no finite result, when the function knows better than "not a number":
   * a rounding step of 0, a figure count of 1.5. Asked only after a result failed.
   */
  readonly whyNot?: (args: readonly number[]) => DomainError | undefined;
  readonly doc: string;
}

/** What `whyNot` says: the code, the message and how to fix it. */
export interface DomainError {
  readonly code: 'E0530' | 'E0531' | 'E0603';
  readonly message: string;
  readonly help: readonly string[];
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
        help: [`give the step to round to, in a unit: \`${name}(x, 1 GB)\`, \`${name}(x, 10 ms)\``],
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

/**
 * round, ceil, floor: of a plain number or a count alone (`ceil(x)`), or to a step that has units
 * (`round(x, 10 B)`, `ceil(x, 1 server)`, `floor(x, 1 day)`): the nearest multiple of the step.
 */
function rounding(name: string, f: (x: number) => number): FunctionDef {
  const unary = (x: number) => f(snap(x));
  const dimension = (args: readonly ArgInfo[]): Dimension => {
    if (args.length === 1) return countsOnly(name)(args);
    const [x, step] = args as [ArgInfo, ArgInfo];
    if (!step.dimension.equals(x.dimension)) {
      throw new EstimateError('E0530', `${name} of ${x.dimension} to a step of ${step.dimension}`, {
        span: step.span,
        spanLabel: step.dimension.toString(),
        labels: [{ span: x.span, text: x.dimension.toString() }],
        help: [`the step is in a unit of the value's dimension: \`${name}(x, 1 GB)\` for data, \`${name}(x, 1 day)\` for time`],
      });
    }
    return x.dimension;
  };
  return {
    minArgs: 1,
    maxArgs: 2,
    dimension,
    apply: (a) => (a.length === 1 ? unary(a[0]!) : toStep(f, a[0]!, a[1]!)),
    unary,
    whyNot: (a) =>
      a.length === 2 && !(a[1]! > 0)
        ? { code: 'E0530', message: `${name} needs a step above zero`, help: [`round to a positive step: \`${name}(x, 10 B)\``] }
        : undefined,
    doc: `${name}(x) rounds a plain number or a count; ${name}(x, step) rounds to a multiple of a step with units: ${name}(x, 10 B)`,
  };
}

/** f(x / step) × step; a step of 0 or less gives NaN, refused as "not a number" with the call. */
function toStep(f: (x: number) => number, x: number, step: number): number {
  if (!(step > 0)) return Number.NaN;
  const n = f(snap(x / step));
  // A step like 0.1 multiplies with residue (3 × 0.1); dividing by its exact inverse does not.
  const inverse = 1 / step;
  return step < 1 && Number.isInteger(inverse) ? n / inverse : n * step;
}

/** x rounded to `digits` significant figures (1 to 15), half away from zero; NaN for a bad count. */
export function roundSignificant(x: number, digits: number): number {
  if (!Number.isInteger(digits) || digits < 1 || digits > 15) return Number.NaN;
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/**
 * sig(x, n): n significant figures, as sources round ("~10 KB"). They are counted in a unit:
 * the third argument (`sig(x, 2, GB/day)`), else the quantity's `unit:` (the model adds it as
 * the third argument), else the value itself, which only a plain number or a count may be.
 */
const SIG: FunctionDef = {
  minArgs: 2,
  maxArgs: 3,
  dimension: (args) => {
    const [x, n, unit] = args as [ArgInfo, ArgInfo, ArgInfo | undefined];
    if (!n.dimension.isNone) {
      throw new EstimateError('E0531', `the number of significant figures is a plain number, not ${n.dimension}`, { span: n.span, help: ['write `sig(x, 2)`'] });
    }
    if (unit === undefined) {
      if (!x.dimension.isCountLike) {
        throw new EstimateError('E0531', `sig of ${x.dimension} needs the unit to count figures in`, {
          span: x.span,
          spanLabel: x.dimension.toString(),
          help: ['name it: `sig(x, 2, GB/day)`, or give the quantity a `unit:`'],
        });
      }
      return x.dimension;
    }
    if (!unit.dimension.equals(x.dimension)) {
      throw new EstimateError('E0530', `sig of ${x.dimension} counted in ${unit.dimension}`, {
        span: unit.span,
        spanLabel: unit.dimension.toString(),
        labels: [{ span: x.span, text: x.dimension.toString() }],
        help: ['count in a unit of the value\'s dimension: `sig(x, 2, GB/day)`'],
      });
    }
    return x.dimension;
  },
  apply: (a) => (a.length === 2 ? roundSignificant(a[0]!, a[1]!) : roundSignificant(a[0]! / a[2]!, a[1]!) * a[2]!),
  whyNot: (a) => {
    const n = a[1]!;
    if (Number.isInteger(n) && n >= 1 && n <= 15) return undefined;
    return { code: 'E0531', message: `sig counts 1 to 15 significant figures, not ${String(n)}`, help: ['write a whole number of figures: `sig(x, 2)`'] };
  },
  doc: 'sig(x, n): n significant figures, counted in the quantity\'s unit; sig(x, n, GB/day) counts them in GB/day',
};

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
  ['sig', SIG],
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
