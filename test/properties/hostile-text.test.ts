/**
 * Fuzzing with hostile text: control, bidi, invisible and wide characters and lone surrogates.
 * Lexer, parser, evaluator and loader throw nothing but the project's errors, and every error
 * they produce renders (frame and JSON) with none of those characters raw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EstimateError, EstimateErrors, projectErrors } from '../../src/diagnostics/error.js';
import { errorToJson, renderError } from '../../src/diagnostics/render.js';
import { isControl, safeJson } from '../../src/diagnostics/sanitize.js';
import { source } from '../../src/diagnostics/source.js';
import { calculate } from '../../src/eval/calculate.js';
import { parseUnit } from '../../src/lang/parser.js';
import { buildModel } from '../../src/model/build.js';
import { evaluate } from '../../src/model/evaluate.js';
import { buildReport } from '../../src/render/report.js';
import { renderCsv } from '../../src/render/csv.js';
import { renderJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { parseTemplate } from '../../src/template/load.js';
import { RUNS } from './arbitraries.js';

/** Characters a terminal acts on, reorders or hides, and others that stress widths. */
const NASTY = ['\u0000', '\u0007', '\u001b[31m', '\u001b]0;x\u0007', '\r', '\n', '\t', '\u007f', '\u0085', '\u009b', '\u00ad', '\u061c', '\u200b', '\u200d', '\u200e', '\u2028', '\u2029', '\u202e', '\u2066', '\u2069', '\u2060', '\ufeff', '\ud800', '\udfff', '\u{e0041}', '漢', '😀', '👩‍👩‍👧', 'é', '\u0301'];
const TOKENS = ['1', '2.5', '300M', '1e308', '1e300 EB', 'MB', 's', 'x', '+', '-', '*', '/', '^', '(', ')', ',', '->', ' ', 'sqrt(', 'max(', '%', '$', 'user', 'B'];

const hostile = fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.constantFrom(...TOKENS), fc.string({ maxLength: 4, unit: 'binary' })), { maxLength: 30 }).map((p) => p.join(''));

/** A joiner between two emoji draws one picture and is kept (src/diagnostics/sanitize.ts). */
const EMOJI_JOINER = /(?<=[\p{Extended_Pictographic}\u{1f3fb}-\u{1f3ff}\ufe0f])\u200d(?=\p{Extended_Pictographic})/gu;

/** True when the text has a character of the escaping rule other than a newline or an emoji's joiner. */
function hasRaw(text: string): boolean {
  for (const ch of text.replace(EMOJI_JOINER, '')) if (ch !== '\n' && isControl(ch.codePointAt(0)!)) return true;
  return false;
}

/** Runs `f`; any throw must be the project's error (not E9999), and every error must render clean. */
function onlyOurErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    const ours = projectErrors(e);
    if (!ours) throw e;
    // E9999 is the project's type but means a bug (such as Infinity reaching the formatter).
    expect(ours.map((x) => x.code)).not.toContain('E9999');
    for (const err of ours.slice(0, 5)) {
      const frame = renderError(err);
      expect(hasRaw(frame), frame).toBe(false);
      const json = safeJson(errorToJson(err));
      expect(json).not.toMatch(/[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]|\p{Cs}/u);
      JSON.parse(json);
    }
  }
}

/** Loads, evaluates and renders a template as JSON, Markdown and CSV; returns every value and si of the JSON. */
function renderAll(text: string): number[] {
  const model = buildModel(parseTemplate(source('fuzz.yaml', text)));
  const report = buildReport(model, evaluate(model));
  const json = renderJson(report);
  for (const out of [json, renderMarkdown(report), renderCsv(report).replace(/\r\n/g, '\n')]) expect(hasRaw(out), out).toBe(false);
  const doc = JSON.parse(json) as { inputs: Record<string, { value: unknown; si: unknown }>; outputs: Record<string, { value: unknown; si: unknown }> };
  return [...Object.values(doc.inputs), ...Object.values(doc.outputs)].flatMap((r) => [r.value, r.si]).map((v) => (typeof v === 'number' ? v : NaN));
}

describe('hostile text never escapes as anything but the project error, and never reaches the terminal raw', () => {
  it('expressions: lexer, parser, evaluator, formatter', () => {
    fc.assert(fc.property(hostile, (text) => onlyOurErrors(() => calculate(text))), { numRuns: Math.min(RUNS, 5000) });
  });
  it('unit expressions', () => {
    fc.assert(fc.property(hostile, (text) => onlyOurErrors(() => parseUnit(source('--to', text)))), { numRuns: Math.min(RUNS, 5000) });
  });
  it('templates with hostile names, labels and values', () => {
    const template = fc.tuple(hostile, hostile, hostile, fc.constantFrom('', '"', "'")).map(
      ([key, label, value, q]) => `name: t\ntitle: ${q}${label}${q}\ninputs:\n  ${key}: ${q}${value}${q}\nquantities:\n  b: ${value}\nsections:\n  S: [b]\n`,
    );
    fc.assert(
      fc.property(template, (text) => {
        expect(() => onlyOurErrors(() => renderAll(text))).not.toThrow();
      }),
      { numRuns: Math.min(RUNS, 1500) },
    );
  });
  it('templates with extreme numbers render finite values or refuse with the project error', () => {
    const value = fc.constantFrom('1e308', '1.7e308 B', '1e300 EB', '1e-320', '5e-324 s', '1e154 * 1e154', 'a * a', 'a / 1e-300', '-a', 'a ^ 2', 'a -> bit', 'a -> EB', '0 * a', 'sqrt(a * a)');
    fc.assert(
      fc.property(value, value, (a, b) => {
        onlyOurErrors(() => {
          const outputs = renderAll(`name: t\ntitle: T\ninputs:\n  a: ${a}\nquantities:\n  b: ${b}\nsections:\n  S: [b]\n`);
          for (const v of outputs) expect(Number.isFinite(v), `${a} / ${b}`).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
  it('a frame around any hostile line keeps its caret under the span and shows no raw character', () => {
    fc.assert(
      fc.property(hostile, hostile, (before, after) => {
        const err = new EstimateError('E0301', `unknown name \`${before}\``, {
          span: { source: source(`f${after}.yaml`, `${before}bad${after}`), start: before.length, end: before.length + 3 },
          help: [after],
          where: before,
        });
        expect(hasRaw(renderError(err))).toBe(false);
        expect(hasRaw(new EstimateErrors([err]).errors.map(renderError).join('\n'))).toBe(false);
      }),
      { numRuns: Math.min(RUNS, 3000) },
    );
  });
});
