/** Bad what-if input: a located error with its code and exit status, never a stack trace. */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const F = 'test/fixtures/analysis';

// [arguments, code, exit status]
const CASES: [string[], string, number][] = [
  [['twitter', '--sweep', 'foo=1..2'], 'E0903', 2],
  [['twitter', '--solve', 'nope', '--for', 'dau <= 1'], 'E0903', 2],
  [['twitter', '--sensitivity', 'nope'], 'E0960', 2],
  [['twitter', '--sweep', 'mau=1M..2M', '--show', 'dau,nope'], 'E0960', 2],
  [['twitter', '--solve', 'mau', '--for', 'mau = 5'], 'E0960', 2],
  [['twitter', '--sweep', 'mau'], 'E0961', 2],
  [['twitter', '--sweep', 'mau=1M..2M*1'], 'E0961', 2],
  [['twitter', '--sweep', 'mau=1M to 2M..3M'], 'E0961', 2],
  [['twitter', '--sweep', 'mau=1M..2M:0'], 'E0962', 2],
  [['twitter', '--sweep', 'mau=1M..2M:10001'], 'E0962', 2],
  [['twitter', '--sweep', 'mau=1..1e300*1.001'], 'E0962', 2],
  [['twitter', '--sweep', 'mau=2M..1M'], 'E0962', 2],
  [['twitter', '--sweep', 'mau=1M..2M:200', '--sweep', 'media_size=1MB..2MB:200'], 'E0962', 2],
  [['twitter', '--sweep', 'daily_active_ratio=50..150:3'], 'E0962', 2],
  [['twitter', '--grow', 'mau=lots'], 'E0963', 2],
  [['twitter', '--grow', 'mau=-100%/year'], 'E0963', 2],
  [['twitter', '--grow', 'mau=10%/fortnight'], 'E0963', 2],
  [['twitter', '--grow', 'mau=10%/year', '--years', '0'], 'E0963', 2],
  [['twitter', '--grow', 'dau=10%/year'], 'E0964', 2],
  [['twitter', '--grow', 'nope=10%/year'], 'E0903', 2],
  [['twitter', '--solve', 'mau', '--for', 'write_servers ~ 20'], 'E0965', 2],
  [['twitter', '--solve', 'mau', '--for', 'dau = 5 GB'], 'E0965', 2],
  [['twitter', '--grow', 'mau=10%/year', '--until', 'write_servers = 20'], 'E0965', 2],
  [['twitter', '--solve', 'mau'], 'E0966', 2],
  [['twitter', '--for', 'dau <= 1'], 'E0966', 2],
  [['twitter', '--grow', 'mau=10%/year', '--years', '2', '--months', '3'], 'E0966', 2],
  [['twitter', '--until', 'write_servers > 100'], 'E0966', 2],
  [['twitter', '--sweep', 'mau=1M..2M', '--sweep', 'mau=1M..2M'], 'E0966', 2],
  [['twitter', '-i', '--sweep', 'mau=1M..2M'], 'E0966', 2],
  [['twitter', '--ranges', '--samples-out', 'x.csv', '--sensitivity'], 'E0966', 2],
  [['diff', 'twitter', 'nope-template'], 'E0901', 2],
  [['twitter', '--hist'], 'E0967', 2],
  [[`${F}/E0967-no-inputs.yaml`, '--sensitivity'], 'E0967', 2],
  [['twitter', '--compare', 'mau'], 'E0968', 2],
  [['twitter', '--sensitivity', '--swing', '1'], 'E0904', 2],
  [['twitter', '--swing', '3'], 'E0966', 2],
  [['twitter', '--show', 'dau'], 'E0966', 2],
  [['twitter', '--solve', 'mau', '--for', 'write_servers >= 1e30'], 'E0741', 1],
  [['twitter', '--solve', 'mau', '--for', 'write_servers = 20.5'], 'E0741', 1],
  [['twitter', '--solve', 'text_size', '--for', 'media_storage = 1 PB'], 'E0742', 1],
  [[`${F}/E0743-not-monotone.yaml`, '--solve', 'shards', '--for', 'cost = 30'], 'E0743', 1],
  [[`${F}/E0744-uncertain-quantity.yaml`, '--sweep', 'people=1M..2M'], 'E0744', 1],
  [[`${F}/E0740-accumulate-not-rate.yaml`, '--grow', 'people=10%/year'], 'E0740', 1],
  [['twitter', '--grow', 'mau=10%/year', '--accumulate', 'media_storage'], 'E0740', 1],
  [['twitter', '--grow', 'daily_active_ratio=50%/year'], 'E0745', 1],
];

describe('analysis errors', () => {
  it.each(CASES)('%j -> %s (exit %i)', async (args, code, status) => {
    const r = await cli(args);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error[${code}]`);
    expect(r.stderr).toMatch(/-->/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(status);
  });
  it('a template-side error points at the template line with a caret', async () => {
    const r = await cli([`${F}/E0740-accumulate-not-rate.yaml`, '--grow', 'people=10%/year']);
    expect(r.stderr).toContain('E0740-accumulate-not-rate.yaml:11:17');
    expect(r.stderr).toContain('^^^^');
  });
  it('a bad --compare value is located at --compare, not at --set', async () => {
    const bad = await cli(['twitter', '--compare', 'mau=oops']);
    expect(bad.stderr).toContain('--> --compare mau:1:1');
    const unknown = await cli(['twitter', '--compare', 'maus=1']);
    expect(unknown.stderr).toContain('--> --compare maus=1');
    expect(unknown.code).toBe(2);
  });
  it('the library templates mark their daily new data accumulate: a projection sums it', async () => {
    const r = await cli(['chat', '--grow', 'daily_active_users=20%/year', '--years', '1', '--show', 'storage_per_day', '--format', 'json']);
    expect(r.code).toBe(0);
    // Year 1: 500M users x 1.2 x 40 messages x 100 B = 2.4 TB/day, summed over 365 days = 876 TB.
    expect(r.stdout).toContain('876');
  });
  it('errors come as one JSON object with --format json', async () => {
    const r = await cli(['twitter', '--sweep', 'mau=1M..2M:0', '--format', 'json']);
    expect(JSON.parse(r.stderr || r.stdout)).toMatchObject({ code: 'E0962' });
  });
});
