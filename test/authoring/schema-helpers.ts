/** ajv over the shipped schema, and the YAML documents a test validates with it. */
import { readFileSync, readdirSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { ROOT } from '../helpers.js';

let compiled: ValidateFunction | undefined;

/** The schema of schema/template.schema.json, compiled once (strict: a typo in it fails). */
export function schemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(`${ROOT}/schema/template.schema.json`, 'utf8')) as object;
  compiled = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  return compiled;
}

/** ajv's verdict and its messages, for a failing assertion that says why. */
export function validate(doc: unknown): { ok: boolean; errors: string } {
  const v = schemaValidator();
  const ok = v(doc) === true;
  return { ok, errors: ok ? '' : JSON.stringify(v.errors, null, 1) };
}

/** Every ```yaml block of the docs (and the README) that is a template (it has `inputs:`). */
export function docExamples(): { where: string; text: string }[] {
  const files = ['README.md', ...readdirSync(`${ROOT}/docs`).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const out: { where: string; text: string }[] = [];
  for (const file of files) {
    const md = readFileSync(`${ROOT}/${file}`, 'utf8');
    for (const m of md.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)) {
      const text = m[1]!;
      if (!/^inputs:/m.test(text) || !/^quantities:/m.test(text)) continue;
      const line = md.slice(0, m.index).split('\n').length;
      out.push({ where: `${file}:${line}`, text });
    }
  }
  return out;
}
