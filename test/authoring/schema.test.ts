/** The shipped JSON Schema accepts every shipped template and every template in the docs. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, ROOT } from '../helpers.js';
import { docExamples, validate } from './schema-helpers.js';

const templates = readdirSync(`${ROOT}/templates`).filter((f) => f.endsWith('.yaml')).sort();

describe('schema/template.schema.json', () => {
  it.each(templates)('accepts templates/%s', (file) => {
    const r = validate(parse(readFileSync(`${ROOT}/templates/${file}`, 'utf8')));
    expect(r.errors).toBe('');
  });

  it.each(templates)('templates/%s starts with the yaml-language-server line that names it', (file) => {
    const first = readFileSync(`${ROOT}/templates/${file}`, 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../schema/template.schema.json');
  });

  const examples = docExamples();
  it('finds the docs examples (the annotated one of docs/templates.md at least)', () => {
    expect(examples.some((e) => e.where.startsWith('docs/templates.md'))).toBe(true);
  });
  it.each(examples.map((e) => [e.where, e.text]))('accepts the example at %s', (_where, text) => {
    expect(validate(parse(text)).errors).toBe('');
  });

  it('rejects a template with a misspelt key, naming it', () => {
    const r = validate({ name: 'x', title: 'X', inputs: { a: { defualt: '1' } }, quantities: { b: 'a' }, sections: { S: ['b'] } });
    expect(r.ok).toBe(false);
    expect(r.errors).toContain('defualt');
  });

  it('has a description (the hover help) on every property it names', () => {
    const schema = JSON.parse(readFileSync(`${ROOT}/schema/template.schema.json`, 'utf8')) as unknown;
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      for (const [k, v] of Object.entries(props ?? {})) {
        if (typeof (v as { description?: unknown }).description !== 'string') missing.push(`${path}.${k}`);
      }
      for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
    };
    walk(schema, '$');
    expect(missing).toEqual([]);
  });
});

describe('estimate schema', () => {
  it('prints the shipped schema, byte for byte', async () => {
    const r = await cli(['schema']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(`${ROOT}/schema/template.schema.json`, 'utf8'));
  });
});
