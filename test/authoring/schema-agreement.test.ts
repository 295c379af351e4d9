/**
 * The schema and the loader agree: over generated variants of a valid template (a required key
 * dropped, an unknown key added, a value of the wrong kind), both accept or both reject.
 * The loader here is parseTemplate, the structural check; expressions are the engine's business
 * and no schema can judge them, so the variants never touch an expression's text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { projectErrors } from '../../src/diagnostics/error.js';
import { buildModel } from '../../src/model/build.js';
import { parseTemplate } from '../../src/template/load.js';
import { validate } from './schema-helpers.js';

type Doc = Record<string, unknown>;

function base(): Doc {
  return parse(`
name: tiny
title: Tiny feed
description: Posts of a small feed.
source: a review
units: [user, post]
inputs:
  dau:
    label: Daily users
    help: Users on a day.
    default: 2M user
    min: 0 user
    max: 1bn user
    unit: user
  posts_per_user: 3 post/user/day
quantities:
  post_qps:
    label: Post QPS
    help: Posts per second.
    value: dau * posts_per_user
    unit: post/s
    dimension: post / Time
    book: 70 post/s
  total: post_qps * 1 day
sections:
  Traffic: [post_qps, total]
`) as Doc;
}

/**
 * The loader as `estimate check` runs it, the model built too: the values of `conventions:`
 * (`data: binary`, `day: 10^5 s`) are read there, after the YAML contract.
 */
function modelAccepts(doc: unknown): { ok: boolean; why: string } {
  try {
    buildModel(parseTemplate({ name: 'variant.yaml', text: stringify(doc) }));
    return { ok: true, why: '' };
  } catch (e) {
    const errs = projectErrors(e);
    if (!errs) throw e;
    return { ok: false, why: errs.map((x) => `${x.code} ${x.message}`).join('; ') };
  }
}

function loaderAccepts(doc: unknown): { ok: boolean; why: string } {
  try {
    parseTemplate({ name: 'variant.yaml', text: stringify(doc) });
    return { ok: true, why: '' };
  } catch (e) {
    const errs = projectErrors(e);
    if (!errs) throw e;
    return { ok: false, why: errs.map((x) => `${x.code} ${x.message}`).join('; ') };
  }
}

/** Where a mutation applies: a path from the root to an object. */
type Path = readonly string[];
const OBJECTS: Path[] = [[], ['inputs', 'dau'], ['quantities', 'post_qps']];
const REQUIRED: Record<string, string[]> = { '': ['name', 'title', 'inputs', 'quantities', 'sections'], 'inputs.dau': ['default'], 'quantities.post_qps': ['value'] };
/** Scalar positions (texts and expressions) and collection positions, each with the kinds it refuses. */
const SCALARS: Path[] = [['name'], ['title'], ['description'], ['source'], ['inputs', 'dau', 'label'], ['inputs', 'dau', 'help'], ['inputs', 'dau', 'default'], ['inputs', 'dau', 'min'], ['inputs', 'dau', 'max'], ['inputs', 'dau', 'unit'], ['inputs', 'posts_per_user'], ['quantities', 'post_qps', 'value'], ['quantities', 'post_qps', 'unit'], ['quantities', 'post_qps', 'dimension'], ['quantities', 'post_qps', 'book'], ['quantities', 'total'], ['units', '0'], ['sections', 'Traffic', '0']];
const MAPS: Path[] = [['inputs'], ['quantities'], ['sections'], ['inputs', 'dau'], ['quantities', 'post_qps']];
const LISTS: Path[] = [['units'], ['sections', 'Traffic']];

function at(doc: Doc, path: Path): Doc {
  let node: unknown = doc;
  for (const k of path) node = (node as Doc)[k];
  return node as Doc;
}

function setAt(doc: Doc, path: Path, value: unknown): Doc {
  const copy = structuredClone(doc);
  const parent = at(copy, path.slice(0, -1));
  parent[path[path.length - 1]!] = value;
  return copy;
}

const word = fc.stringMatching(/^[a-z][a-z_]{0,11}$/);
const mapValue = fc.dictionary(word, fc.constantFrom('1', 'x', '2 MB'), { minKeys: 1, maxKeys: 3 });
const listValue = fc.array(fc.constantFrom('1', 'a', 'b'), { minLength: 1, maxLength: 3 });

const dropRequired = fc.constantFrom(...Object.entries(REQUIRED).flatMap(([p, keys]) => keys.map((k) => [...(p ? p.split('.') : []), k]))).map((path) => {
  const doc = base();
  delete at(doc, path.slice(0, -1))[path[path.length - 1]!];
  return { what: `drop ${path.join('.')}`, doc };
});

const KNOWN = new Set(['name', 'title', 'description', 'source', 'derived_from', 'units', 'inputs', 'quantities', 'sections', 'label', 'help', 'default', 'min', 'max', 'unit', 'value', 'dimension', 'book', 'conventions', 'accumulate', 'range']);
const addUnknown = fc.tuple(fc.constantFrom(...OBJECTS), word.filter((w) => !KNOWN.has(w)), fc.oneof(fc.constant('1'), mapValue)).map(([path, key, value]) => ({
  what: `add ${[...path, key].join('.')}`,
  doc: setAt(base(), [...path, key], value),
}));

