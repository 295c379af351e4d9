import { describe, expect, it } from 'vitest';
import { calculate } from '../../src/eval/calculate.js';
import { UnitRegistry } from '../../src/units/registry.js';

const R = UnitRegistry.BUILTIN;
const close = (a: number, b: number) => expect(Math.abs(a - b) / Math.abs(b)).toBeLessThanOrEqual(1e-12);

describe('every unit and prefix has its exact size in base units', () => {
  const table: [string, number, string][] = [
    ['ns', 1e-9, 'Time'],
    ['us', 1e-6, 'Time'],
    ['µs', 1e-6, 'Time'],
    ['μs', 1e-6, 'Time'],
    ['ms', 1e-3, 'Time'],
    ['s', 1, 'Time'],
    ['sec', 1, 'Time'],
    ['second', 1, 'Time'],
    ['seconds', 1, 'Time'],
    ['min', 60, 'Time'],
    ['minute', 60, 'Time'],
    ['minutes', 60, 'Time'],
    ['h', 3600, 'Time'],
    ['hour', 3600, 'Time'],
    ['hours', 3600, 'Time'],
    ['day', 86400, 'Time'],
    ['days', 86400, 'Time'],
    ['week', 604800, 'Time'],
    ['weeks', 604800, 'Time'],
    ['month', 2592000, 'Time'],
    ['months', 2592000, 'Time'],
    ['year', 31536000, 'Time'],
    ['years', 31536000, 'Time'],
    ['bit', 1 / 8, 'Data'],
    ['B', 1, 'Data'],
    ['byte', 1, 'Data'],
    ['bytes', 1, 'Data'],
    ['kB', 1e3, 'Data'],
    ['KB', 1e3, 'Data'],
    ['MB', 1e6, 'Data'],
    ['GB', 1e9, 'Data'],
    ['TB', 1e12, 'Data'],
    ['PB', 1e15, 'Data'],
    ['EB', 1e18, 'Data'],
    ['KiB', 2 ** 10, 'Data'],
    ['MiB', 2 ** 20, 'Data'],
    ['GiB', 2 ** 30, 'Data'],
    ['TiB', 2 ** 40, 'Data'],
    ['PiB', 2 ** 50, 'Data'],
    ['EiB', 2 ** 60, 'Data'],
    ['kilobyte', 1e3, 'Data'],
    ['megabytes', 1e6, 'Data'],
    ['gibibyte', 2 ** 30, 'Data'],
    ['kbit', 125, 'Data'],
    ['Kbit', 125, 'Data'],
    ['Mbit', 125e3, 'Data'],
    ['Gbit', 125e6, 'Data'],
    ['Tbit', 125e9, 'Data'],
    ['Kb', 125, 'Data'],
    ['Mb', 125e3, 'Data'],
    ['Gb', 125e6, 'Data'],
    ['Tb', 125e9, 'Data'],
    ['bps', 1 / 8, 'Data / Time'],
    ['kbps', 125, 'Data / Time'],
    ['Kbps', 125, 'Data / Time'],
    ['Mbps', 125e3, 'Data / Time'],
    ['Gbps', 125e6, 'Data / Time'],
    ['Tbps', 125e9, 'Data / Time'],
    ['USD', 1, 'Money'],
    ['dollars', 1, 'Money'],
    ['req', 1, 'request'],
    ['requests', 1, 'request'],
    ['qps', 1, 'request / Time'],
    ['rps', 1, 'request / Time'],
  ];
  it.each(table)('%s = %d (%s)', (name, factor, dim) => {
    const u = R.lookup(name);
    expect(u, name).toBeDefined();
    close(u!.factor, factor);
    expect(u!.dimension.toString()).toBe(dim);
  });

  it('KB is SI and KiB is binary, never the same', () => {
    expect(R.lookup('KB')!.factor).toBe(1000);
    expect(R.lookup('KiB')!.factor).toBe(1024);
  });
});

describe('conversions both ways', () => {
  const pairs: [string, string, number][] = [
    ['1 GiB', 'MB', 1073.741824],
    ['1073.741824 MB', 'GiB', 1],
    ['1 TB', 'TiB', 0.9094947017729282],
    ['0.9094947017729282 TiB', 'TB', 1],
    ['1 Gbps * 1 hour', 'GB', 450],
    ['450 GB', 'Gbit', 3600],
    ['1 MB/s', 'Mbps', 8],
    ['8 Mbps', 'MB/s', 1],
    ['1 year', 'day', 365],
    ['365 day', 'year', 1],
    ['1 month', 'day', 30],
    ['30 day', 'month', 1],
    ['1 week', 'h', 168],
    ['1 day', 'min', 1440],
    ['1 KiB', 'B', 1024],
    ['1 kB', 'B', 1000],
    ['1 PB', 'TB', 1000],
    ['1 PiB', 'TiB', 1024],
    ['1 EB', 'PB', 1000],
    ['1 byte', 'bit', 8],
    ['1 ms', 'us', 1000],
    ['1 us', 'ns', 1000],
    ['0.02 USD/GB', 'USD/TB', 20],
    ['1000 req/s', 'qps', 1000],
  ];
  it.each(pairs)('%s -> %s = %d', (from, to, want) => {
    close(calculate(`${from} -> ${to}`).value, want);
    close(calculate(from, { to }).value, want);
  });
});
