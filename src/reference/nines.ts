/** Availability and the downtime it allows, computed by the engine (ch. 2.3). */
import { calculate } from '../eval/calculate.js';
import { type Card } from './card.js';

const LEVELS = ['90', '99', '99.9', '99.99', '99.999', '99.9999'];
const PERIODS = ['day', 'week', 'month', 'year'];

/** The nines card: downtime per day, week, month (30 days) and year (365 days). */
export function ninesCard(): Card {
  return {
    name: 'nines',
    title: 'Availability and allowed downtime',
    source: 'System Design Interview, ch. 2.3',
    columns: ['Availability', 'Per day', 'Per week', 'Per month', 'Per year'],
    rows: LEVELS.map((level) => [`${level}%`, ...PERIODS.map((p) => calculate(`1 ${p} * (100 - ${level}) / 100`, { bestUnit: true }))]),
    notes: ['month = 30 days, year = 365 days. A service-level agreement (SLA) states the availability promised.'],
  };
}
