import { describe, expect, it } from 'vitest';
import { source } from '../../src/diagnostics/source.js';
import { parseTemplate } from '../../src/template/load.js';
import { withDefaults } from '../../src/template/with-defaults.js';

const derive = (text: string, defaults: Record<string, string>) =>
  withDefaults(parseTemplate(source('t.yaml', text)), new Map(Object.entries(defaults)), { name: 't-custom', title: 'T (custom)' });

describe('withDefaults: saving answers as a template', () => {
  it('edits block style in place: defaults, no book lines, name, title, derived_from', () => {
    const text = [
      '# a comment that stays',
      'name: t',
      "title: 'T'",
      'units: [user]',
      'inputs:',
      '  n: 10 user   # bare default',
      '  r:',
      '    default: 50%',
      'quantities:',
      '  m:',
      '    value: n * r',
      '    book: 5 user',
      '  k:',
      '    value: n * 2',
      '    book: >-',
      '      20 user',
      'sections:',
      '  S: [m, k]',
      '',
    ].join('\n');
    const out = derive(text, { n: '20 user', r: '60%' });
    expect(out).toBe(
      [
        '# a comment that stays',
        'name: "t-custom"',
        'derived_from: "t"',
        'title: "T (custom)"',
        'units: [user]',
        'inputs:',
        '  n: "20 user"   # bare default',
        '  r:',
        '    default: "60%"',
        'quantities:',
        '  m:',
        '    value: n * r',
        '  k:',
        '    value: n * 2',
        'sections:',
        '  S: [m, k]',
        '',
      ].join('\n'),
    );
  });
  it('flow style and CRLF line ends: a book in a flow mapping becomes null, the result loads', () => {
    const text = 'name: t\r\ntitle: T\r\ninputs: {n: {default: 10, min: 0}}\r\nquantities: {m: {value: n * 2, book: 20}}\r\nsections: {S: [m]}';
    const out = derive(text, { n: '3' });
    const spec = parseTemplate(source('out.yaml', out));
    expect(spec.name).toBe('t-custom');
    expect(spec.title).toBe('T (custom)');
    expect(spec.quantities[0]!.book).toBeUndefined();
    expect(spec.inputs[0]!.default.text).toBe('3');
    expect(out).toContain('derived_from: "t"');
  });
  it('a derived template keeps one derived_from, pointing at its parent', () => {
    const text = 'name: a\nderived_from: twitter\ntitle: A\ninputs:\n  n: 1\nquantities:\n  m: n\nsections:\n  S: [m]\n';
    const out = derive(text, {});
    expect(out.match(/derived_from/g)).toHaveLength(1);
    expect(out).toContain('derived_from: "a"');
  });
  it('quotes and escapes an answer so YAML reads it back as written', () => {
    const text = 'name: t\ntitle: "T: x"\ninputs:\n  n: 1\nquantities:\n  m: n\nsections:\n  S: [m]\n';
    const out = derive(text, { n: '2 # not a comment' });
    expect(parseTemplate(source('o.yaml', out)).inputs[0]!.default.text).toBe('2 # not a comment');
  });
});
