/** Powers of two from 2^10 to 2^60 with their decimal approximation, binary and SI units (ch. 2.1). */
import { type Card } from './card.js';

const ROWS: readonly (readonly [number, string, string, string])[] = [
  [10, 'thousand', 'KiB', 'KB'],
  [20, 'million', 'MiB', 'MB'],
  [30, 'billion', 'GiB', 'GB'],
  [40, 'trillion', 'TiB', 'TB'],
  [50, 'quadrillion', 'PiB', 'PB'],
  [60, 'quintillion', 'EiB', 'EB'],
];

function grouped(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The powers-of-two card. */
export function powersCard(): Card {
  return {
    name: 'powers',
    title: 'Powers of two',
    source: 'System Design Interview, ch. 2.1',
    columns: ['Power', 'Exact value', 'Approximately', 'Binary unit', 'SI unit', 'Binary is larger'],
    rows: ROWS.map(([p, name, bin, si]) => {
      const exact = 2n ** BigInt(p);
      const k = (p / 10) * 3;
      const excess = (Number(exact) / 10 ** k - 1) * 100;
      return [`2^${p}`, grouped(exact), `1 ${name} (10^${k})`, `1 ${bin}`, `1 ${si}`, `${excess.toFixed(1)}%`];
    }),
    notes: ['KB, MB, GB are SI (powers of 1000); KiB, MiB, GiB are binary (powers of 1024). At 2^60 the two differ by 15%.'],
  };
}
