/** Which names a template may give its inputs, quantities and count units. */
import { EstimateError } from '../diagnostics/error.js';
import { DISTRIBUTIONS } from '../eval/distributions.js';
import { FUNCTIONS } from '../eval/functions.js';
import { KEYWORDS } from '../lang/precedence.js';
import { AMBIGUOUS, MAGNITUDES } from '../units/catalogue.js';
import { type UnitRegistry } from '../units/registry.js';
import { type Located } from '../template/types.js';

// Dotted names are made by the engine (prices, sizing, sub-models): `price.egress`, `brokers.disk`.
const NAME = /^[a-z_][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/i;

/**
 * Refuses a quantity name that is not an identifier or that a function, magnitude or keyword
 * already owns: `per`, `ceil` or `M` as a quantity would make expressions ambiguous.
 *
 * A unit's name is allowed (issue 13): `qps`, `requests`, `users` are the natural names in this
 * field. Inside the template a bare name is the quantity; right after a number it is the unit
 * (`100 qps` is 100 req/s, `2 * qps` is twice the quantity), and so in `unit:` and after `->`.
 */
export function checkQuantityName(name: Located, _registry: UnitRegistry): EstimateError | undefined {
  const n = name.text;
  if (!NAME.test(n) || n.startsWith('_')) {
    return new EstimateError('E0714', `\`${n}\` is not a valid name`, {
      span: name.span,
      help: ['names start with a letter and use letters, digits and `_`: `peak_qps`'],
    });
  }
  const owner =
    FUNCTIONS.has(n) || DISTRIBUTIONS.has(n)
      ? 'a function'
      : MAGNITUDES.has(n)
        ? 'a magnitude'
        : KEYWORDS.has(n)
          ? 'a keyword'
          : AMBIGUOUS.has(n)
            ? 'an ambiguous unit name'
            : undefined;
  if (owner) {
    return new EstimateError('E0706', `\`${n}\` is ${owner}, so it cannot name a quantity`, {
      span: name.span,
      help: [`rename it, for example \`${n}_count\` or \`total_${n}\``],
    });
  }
  return undefined;
}
