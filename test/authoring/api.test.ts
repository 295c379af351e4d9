/** The library API, in process: results, errors (only EstimateError, with data), no printing, no process. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtinTemplates, calc, EstimateError, evaluateTemplate, lintTemplate, loadBuiltinTemplate, loadTemplate, renderReport, TemplateErrors } from '../../src/index.js';

const TINY = 'name: tiny\ntitle: Tiny\nunits: [user]\ninputs:\n  dau:\n    default: 2M user\n    help: users\nquantities:\n  load:\n    value: dau * 3 / day\n    unit: user/s\nsections:\n  Traffic: [load]\n';

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('library API', () => {
  afterEach(() => vi.restoreAllMocks());

  it('calc evaluates with units, conversions and declared counts', () => {
    expect(calc('300M user * 50% / day', { units: ['user'] })).toMatchObject({ unit: 'user/day', dimension: 'user / Time' });
    expect(calc('1 PB / 5 year', { to: 'MB/s' }).unit).toBe('MB/s');
    expect(calc('2 + 2').value).toBe(4);
  });

  it('loads, evaluates and renders a template in every format, without printing or reading the process', async () => {
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    const cwd = vi.spyOn(process, 'cwd');
    const t = loadTemplate(TINY, { fileName: 'tiny.yaml' });
    expect(t.inputs.map((i) => i.name)).toEqual(['dau']);
    const e = evaluateTemplate(t, { set: { dau: '4M' } });
    expect(e.values["load"]).toBeCloseTo((4e6 * 3) / 86400, 9);
    for (const f of ['table', 'markdown', 'json', 'csv'] as const) expect(await renderReport(e, f)).toContain('load');
    expect(JSON.parse(await renderReport(e, 'json'))).toMatchObject({ template: 'tiny' });
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
    expect(cwd).not.toHaveBeenCalled();
  });

  it('loads the built-ins by name', () => {
    expect(builtinTemplates()).toContain('twitter');
    const e = evaluateTemplate(loadBuiltinTemplate('twitter'));
    expect(e.report.title).toContain('Twitter');
  });

  it('throws EstimateError with its code, location and help; several problems as TemplateErrors', async () => {
    const e1 = thrown(() => calc('3 MB + 2 s'));
    expect(e1).toBeInstanceOf(EstimateError);
    expect((e1 as EstimateError).code).toBe('E0501');
    const e2 = thrown(() => loadTemplate('name: x\ntitle: X\ninputs:\n  a: { defualt: 1 }\nquantities:\n  b: nope\nsections:\n  S: [b]\n', { fileName: 'x.yaml' }));
    expect(e2).toBeInstanceOf(EstimateError);
    expect(e2).toBeInstanceOf(TemplateErrors);
    expect((e2 as TemplateErrors).errors.length).toBeGreaterThan(0);
    expect((e2 as EstimateError).span?.source.name).toBe('x.yaml');
    const e3 = thrown(() => evaluateTemplate(loadTemplate(TINY), { set: { nope: '1' } }));
    expect((e3 as EstimateError).code).toBe('E0903');
    await expect(renderReport(evaluateTemplate(loadTemplate(TINY)), 'pdf' as 'json')).rejects.toBeInstanceOf(EstimateError);
    expect(thrown(() => loadBuiltinTemplate('../etc/passwd'))).toBeInstanceOf(EstimateError);
    expect(thrown(() => loadTemplate(42 as unknown as string))).toBeInstanceOf(EstimateError);
    expect(thrown(() => evaluateTemplate({} as never))).toBeInstanceOf(EstimateError);
  });

  it('lintTemplate returns check findings as data', () => {
    const findings = lintTemplate(TINY.replace('    help: users\n', ''), 'tiny.yaml');
    expect(findings).toEqual([expect.objectContaining({ level: 'warning', code: 'E0753', file: 'tiny.yaml', line: 5 })]);
  });
});