const wrongKind = fc.oneof(
  fc.tuple(fc.constantFrom(...SCALARS), fc.oneof(mapValue, listValue)).map(([p, v]) => ({ what: `${p.join('.')} := ${JSON.stringify(v)}`, doc: setAt(base(), p, v) })),
  fc.tuple(fc.constantFrom(...MAPS), fc.oneof(fc.constant('x'), listValue)).map(([p, v]) => ({ what: `${p.join('.')} := ${JSON.stringify(v)}`, doc: setAt(base(), p, v) })),
  fc.tuple(fc.constantFrom(...LISTS), fc.oneof(fc.constant('x'), mapValue)).map(([p, v]) => ({ what: `${p.join('.')} := ${JSON.stringify(v)}`, doc: setAt(base(), p, v) })),
);

/** Variants that keep a template valid: scalars of other YAML kinds, optional keys dropped. */
const OPTIONAL: Path[] = [['description'], ['source'], ['units'], ['inputs', 'dau', 'label'], ['inputs', 'dau', 'help'], ['inputs', 'dau', 'min'], ['quantities', 'post_qps', 'book'], ['quantities', 'post_qps', 'dimension']];
const stillValid = fc.oneof(
  fc.constantFrom(...OPTIONAL).map((p) => {
    const doc = base();
    delete at(doc, p.slice(0, -1))[p[p.length - 1]!];
    return { what: `drop optional ${p.join('.')}`, doc };
  }),
  fc.tuple(fc.constantFrom(['name'], ['title'], ['description'], ['inputs', 'dau', 'label']), fc.oneof(fc.integer(), fc.boolean())).map(([p, v]) => ({ what: `${p.join('.')} := ${String(v)}`, doc: setAt(base(), p, v) })),
);

describe('schema and loader agree', () => {
  it('on the base template: both accept', () => {
    expect(validate(base()).errors).toBe('');
    expect(loaderAccepts(base()).why).toBe('');
  });

  it('over generated variants (dropped, unknown and wrongly typed keys; harmless changes)', () => {
    fc.assert(
      fc.property(fc.oneof(dropRequired, addUnknown, wrongKind, stillValid), ({ what, doc }) => {
        const schema = validate(doc);
        const loader = loaderAccepts(doc);
        expect({ what, schema: schema.ok, loader: loader.ok }, `${what}\nschema: ${schema.errors}\nloader: ${loader.why}`).toEqual({ what, schema: loader.ok, loader: loader.ok });
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Keys the schema describes that other branches add to the loader. Each case is switched on
 * (`loader: true`) once the branch that teaches the loader the key is merged: until then the
 * loader refuses the key (E0702) and the case is reported skipped.
 */
const PENDING: { key: string; loader: boolean; valid: [Path, unknown][]; invalid: [Path, unknown][] }[] = [
  {
    key: 'range (issue 12, ranges)',
    loader: true,
    valid: [[['inputs', 'dau', 'range'], '1M to 3M user']],
    invalid: [[['inputs', 'dau', 'range'], { low: '1M' }], [['inputs', 'dau', 'range'], ['1M', '3M']]],
  },
  {
    key: 'conventions (issue 13)',
    loader: true,
    valid: [[['conventions'], { day: '24 hour', month: '30 day', year: '365 day', data: 'si' }], [['conventions'], { data: 'binary' }], [['conventions'], {}]],
    invalid: [[['conventions'], { data: 'decimal' }], [['conventions'], { week: '7 day' }], [['conventions'], 'si'], [['conventions'], { day: ['24 hour'] }]],
  },
  {
    key: 'accumulate (issue 13)',
    loader: true,
    valid: [[['quantities', 'post_qps', 'accumulate'], true], [['quantities', 'post_qps', 'accumulate'], false]],
    invalid: [[['quantities', 'post_qps', 'accumulate'], { yes: 1 }], [['quantities', 'post_qps', 'accumulate'], ['true']]],
  },
];

describe('schema and loader agree on keys added by other branches', () => {
  for (const c of PENDING) {
    it.skipIf(!c.loader)(`${c.key}: both accept the valid forms, both reject the wrong ones`, () => {
      for (const [p, v] of c.valid) {
        const doc = setAt(base(), p, v);
        expect(validate(doc).errors, `${p.join('.')}`).toBe('');
        expect(modelAccepts(doc).why, `${p.join('.')}`).toBe('');
      }
      for (const [p, v] of c.invalid) {
        const doc = setAt(base(), p, v);
        expect(validate(doc).ok, `${p.join('.')} := ${JSON.stringify(v)}`).toBe(false);
        expect(modelAccepts(doc).ok, `${p.join('.')} := ${JSON.stringify(v)}`).toBe(false);
      }
    });
    it(`${c.key}: the schema accepts the valid forms and rejects the wrong ones`, () => {
      for (const [p, v] of c.valid) expect(validate(setAt(base(), p, v)).errors).toBe('');
      for (const [p, v] of c.invalid) expect(validate(setAt(base(), p, v)).ok).toBe(false);
    });
  }
});
