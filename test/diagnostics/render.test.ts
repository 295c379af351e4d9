import { describe, expect, it } from 'vitest';
import { EstimateError } from '../../src/diagnostics/error.js';
import { errorToJson, renderError } from '../../src/diagnostics/render.js';
import { source, span, subSource } from '../../src/diagnostics/source.js';
import { calculate } from '../../src/eval/calculate.js';

function errorOf(text: string): EstimateError {
  try {
    calculate(text);
  } catch (e) {
    return e as EstimateError;
  }
  throw new Error('no error');
}

describe('error rendering', () => {
  it('renders like rustc with both dimensions labelled', () => {
    expect(renderError(errorOf('1 MB + 1 s'))).toBe(
      [
        'error[E0501]: cannot add Data and Time',
        ' --> <expr>:1:6',
        '  |',
        '1 | 1 MB + 1 s',
        '  | ---- ^ --- Time',
        '  | |',
        '  | Data',
      ].join('\n'),
    );
  });
  it('puts the caret at the end for a missing operand', () => {
    expect(renderError(errorOf('1 +'))).toBe(
      ['error[E0201]: expected an expression, found the end of the input', ' --> <expr>:1:4', '  |', '1 | 1 +', '  |    ^'].join('\n'),
    );
  });
  it('adds help lines', () => {
    expect(renderError(errorOf('1 GiBs'))).toContain('  = help: did you mean `GiB`?');
  });
  it('maps a snippet back to its file line and column', () => {
    const file = source('t.yaml', 'a: 1\nvalue: 1 MB + 1 s\n');
    const snip = subSource(file, 12, 22, '1 MB + 1 s', true);
    const err = new EstimateError('E0501', 'cannot add Data and Time', { span: span(snip, 5, 6) });
    expect(renderError(err).split('\n').slice(0, 4)).toEqual([
      'error[E0501]: cannot add Data and Time',
      ' --> t.yaml:2:13',
      '  |',
      '2 | value: 1 MB + 1 s',
    ]);
    expect(errorToJson(err)).toMatchObject({ code: 'E0501', file: 't.yaml', line: 2, column: 13 });
  });
  it('never prints control characters from the source', () => {
    const err = new EstimateError('E0101', 'unexpected character', { span: span(source('<expr>', '1 \u001b[31m'), 2, 3) });
    const text = renderError(err);
    expect(text).not.toMatch(/\u001b/);
    expect(text).toContain('\\x1b[31m');
  });
});
