import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EstimateError, EstimateErrors } from '../../src/diagnostics/error.js';
import { errorToJson, FRAME_WIDTH, renderError } from '../../src/diagnostics/render.js';
import { safeJson, sanitize } from '../../src/diagnostics/sanitize.js';
import { source, span } from '../../src/diagnostics/source.js';
import { boundedDistance, didYouMean, suggest } from '../../src/diagnostics/suggest.js';
import { recordingIo } from '../../src/cli/io.js';
import { MAX_SHOWN_ERRORS, reportError } from '../../src/cli/report-error.js';

/** The textbook O(m·n) optimal string alignment distance, to check the banded one against. */
function reference(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The visible rows of a frame: the source row and the caret row, without the gutter. */
function frameRows(text: string): { line: string; carets: string } {
  const rows = text.split('\n');
  const i = rows.findIndex((r) => /^\d+ \| /.test(r));
  const gutter = rows[i]!.indexOf('|') + 2;
  return { line: rows[i]!.slice(gutter), carets: rows[i + 1]!.slice(gutter) };
}

describe('did-you-mean stays bounded', () => {
  it('the banded distance equals the full one up to its limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', 'c', 'd') }), fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', 'c', 'd') }), fc.integer({ min: 0, max: 6 }), (a, b, k) => {
        const full = reference(a, b);
        expect(boundedDistance(a, b, k)).toBe(full <= k ? full : k + 1);
      }),
      { numRuns: 2000 },
    );
  });
  it('still finds typos, case slips and prefixes', () => {
    expect(didYouMean('daily_user', ['daily_users', 'mau'])).toBe('did you mean `daily_users`?');
    expect(suggest('gib', ['GiB', 'GB'])).toEqual(['GiB']);
    expect(suggest('tweet', ['tweets_per_user_per_day'])).toEqual(['tweets_per_user_per_day']);
  });
  it('a 1 MB name gets no suggestion and costs nothing', () => {
    expect(suggest('x'.repeat(1 << 20), ['x'.repeat(1 << 20)])).toEqual([]);
  });
  it('5,000 unknown names against 5,000 similar names: did-you-mean runs only for the errors shown', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `qty${String(i).padStart(4, '0')}`);
    let searches = 0;
    const errors = names.map(
      (n, i) =>
        new EstimateError('E0301', `unknown name \`${n}x\``, {
          span: span(source('t', 'x'), 0, 1),
          lateHelp: () => {
            searches++;
            return [didYouMean(n + 'x', names) ?? 'none'];
          },
        }),
    );
    errors.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
    expect(searches).toBe(0);
    const io = recordingIo();
    expect(reportError(new EstimateErrors(errors), io, { json: false, debug: false })).toBe(1);
    expect(searches).toBe(MAX_SHOWN_ERRORS);
    expect(io.stderr.join('')).toContain('did you mean `qty0000`');
  });
});

