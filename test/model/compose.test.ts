/** Sub-models (`use:`, issue 16 part 4): prefixed names, bindings, and located refusals. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

interface Doc {
  inputs: Record<string, { value: number }>;
  outputs: Record<string, { value: number; unit: string; book?: unknown }>;
}

function site(dir: string, use: string, extra = ''): string {
  const path = join(dir, 'site.yaml');
  writeFileSync(
    path,
    `name: site\ntitle: Site\nunits: [user]\ninputs:\n  active_users:\n    default: 20M user\n    help: Daily active users.\nuse:\n${use}\nquantities:\n  cdn_bill:\n    value: cdn.cdn_cost_per_day\n    unit: USD/day\n${extra}sections:\n  Cost: [cdn_bill, cdn.storage_per_day]\n`,
  );
  return path;
}

describe('a template uses another as a sub-model', () => {
  it('binds the sub-model input to its own expression; names carry the prefix', async () => {
    // video-cdn: 5 views per user a day of 300 MB at 0.02 USD/GB. 20M users: 20M x 5 x 0.3 GB x 0.02 = 600,000 USD/day
    // (the book's 5M users give 150,000).
    const r = await cli([site(tempDir(), '  cdn:\n    template: video-cdn\n    with:\n      dau: active_users'), '--format', 'json']);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.outputs['cdn_bill']!.value).toBeCloseTo(600_000, 6);
    expect(doc.outputs['cdn.storage_per_day']!.unit).toBe('TB/day');
    // 20M x 10% uploaders x 1 video x 300 MB = 600 TB/day; the book's 150 TB/day no longer applies.
    expect(doc.outputs['cdn.storage_per_day']!.value).toBeCloseTo(600, 9);
    expect(doc.outputs['cdn.storage_per_day']!.book).toBeUndefined();
    expect(Object.keys(doc.inputs)).toContain('cdn.views_per_user');
    expect(Object.keys(doc.inputs)).not.toContain('cdn.dau');
  });
  it('unbound sub-model inputs are inputs like any other: --set cdn.views_per_user', async () => {
    const r = await cli([site(tempDir(), '  cdn:\n    template: video-cdn\n    with:\n      dau: active_users'), '--format', 'json', '--set', 'cdn.views_per_user=10']);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as Doc).outputs['cdn_bill']!.value).toBeCloseTo(1_200_000, 6);
  });
  it('a path relative to the using template, and nested sub-models', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'storage.yaml'), 'name: storage\ntitle: Storage\ninputs:\n  stored: 1 TB\nquantities:\n  cost:\n    value: stored * price.object_storage * 730 h\n    unit: USD\nsections:\n  S: [cost]\n');
    writeFileSync(join(dir, 'middle.yaml'), 'name: middle\ntitle: Middle\ninputs:\n  data: 2 TB\nuse:\n  disk:\n    template: ./storage.yaml\n    with:\n      stored: data * 3\nquantities:\n  total: disk.cost\nsections:\n  S: [total]\n');
    writeFileSync(join(dir, 'top.yaml'), 'name: top\ntitle: Top\ninputs:\n  x: 10 TB\nuse:\n  m:\n    template: middle.yaml\n    with:\n      data: x\nquantities:\n  bill:\n    value: m.total\n    unit: USD\nsections:\n  S: [bill, m.disk.cost]\n');
    const r = await cli([join(dir, 'top.yaml'), '--format', 'json']);
    expect(r.stderr).toBe('');
    // 10 TB x 3 copies x 0.023 USD/GB per 730-hour month = 690 USD.
    expect((JSON.parse(r.stdout) as Doc).outputs['bill']!.value).toBeCloseTo(690, 9);
  });
});

describe('refused with a location', () => {
  it('an unknown template, with a suggestion', async () => {
    const r = await cli([site(tempDir(), '  cdn:\n    template: video-cdm')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E0765[\s\S]*site\.yaml:10:15[\s\S]*did you mean `video-cdn`/);
  });
  it('a missing file', async () => {
    const r = await cli([site(tempDir(), '  cdn:\n    template: ./nothing.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E0765[\s\S]*site\.yaml:10:15/);
  });
  it('an unknown bound input, and a quantity bound as if it were an input', async () => {
    const r = await cli([site(tempDir(), '  cdn:\n    template: video-cdn\n    with:\n      daus: active_users\n      storage_per_day: 1 TB/day')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E0767[^\n]*`daus`[\s\S]*site\.yaml:12:7[\s\S]*did you mean `dau`/);
    expect(r.stderr).toMatch(/E0767[^\n]*`storage_per_day` is a quantity[\s\S]*site\.yaml:13:7/);
  });
  it('a binding of the wrong dimension, once, at the binding', async () => {
    const r = await cli([site(tempDir(), '  cdn:\n    template: video-cdn\n    with:\n      dau: 10 GB')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error\[E0708\][^\n]*`cdn\.dau` is Data, but[^\n]*user[\s\S]*site\.yaml:12:12/);
    expect(r.stderr.match(/^error/gm)).toHaveLength(1);
  });
  it('a cycle between templates, with the chain of files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'name: a\ntitle: A\ninputs:\n  x: 1\nuse:\n  b: ./b.yaml\nquantities:\n  y: x\nsections:\n  S: [y]\n');
    writeFileSync(join(dir, 'b.yaml'), 'name: b\ntitle: B\ninputs:\n  x: 1\nuse:\n  a:\n    template: a.yaml\nquantities:\n  y: x\nsections:\n  S: [y]\n');
    const r = await cli([join(dir, 'a.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E0766[^\n]*a\.yaml -> [^\n]*b\.yaml -> [^\n]*a\.yaml/);
    expect(r.stderr).toMatch(/b\.yaml:7:15/);
  });
  it('a template using itself', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'self.yaml'), 'name: s\ntitle: S\ninputs:\n  x: 1\nuse:\n  me: ./self.yaml\nquantities:\n  y: x\nsections:\n  S: [y]\n');
    const r = await cli([join(dir, 'self.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E0766[^\n]*self\.yaml -> [^\n]*self\.yaml[\s\S]*self\.yaml:6:7/);
  });
  it('a use entry of the wrong shape, and an unknown key', async () => {
    const r1 = await cli([site(tempDir(), '  cdn: [video-cdn]')]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain('E0704');
    const r2 = await cli([site(tempDir(), '  cdn:\n    template: video-cdn\n    whith:\n      dau: active_users')]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/E0702[\s\S]*did you mean `with`/);
  });
  it('a template that doubles at every level is stopped at a size limit, quickly, not after 2^15 copies', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'l0.yaml'), 'name: l0\ntitle: L\ninputs:\n  x: 1\nquantities:\n  y: x * 2\n  z: y + 1\nsections:\n  S: [y]\n');
    for (let i = 1; i <= 15; i++) {
      writeFileSync(join(dir, `l${i}.yaml`), `name: l${i}\ntitle: L\ninputs:\n  x: 1\nuse:\n  a: ./l${i - 1}.yaml\n  b: ./l${i - 1}.yaml\nquantities:\n  y: a.y + b.y\nsections:\n  S: [y]\n`);
    }
    const r = await cli([join(dir, 'l15.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E0712[^\n]*the limit is 20,000/);
    // Ten levels: 2^10 copies of l0's y, each 2.
    const ok = await cli([join(dir, 'l10.yaml'), '--format', 'json']);
    expect(ok.stderr).toBe('');
    expect((JSON.parse(ok.stdout) as Doc).outputs['y']!.value).toBe(2048);
  });
});
