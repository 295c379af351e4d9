/**
 * What a template declares beyond inputs and quantities, turned into inputs and quantities
 * before the model is built: fleets sized by their binding resource (`sizing:`) and the
 * catalogue prices the quantities read (`price.*`). The rest of the engine sees one flat spec.
 */
import { type PriceOverrides, withPrices } from '../prices/inject.js';
import { withSizing } from '../sizing/expand.js';
import { type TemplateSpec } from '../template/types.js';

/** What building a model may take besides the template. */
export interface BuildOptions {
  /** Prices from `--prices FILE.yaml`, in place of the catalogue's. */
  readonly prices?: PriceOverrides;
}

/** The spec with sizing expanded and prices declared as inputs. */
export function expandSpec(spec: TemplateSpec, options: BuildOptions = {}): TemplateSpec {
  return withPrices(withSizing(spec), options.prices);
}
