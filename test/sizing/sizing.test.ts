/** Sizing by the binding resource (issue 16 part 2): counts, which resource binds, ranges, and bad entries. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

interface Out {
  value: number;
  text: string;
  p5?: number;
  p95?: number;
  sizing?: { binds: string; share?: number; needs: { resource: string; servers: number; headroom: number }[] };
}

async function outputs(args: string[]): Promise<Record<string, Out>> {
  const r = await cli(['cache-cluster', '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { outputs: Record<string, Out> }).outputs;
}

describe('raising the cache per user flips the binding resource from requests to memory', () => {
  // 100bn queries a 30-day month: 100e9 / 2,592,000 s = 38,580 query/s; at peak x2, 77,160.
  // requests: 77,160 / 25,000 per node = 3.09 -> 4 nodes.
  // memory:   10M users x 2.7 KB x 1.5 = 40.5 GB; / (64 GB x 75% = 48 GB) = 0.84 -> 1 node.
  // network:  77,160 x 270 B = 20.8 MB/s = 167 Mbps; / (10 Gbps x 70%) -> 1 node.
  // Fleet: max(4, 1, 1) + 1 spare = 5 nodes, requests bind.
  it('at 2.7 KB per user the requests bind: 5 nodes', async () => {
    const o = await outputs(['--set', 'queries_per_month=100bn']);
    expect(o['cache_nodes.requests']!.value).toBe(4);
    expect(o['cache_nodes.memory']!.value).toBe(1);
    expect(o['cache_nodes.network']!.value).toBe(1);
    expect(o['cache_nodes']!.value).toBe(5);
    expect(o['cache_nodes']!.sizing!.binds).toBe('requests');
    expect(o['cache_nodes']!.text).toBe('5 nodes (requests binds; memory need 1 node, network need 1 node)');
    expect(o['cache_nodes']!.sizing!.needs.find((n) => n.resource === 'memory')!.headroom).toBeCloseTo(0.75, 12);
  });
  // memory: 10M x 27 KB x 1.5 = 405 GB; / 48 GB = 8.44 -> 9 nodes; requests still 4.
  // Fleet: max(4, 9, 1) + 1 = 10 nodes, memory binds.
  it('at 27 KB per user the memory binds: 10 nodes', async () => {
    const o = await outputs(['--set', 'queries_per_month=100bn', '--set', 'cache_per_user=27 KB/user']);
    expect(o['cache_nodes.requests']!.value).toBe(4);
    expect(o['cache_nodes.memory']!.value).toBe(9);
    expect(o['cache_nodes']!.value).toBe(10);
    expect(o['cache_nodes']!.sizing!.binds).toBe('memory');
    expect(o['cache_nodes']!.text).toBe('10 nodes (memory binds; requests need 4 nodes, network need 1 node)');
  });
  it('the table says which resource binds beside the count', async () => {
    const r = await cli(['cache-cluster', '--set', 'queries_per_month=100bn', '--set', 'cache_per_user=27 KB/user']);
    expect(r.stdout).toMatch(/10 nodes \(memory binds; requests need 4 nodes,/);
  });
  it('on a tie the first resource listed binds', async () => {
    // Defaults: requests 7,716 / 25,000 -> 1, memory 40.5 / 48 -> 1, network -> 1.
    const o = await outputs([]);
    expect(o['cache_nodes']!.value).toBe(2);
    expect(o['cache_nodes']!.sizing!.binds).toBe('requests');
  });
});

describe('with ranges', () => {
  it('each sample is the max of the resources plus the spare; the binding resource comes with its share of samples', async () => {
    const dir = tempDir();
    const csv = join(dir, 'samples.csv');
    const r = await cli(['cache-cluster', '--ranges', '--samples', '2000', '--format', 'json', '--samples-out', csv]);
    expect(r.code).toBe(0);
    const fleet = (JSON.parse(r.stdout) as { outputs: Record<string, Out> }).outputs['cache_nodes']!;
    expect(fleet.sizing!.share).toBeGreaterThan(0);
    expect(fleet.sizing!.share).toBeLessThanOrEqual(1);
    expect(fleet.text).toMatch(/binds in \d+% of samples/);
    const [head, ...rows] = readFileSync(csv, 'utf8').trim().split('\n');
    const cols = head!.split(',').map((c) => c.replace(/ \(.*\)$/, ''));
    const at = (name: string) => cols.indexOf(name);
    expect(at('cache_nodes')).toBeGreaterThanOrEqual(0);
    let memoryWins = 0;
    for (const row of rows) {
      const v = row.split(',').map(Number);
      const needs = ['cache_nodes.requests', 'cache_nodes.memory', 'cache_nodes.network'].map((n) => v[at(n)]!);
      expect(v[at('cache_nodes')]).toBe(Math.max(...needs) + 1);
      if (needs[1]! > needs[0]! && needs[1]! >= needs[2]!) memoryWins++;
    }
    if (fleet.sizing!.binds === 'memory') expect(fleet.sizing!.share).toBeCloseTo(memoryWins / rows.length, 12);
  });
});

describe('bad sizing entries are located', () => {
  const run = async (sizing: string) => {
    const path = join(tempDir(), 'fleet.yaml');
    const shown = sizing.includes('unit: node') ? '[x, web, web.cpu, web.disk]' : '[x]';
    writeFileSync(path, `name: f\ntitle: F\nunits: [node]\ninputs:\n  load: 100 req/s\n  data: 1 TB\nquantities:\n  x: load\nsizing:\n${sizing}\nsections:\n  S: ${shown}\n`);
    return { ...(await cli([path])), path };
  };
  it('a fleet without resources', async () => {
    const r = await run('  web:\n    label: Web\n    resources: {}');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E0764[\s\S]*fleet\.yaml:10:3/);
  });
  it('a resource without per_server', async () => {
    const r = await run('  web:\n    resources:\n      cpu:\n        need: load');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E0703[^\n]*per_server/);
  });
  it('an unknown key, with a suggestion', async () => {
    const r = await run('  web:\n    resources:\n      cpu:\n        need: load\n        per_sever: 10 req/s/node');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E0702[\s\S]*did you mean `per_server`/);
  });
  it('a syntax error points into the field as written', async () => {
    const r = await run('  web:\n    resources:\n      cpu:\n        need: load +\n        per_server: 10 req/s/node');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E0201[\s\S]*fleet\.yaml:13:21/);
  });
  it('a need and a capacity of different dimensions are refused at the resource', async () => {
    const r = await run('  web:\n    resources:\n      cpu:\n        need: data\n        per_server: 10 req/s/node');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E05\d\d[\s\S]*fleet\.yaml:12:7/);
  });
  it('a working fleet: 100 req/s at 30 req/s per node -> 4; 1 TB at 400 GB per node at 50% -> 5; plus 2 spares -> 7', async () => {
    const r = await run('  web:\n    unit: node\n    spare: 2 node\n    resources:\n      cpu:\n        need: load\n        per_server: 30 req/s/node\n      disk:\n        need: data\n        per_server: 400 GB/node\n        fill: 50%');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = await cli([r.path, '--format', 'json']);
    const o = (JSON.parse(j.stdout) as { outputs: Record<string, Out> }).outputs;
    expect(o['web.cpu']!.value).toBe(4);
    expect(o['web.disk']!.value).toBe(5);
    expect(o['web']!.value).toBe(7);
    expect(o['web']!.sizing!.binds).toBe('disk');
  });
});
