/** Resolved unit expressions: a dimension, a size in base units, and the text to print. */
import { type Dimension } from './dimension.js';

/** A unit expression after resolution (`TB/day` -> Data / Time, 1e12 / 86400). */
export interface ResolvedUnit {
  readonly text: string;
  readonly dimension: Dimension;
  readonly factor: number;
  /** True when the unit is `%`: values print as percentages. */
  readonly percent?: boolean;
  /** The author fixed the unit (`unit: PB!`): the prefix never moves. */
  readonly fixed?: boolean;
}

