/** The API throws only EstimateError: several problems found together travel inside one. */
import { EstimateError, projectErrors } from '../diagnostics/error.js';

/**
 * Every problem of a template at once (a template check reports them all). It is an
 * EstimateError whose code, message and location are the first problem's; `errors` holds all.
 */
export class TemplateErrors extends EstimateError {
  readonly errors: readonly EstimateError[];

  constructor(errors: readonly EstimateError[]) {
    const first = errors[0]!;
    super(first.code, errors.length === 1 ? first.message : `${first.message} (and ${errors.length - 1} more problem${errors.length === 2 ? '' : 's'})`, first.details);
    this.errors = errors;
  }
}

/** Runs `f`, turning whatever it throws into an EstimateError: several into TemplateErrors, a bug into E9999. */
export function guarded<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw asEstimateError(e);
  }
}

/** The same for an async function. */
export async function guardedAsync<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw asEstimateError(e);
  }
}

function asEstimateError(e: unknown): EstimateError {
  if (e instanceof EstimateError) return e;
  const errs = projectErrors(e);
  if (errs && errs.length > 0) return errs.length === 1 ? errs[0]! : new TemplateErrors(errs);
  const err = new EstimateError('E9999', `internal error: ${e instanceof Error ? e.message : String(e)}`, { help: ['this is a bug in estimate-cli; please report it'] });
  Object.defineProperty(err, 'cause', { value: e });
  return err;
}
