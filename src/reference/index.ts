/** The reference cards by name. */
import { type Card } from './card.js';
import { conventionsCard } from './conventions.js';
import { latencyCard } from './latency.js';
import { ninesCard } from './nines.js';
import { powersCard } from './powers.js';
import { pricesCard } from './prices.js';

/** Every card: name, one-line description, and how to build it. */
export const CARDS: ReadonlyMap<string, { readonly summary: string; readonly build: () => Card }> = new Map([
  ['latency', { summary: 'latency numbers every programmer should know', build: latencyCard }],
  ['powers', { summary: 'powers of two, binary and SI units', build: powersCard }],
  ['nines', { summary: 'availability and the downtime it allows', build: ninesCard }],
  ['prices', { summary: 'unit prices of compute, storage and transfer, with sources and dates', build: pricesCard }],
  ['conventions', { summary: 'day, month, year and data conventions of common sources', build: conventionsCard }],
]);
