/** The YAML contract of a template, as typed data with source locations. */
import { type Source, type Span } from '../diagnostics/source.js';

/** A text from the template with where it stands (an expression, a unit, a name). */
export interface Located {
  readonly text: string;
  readonly span: Span;
  /** The snippet to parse when the text is an expression. */
  readonly source: Source;
}

/** An assumption the user may override. */
export interface InputSpec {
  readonly name: Located;
  readonly label: string;
  readonly help: string;
  readonly default: Located;
  /** The input's 90% interval or distribution (`200M to 400M user`), used by `--ranges`. */
  readonly range?: Located;
  readonly min?: Located;
  readonly max?: Located;
  /** Display unit; when absent, the unit the default is written in. */
  readonly unit?: Located;
}

/** A derived quantity. */
export interface QuantitySpec {
  readonly name: Located;
  readonly label: string;
  readonly help: string;
  readonly value: Located;
  readonly unit?: Located;
  readonly dimension?: Located;
  /** The figure the book gives, as the book rounds it (`3500 tweet/s`). */
  readonly book?: Located;
  /** `accumulate: true`: a rate that growth projections sum over the periods (docs/analysis.md). */
  readonly accumulate?: Located;
}

/** A titled group of shown quantities. */
export interface SectionSpec {
  readonly title: Located;
  readonly items: readonly Located[];
}

/** One resource of a sized fleet: the need, what one server gives, and the fill target. */
export interface SizingResource {
  readonly name: Located;
  readonly need: Located;
  readonly perServer: Located;
  /** The share of a server's capacity to plan for (`70%` of a disk); 100% when absent. */
  readonly fill?: Located;
}

/** A fleet sized by its binding resource: the most servers any resource needs, plus spares. */
export interface SizingSpec {
  readonly name: Located;
  readonly label: string;
  readonly help: string;
  /** Spare servers on top (the k of N+k), an expression in the fleet's count unit. */
  readonly spare?: Located;
  readonly unit?: Located;
  readonly resources: readonly SizingResource[];
}

/** A sub-model: another template used under a prefix, some of its inputs bound to expressions. */
export interface UseSpec {
  /** The prefix (`cdn` makes `cdn.monthly_cost`). */
  readonly name: Located;
  /** A built-in template's name, or a path relative to this template's folder. */
  readonly template: Located;
  /** Sub-model input -> an expression of this template. */
  readonly bindings: readonly { readonly input: Located; readonly value: Located }[];
}

/** A whole template. */
export interface TemplateSpec {
  readonly file: Source;
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly source: string;
  readonly units: readonly Located[];
  /** Declared conventions (`month: 2.5M s`), in the order written; src/units/conventions.ts reads them. */
  readonly conventions: readonly { readonly key: Located; readonly value: Located }[];
  readonly inputs: readonly InputSpec[];
  readonly quantities: readonly QuantitySpec[];
  readonly sections: readonly SectionSpec[];
  /** Fleets sized by the binding resource (`sizing:`), expanded into quantities by src/sizing. */
  readonly sizing?: readonly SizingSpec[];
  /** Sub-models (`use:`), expanded into prefixed inputs and quantities by src/model/compose.ts. */
  readonly uses?: readonly UseSpec[];
}
