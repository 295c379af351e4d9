/** The price catalogue as a reference card (`estimate ref prices`): every price with its unit, source and date. */
import { PRICES, SOURCES } from '../prices/catalogue.js';
import { type Card } from './card.js';

/** The prices card. */
export function pricesCard(): Card {
  return {
    name: 'prices',
    title: 'Unit prices (list prices; a negotiated rate goes in --prices FILE.yaml)',
    source: 'napkin-math cost numbers and AWS us-east-1 list prices; sources in full below and in docs/pricing.md',
    columns: ['Name', 'What', 'Price', 'Source', 'Read'],
    rows: PRICES.map((p) => [`price.${p.name}`, p.label, `${p.amount} ${p.unit}`, p.source, p.read]),
    notes: [
      ...[...SOURCES].map(([short, full]) => `${short}: ${full}.`),
      ...PRICES.filter((p) => p.note).map((p) => `price.${p.name}: ${p.note}.`),
      'Billing uses a 730-hour month (365 × 24 / 12), not the estimates\' 30-day month: prices are per `billing_month`, a unit sized by the billing_month convention (--convention billing_month=720h changes it).',
      'Templates read a price as `price.NAME`, a typed constant: a price per GB used where a price per GB-month is needed is a dimension error.',
      'Override for one run with --prices FILE.yaml (`object_storage: 0.02`: a bare number is in the unit above), or --set price.NAME=VALUE (a bare number there takes the unit shown above).',
    ],
  };
}