describe('at most 50 errors are shown', () => {
  const many = (n: number) => new EstimateErrors(Array.from({ length: n }, (_, i) => new EstimateError('E0301', `unknown name \`n${i}\``, { where: `n${i}` })));
  it('then one line counts the rest', () => {
    const io = recordingIo();
    reportError(many(5000), io, { json: false, debug: false });
    const out = io.stderr.join('');
    expect(out.match(/^error\[/gm)).toHaveLength(50);
    expect(out).toContain('n49');
    expect(out).not.toContain('n50`');
    expect(out.trimEnd().split('\n').pop()).toBe('and 4950 more errors (5000 errors)');
  });
  it('in JSON the count is data on its own line', () => {
    const io = recordingIo();
    reportError(many(120), io, { json: true, debug: false });
    const lines = io.stderr.join('').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(51);
    expect(lines[50]).toEqual({ level: 'note', message: 'and 70 more errors', more: 70, total: 120 });
  });
  it('exactly 50 errors need no count line', () => {
    const io = recordingIo();
    reportError(many(50), io, { json: false, debug: false });
    expect(io.stderr.join('')).not.toContain('more errors');
  });
});

describe('frames are cut to a window around the span', () => {
  it('a 1 MB unknown name is echoed cut, in the message and the frame', () => {
    const name = 'a'.repeat(1 << 20);
    const src = source('<expr>', `1 + ${name}`);
    const err = new EstimateError('E0301', `unknown name \`${name}\``, { span: span(src, 4, 4 + name.length) });
    const text = renderError(err);
    expect(text.length).toBeLessThan(1000);
    expect(text).toContain('unknown name `' + 'a'.repeat(59) + '…`');
    const { line, carets } = frameRows(text);
    expect(line.length).toBeLessThanOrEqual(FRAME_WIDTH + 2);
    expect(line.endsWith('…')).toBe(true);
    expect(carets).toBe(' '.repeat(4) + '^'.repeat(FRAME_WIDTH - 4));
    expect(JSON.stringify(errorToJson(err)).length).toBeLessThan(1000);
  });
  it('a long line keeps the caret under the span, with … on both cut sides', () => {
    const text = 'x + '.repeat(5000) + 'bad' + ' + y'.repeat(5000);
    const at = text.indexOf('bad');
    const rendered = renderError(new EstimateError('E0301', 'unknown name `bad`', { span: span(source('<expr>', text), at, at + 3) }));
    const { line, carets } = frameRows(rendered);
    expect(line.startsWith('…')).toBe(true);
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBeLessThanOrEqual(FRAME_WIDTH + 2);
    expect(line.slice(carets.indexOf('^'), carets.lastIndexOf('^') + 1)).toBe('bad');
  });
  it('combining marks take no column: the caret stays under the span after them', () => {
    const text = 'cafe\u0301 + ba\u0308d';
    const at = text.indexOf('b');
    const rendered = renderError(new EstimateError('E0301', 'x', { span: span(source('<expr>', text), at, text.length) }));
    expect(frameRows(rendered).carets).toBe('       ^^^');
  });
  it('a short line is shown whole', () => {
    const rendered = renderError(new EstimateError('E0301', 'unknown name `b`', { span: span(source('<expr>', 'a + b'), 4, 5) }));
    expect(frameRows(rendered)).toEqual({ line: 'a + b', carets: '    ^' });
  });
  it('carets stay aligned after escaping, for any prefix of control, bidi, invisible and wide characters', () => {
    const ch = fc.constantFrom('a', ' ', '\t', '\u202e', '\u200b', '\u0085', '\x1b', '\ufeff', '漢', '😀', '\u2028', '\ud800', '\u{e0041}');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 150 }), fc.array(ch, { maxLength: 150 }), (before, after) => {
        const pre = before.join('');
        const text = pre + 'bad' + after.join('');
        const rendered = renderError(new EstimateError('E0301', 'x', { span: span(source('<expr>', text), pre.length, pre.length + 3) }));
        expect(rendered).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/);
        const { line, carets } = frameRows(rendered);
        // Columns: every character of the shown line is one column except the wide ones.
        const cols = [...line].flatMap((c) => (/[漢😀]/u.test(c) ? [c, ''] : [c]));
        expect(cols.slice(carets.indexOf('^'), carets.lastIndexOf('^') + 1).join('')).toBe('bad');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('one escaping rule', () => {
  const nasty = 'a\u202eb\u2066c\u200bd\u200de\u2028f\u2029g\ufeffh\u0085i\u009bj\u007fk\u00adl';
  it('sanitize shows controls, bidi and invisible characters as escapes', () => {
    expect(sanitize(nasty)).toBe('a\\u202eb\\u2066c\\u200bd\\u200de\\u2028f\\u2029g\\ufeffh\\x85i\\x9bj\\x7fk\\xadl');
    expect(sanitize('\u{e0041}')).toBe('\\u{e0041}');
    expect(sanitize('x\ud800y')).toBe('x\\ud800y');
    expect(sanitize('漢字 µs ×')).toBe('漢字 µs ×');
  });
  it('safeJson escapes them as \\u and stays the same JSON value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom(undefined, 2), (s, indent) => {
        const text = safeJson({ s, list: [s] }, indent);
        expect(JSON.parse(text)).toEqual({ s, list: [s] });
        expect(text).not.toMatch(/[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/);
        expect(text).not.toMatch(/\p{Cc}(?<!\n)/u);
      }),
      { numRuns: 2000 },
    );
    expect(safeJson({ s: nasty })).toBe('{"s":"a\\u202eb\\u2066c\\u200bd\\u200de\\u2028f\\u2029g\\ufeffh\\u0085i\\u009bj\\u007fk\\u00adl"}');
  });
});
