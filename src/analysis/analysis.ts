/** Every analysis result, as one union the renderers switch over. */
import { type Diff } from './diff.js';
import { type Growth } from './growth.js';
import { type Histogram } from './histogram.js';
import { type Sensitivity } from './sensitivity.js';
import { type Solve } from './solve.js';
import { type Grid, type Sweep } from './sweep.js';

/** One analysis's neutral data (values in base units). */
export type Analysis = Sensitivity | Sweep | Grid | Growth | Solve | Diff | HistogramSet;

/** The histograms of every sampled output (`--hist`). */
export interface HistogramSet {
  readonly kind: 'histograms';
  readonly histograms: readonly Histogram[];
  readonly samples: number;
}
