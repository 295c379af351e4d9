/**
 * The conventions sources count in, with where each comes from, and what each makes of a unit
 * (`estimate ref conventions`). Each line is one `conventions:` entry a template may copy.
 */
import { calculate } from '../eval/calculate.js';
import { UnitRegistry } from '../units/registry.js';
import { type Card } from './card.js';

interface Known {
  readonly key: string;
  readonly value: string;
  readonly source: string;
  /** The unit to show the convention's size in, and the size the default gives. */
  readonly unit: string;
}

const KNOWN: readonly Known[] = [
  { key: 'day', value: '86400 s', source: 'the default: 24 h', unit: 'day' },
  { key: 'day', value: '10^5 s', source: 'interview shortcut (System Design Interview vol. 2: "10^5 seconds in a day")', unit: 'day' },
  { key: 'month', value: '30 day', source: 'the default; Grokking the System Design Interview, System Design Interview vol. 1', unit: 'month' },
  { key: 'month', value: '2.5M s', source: 'system-design-primer, "2.5 million seconds per month"', unit: 'month' },
  { key: 'month', value: '730 h', source: 'cloud billing (AWS, Google Cloud, Azure price a month as 730 hours); prices use billing_month instead', unit: 'month' },
  { key: 'year', value: '365 day', source: 'the default', unit: 'year' },
  { key: 'year', value: '12 month', source: 'books that count 12 months of 30 days ("5 years * 12 months")', unit: 'year' },
  { key: 'year', value: '365.25 day', source: 'the Julian year of astronomy (IAU)', unit: 'year' },
  { key: 'billing_month', value: '730 h', source: 'the default: cloud billing (AWS, Google Cloud and Azure price a month as 730 hours = 365 × 24 / 12); every catalogue price per month is per billing_month', unit: 'billing_month' },
  { key: 'billing_month', value: '720 h', source: 'a provider or contract that bills a 30-day month', unit: 'billing_month' },
  { key: 'data', value: 'si', source: 'the default: KB = 1000 B (IEC 80000-13, disk and network vendors)', unit: 'KB' },
  { key: 'data', value: 'binary', source: 'memory and many books: KB = 1024 B (JEDEC; IEC writes KiB)', unit: 'KB' },
];

/** The conventions card: each common convention, its source, and the size it gives. */
export function conventionsCard(): Card {
  return {
    name: 'conventions',
    title: 'Conventions sources count in',
    source: 'the sources named on each line; declare one with `conventions:` or --convention',
    columns: ['Convention', 'Source', 'Size'],
    rows: KNOWN.map((k) => [`${k.key}: ${k.value}`, k.source, size(k)]),
    notes: [
      'A template declares its source\'s conventions under `conventions:`; a run adds `--convention name=value` (repeatable).',
      'Units built on them follow: `/day` rates use the declared day, a week is 7 declared days, a month without its own convention 30 declared days, a year 365. s, min and h never change.',
      'The billing month (`billing_month`, 730 h) is separate from the month: prices and costs are per billing month, and no other convention resizes it.',
    ],
  };
}

/** The size of the unit under the convention, computed by the engine. */
function size(k: Known) {
  if (k.key === 'data') {
    const registry = UnitRegistry.BUILTIN.withSizes({ binaryData: k.value === 'binary' });
    return calculate('1 KB -> B', { registry });
  }
  return calculate(`${k.value} -> s`);
}
