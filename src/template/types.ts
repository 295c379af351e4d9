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
}

/** A titled group of shown quantities. */
export interface SectionSpec {
  readonly title: Located;
  readonly items: readonly Located[];
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
}
