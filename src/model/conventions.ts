/** The conventions of one model: the template's `conventions:` and then `--convention` (later wins). */
import { EstimateError } from '../diagnostics/error.js';
import { source } from '../diagnostics/source.js';
import { compile, evaluateClosed, unitScope } from '../eval/compile.js';
import { type TemplateSpec } from '../template/types.js';
import { resolveConventions, type ConventionEntry, type Conventions, type EvaluateTime } from '../units/conventions.js';

/** A closed duration (`10^5 s`, `12 month`): its dimension and its size in seconds. */
const evaluateTime: EvaluateTime = (expr, registry) => {
  const c = compile(expr, unitScope(registry));
  const v = evaluateClosed(c, 1, 1);
  if (typeof v !== 'number' || c.uncertain) return { dimension: c.dimension, seconds: Number.NaN };
  return { dimension: c.dimension, seconds: v };
};

/** The template's conventions followed by those given per run. */
export function modelConventions(spec: TemplateSpec, given: readonly ConventionEntry[] = []): Conventions {
  const declared: ConventionEntry[] = spec.conventions.map((c) => ({
    key: c.key.text,
    value: c.value.text,
    keySpan: c.key.span,
    valueSpan: c.value.span,
    source: c.value.source,
    from: 'template',
  }));
  return resolveConventions([...declared, ...given], evaluateTime);
}

/** Conventions given per run alone (the calculator has no template). */
export function givenConventions(given: readonly ConventionEntry[]): Conventions {
  return resolveConventions(given, evaluateTime);
}

/** `--convention month=730h` (repeatable), as entries; errors in a value point at the option. */
export function commandLineConventions(list: readonly string[] | undefined): ConventionEntry[] {
  return (list ?? []).map((text) => {
    const eq = text.indexOf('=');
    const key = eq < 0 ? '' : text.slice(0, eq).trim();
    const value = eq < 0 ? '' : text.slice(eq + 1).trim();
    if (key === '' || value === '') {
      throw new EstimateError('E0950', `--convention takes name=value, not \`${text}\``, {
        where: '--convention',
        help: ['for example --convention month=730h, --convention day="10^5 s", --convention data=binary', 'the conventions are day, month, year and data'],
      });
    }
    return { key, value, source: source(`--convention ${key}`, value), from: '--convention' as const };
  });
}
