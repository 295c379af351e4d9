/** The built model: every expression parsed, resolved, dimension-checked and put in evaluation order. */
import { type Compiled } from '../eval/compile.js';
import { type Expr } from '../lang/ast.js';
import { type Dimension } from '../units/dimension.js';
import { type ResolvedUnit } from '../units/quantity.js';
import { type Conventions } from '../units/conventions.js';
import { type UnitRegistry } from '../units/registry.js';
import { type InputSpec, type QuantitySpec, type TemplateSpec } from '../template/types.js';

/** An input with its compiled default and bounds (bounds in base units). */
export interface ModelInput {
  readonly kind: 'input';
  readonly spec: InputSpec;
  readonly name: string;
  readonly slot: number;
  readonly dimension: Dimension;
  readonly defaultExpr: Expr;
  readonly defaultValue: Compiled;
  /** The declared range (`range:`), used with `--ranges`; always uncertain. */
  readonly range?: Compiled;
  /** The unit values are shown in, and the unit a bare number in an override takes. */
  readonly unit?: ResolvedUnit;
  readonly min?: { readonly si: number; readonly text: string };
  readonly max?: { readonly si: number; readonly text: string };
}

/** A derived quantity. */
export interface ModelQuantity {
  readonly kind: 'quantity';
  readonly spec: QuantitySpec;
  readonly name: string;
  readonly slot: number;
  readonly expr: Expr;
  readonly compiled: Compiled;
  readonly dimension: Dimension;
  readonly unit?: ResolvedUnit;
  /** The book's rounded figure in base units. */
  readonly book?: number;
}

/** A section of shown quantities. */
export interface ModelSection {
  readonly title: string;
  readonly items: readonly (ModelInput | ModelQuantity)[];
}

/** A template ready to evaluate. */
export interface Model {
  readonly spec: TemplateSpec;
  readonly registry: UnitRegistry;
  /** The declared conventions (template, then `--convention`) that sized the registry's units. */
  readonly conventions: Conventions;
  /**
   * For each input and quantity whose number a declared convention changed (through a unit it
   * writes, its display unit, or a value it reads): the conventions, as `year: 12 month`.
   */
  readonly conventionsUsed: ReadonlyMap<string, readonly string[]>;
  readonly inputs: readonly ModelInput[];
  /** In evaluation (topological) order. */
  readonly quantities: readonly ModelQuantity[];
  readonly sections: readonly ModelSection[];
  readonly slotCount: number;
  readonly byName: ReadonlyMap<string, ModelInput | ModelQuantity>;
}
