/**
 * The latency numbers every programmer should know, as System Design Interview (ch. 2.2) gives
 * them from Jeff Dean's talk, with the SSD rows of the later revisions. Values are data; the
 * engine parses and formats them.
 */
import { calculate } from '../eval/calculate.js';
import { type Card } from './card.js';

/** [operation, latency as written, year of the figure] */
const LATENCIES: readonly (readonly [string, string, number])[] = [
  ['L1 cache reference', '0.5 ns', 2010],
  ['Branch mispredict', '5 ns', 2010],
  ['L2 cache reference', '7 ns', 2010],
  ['Mutex lock/unlock', '100 ns', 2010],
  ['Main memory reference', '100 ns', 2010],
  ['Compress 1 KB with Zippy', '10 us', 2010],
  ['Send 2 KB over a 1 Gbps network', '20 us', 2010],
  ['SSD random read (4 KB)', '150 us', 2012],
  ['Read 1 MB sequentially from memory', '250 us', 2010],
  ['Round trip within the same datacenter', '500 us', 2010],
  ['Read 1 MB sequentially from SSD', '1 ms', 2012],
  ['Disk seek', '10 ms', 2010],
  ['Read 1 MB sequentially from the network', '10 ms', 2010],
  ['Read 1 MB sequentially from disk', '30 ms', 2010],
  ['Send a packet CA -> Netherlands -> CA', '150 ms', 2010],
];

/** The latency card: each figure, and the same on a human scale where 1 ns lasts 1 second. */
export function latencyCard(): Card {
  return {
    name: 'latency',
    title: 'Latency numbers every programmer should know',
    source: 'Jeff Dean, "Numbers Everyone Should Know" (2010; SSD rows from the 2012 revision), as in System Design Interview, ch. 2.2',
    columns: ['Operation', 'Latency', 'If 1 ns were 1 s', 'Year'],
    rows: LATENCIES.map(([op, latency, year]) => [
      op,
      calculate(`${latency} -> ns`).value >= 1000 ? calculate(latency, { bestUnit: true }) : calculate(`${latency} -> ns`),
      calculate(`${latency} / 1 ns * 1 s`, { bestUnit: true }),
      String(year),
    ]),
    notes: ['Memory is fast and disks are slow; compress before sending; a round trip between regions takes time.'],
  };
}
