/** The one error type every layer throws: a code, a message, where, and how to fix it. */
import { type ErrorCode } from './codes.js';
import { type Span } from './source.js';

/** A secondary mark under the source with a short text ("Data", "Time"). */
export interface Label {
  readonly span: Span;
  readonly text: string;
}

/**
 * What a dimension error is about, as data: the dimension found and the one wanted, the unit
 * involved, the input that caused it, and the general fix ("multiply by user"). `--format json`
 * prints these fields; the terminal prints them as labels and help.
 */
export interface ErrorData {
  /** The dimension the expression has. */
  readonly actual?: string;
  /** The dimension wanted (of a unit, the other operand, a declaration). */
  readonly expected?: string;
  readonly unit?: string;
  /** The general fix: "multiply by user", "divide by a Time". */
  readonly suggestion?: string;
  /** The input the mismatch traces back to, and what to write there (`500M user`). */
  readonly cause?: string;
  readonly fix?: string;
}

/** What an error may carry besides its code and message. */
export interface ErrorDetails {
  /** Machine-readable facts (dimensions, unit, suggestion) for JSON errors. */
  readonly data?: ErrorData;
  readonly span?: Span;
  /** Text printed next to the primary caret. */
  readonly spanLabel?: string;
  readonly labels?: readonly Label[];
  readonly help?: readonly string[];
  /** A place outside any source text: `--set mau`, an argument position. */
  readonly where?: string;
}

/**
 * Details as an error is made with: `lateHelp` computes more help lines only when the error is
 * shown. Did-you-mean compares a name with every known name; a file with 5,000 unknown names
 * shows 50 of them (MAX_SHOWN_ERRORS), so the other 4,950 searches never run.
 */
export interface ErrorInit extends ErrorDetails {
  readonly lateHelp?: () => readonly string[];
}

/** How many project errors capture a stack trace; later ones skip it (see `made`). */
const STACKS_KEPT = 200;

/** The project's error: library code throws nothing else. */
export class EstimateError extends Error {
  override readonly name = 'EstimateError';
  readonly code: ErrorCode;
  private init: ErrorInit;
  private resolved: ErrorDetails | undefined;

  /**
   * Errors made so far in this process. A stack trace (for `--debug`) costs ~15 µs per error,
   * which was 2 of the 12 s a file with 150,000 duplicate keys took; only the first
   * STACKS_KEPT errors capture one, and at most 50 are ever shown.
   */
  private static made = 0;

  constructor(code: ErrorCode, message: string, details: ErrorInit = {}) {
    const limit = Error.stackTraceLimit;
    if (++EstimateError.made > STACKS_KEPT) Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.init = details;
    if (!details.lateHelp) this.resolved = details;
  }

  /** Where, labels and help (late help lines computed on first read). */
  get details(): ErrorDetails {
    if (this.resolved) return this.resolved;
    const { lateHelp, ...rest } = this.init;
    const late = lateHelp ? lateHelp() : [];
    this.resolved = { ...rest, help: [...(rest.help ?? []), ...late] };
    this.init = this.resolved;
    return this.resolved;
  }

  /** The primary span (reading it computes no late help: errors are sorted by it). */
  get span(): Span | undefined {
    return this.init.span;
  }

  /** The same error with more help lines. */
  withHelp(...help: string[]): EstimateError {
    const { lateHelp } = this.init;
    return new EstimateError(this.code, this.message, {
      ...this.init,
      ...(lateHelp ? { lateHelp: () => [...lateHelp(), ...help] } : { help: [...(this.init.help ?? []), ...help] }),
    });
  }
}

/** Several errors found together (a template check reports every problem at once). */
export class EstimateErrors extends Error {
  override readonly name = 'EstimateErrors';
  readonly errors: readonly EstimateError[];

  constructor(errors: readonly EstimateError[]) {
    // The first few messages only: 150,000 errors joined (and printed again by --debug) is megabytes.
    const shown = errors.slice(0, 3).map((e) => (e.message.length > 200 ? e.message.slice(0, 199) + '…' : e.message));
    super(shown.join('; ') + (errors.length > 3 ? `; and ${errors.length - 3} more` : ''));
    this.errors = errors;
  }
}

/** Every project error inside a thrown value, or undefined when it is not ours. */
export function projectErrors(e: unknown): readonly EstimateError[] | undefined {
  if (e instanceof EstimateError) return [e];
  if (e instanceof EstimateErrors) return e.errors;
  return undefined;
}

/** Runs each check, collecting project errors so all are reported together. */
export function collectErrors(checks: Iterable<() => void>): EstimateError[] {
  const found: EstimateError[] = [];
  for (const check of checks) {
    try {
      check();
    } catch (e) {
      const ours = projectErrors(e);
      if (!ours) throw e;
      for (const o of ours) found.push(o);
    }
  }
  return found;
}
