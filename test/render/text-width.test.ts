import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import stringWidth from '../../vendor/fast-string-width/index.js';
import { cutWithEllipsis, textWidth, wrapHanging, wrapText } from '../../src/render/text-width.js';
import { ROOT } from '../helpers.js';

// Whole clusters with the width a terminal gives them, one class of text each.
const CLUSTERS: readonly (readonly [string, number, string])[] = [
  ['a', 1, 'ASCII letter'],
  [' ', 1, 'space'],
  ['µ', 1, 'Latin-1 (ambiguous width counts 1)'],
  ['e\u0301', 1, 'e + combining acute'],
  ['a\u0300\u0316\u0301', 1, 'a + three combining marks'],
  ['\u0915\u094d', 1, 'Devanagari consonant + virama'],
  ['漢', 2, 'CJK ideograph'],
  ['の', 2, 'Hiragana'],
  ['한', 2, 'Hangul syllable'],
  ['\u1100\u1161\u11a8', 2, 'Hangul conjoining jamo L V T'],
  ['Ａ', 2, 'fullwidth Latin'],
  ['\u3000', 2, 'ideographic space'],
  ['😀', 2, 'emoji presentation'],
  ['👍🏽', 2, 'emoji + skin tone'],
  ['☝🏽', 2, 'text-default emoji + skin tone'],
  ['👨‍👩‍👧', 2, 'ZWJ family'],
  ['🏳️‍🌈', 2, 'ZWJ flag with VS16'],
  ['🇫🇷', 2, 'flag (regional indicator pair)'],
  ['🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}', 2, 'tag-sequence flag'],
  ['1\ufe0f\u20e3', 2, 'keycap'],
  ['©\ufe0f', 2, 'text-default emoji + VS16'],
  ['❤', 1, 'text-default emoji without VS16'],
  ['\u200b', 0, 'zero-width space'],
  ['\u200e', 0, 'left-to-right mark'],
  ['\u0007', 0, 'control character'],
];

describe('textWidth: the columns a terminal gives each class of text', () => {
  it.each(CLUSTERS)('%j is %i columns (%s)', (text, width) => {
    expect(textWidth(text)).toBe(width);
  });
  it('ANSI escape sequences take no columns', () => {
    expect(textWidth('\x1b[31mred\x1b[0m')).toBe(3);
    expect(textWidth('\x1b[1;38;5;208m漢字\x1b[m')).toBe(4);
    expect(textWidth('\x1b]8;;https://example.com\x07link\x1b]8;;\x07')).toBe(4);
    expect(textWidth('\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\')).toBe(4);
  });
  it('a lone regional indicator is 1 column, a pair is one 2-column flag', () => {
    expect(textWidth('🇫')).toBe(1);
    expect(textWidth('🇫🇷🇩🇪')).toBe(4);
    expect(textWidth('🇫🇷🇩')).toBe(3);
  });
  it('a lone surrogate counts as the one-column replacement character it prints as', () => {
    expect(textWidth('a\ud83d')).toBe(2);
  });
  it('keeps string-width@4 calling conventions (cli-table3 calls it so)', () => {
    const required = createRequire(import.meta.url)('../../vendor/fast-string-width/index.js') as typeof stringWidth;
    expect(typeof required).toBe('function');
    expect(required.default).toBe(required);
    expect(required('漢字')).toBe(4);
    expect(required('')).toBe(0);
    expect((required as unknown as (x: unknown) => number)(undefined)).toBe(0);
  });
});

const cluster = fc.constantFrom(...CLUSTERS.filter(([, w]) => w > 0));
const wordCluster = fc.constantFrom(...CLUSTERS.filter(([c, w]) => w > 0 && c !== ' '));
const word = fc.array(wordCluster, { minLength: 1, maxLength: 12 }).map((cs) => cs.map((c) => c[0]).join(''));
const text = fc.array(cluster, { maxLength: 40 }).map((cs) => ({ text: cs.map((c) => c[0]).join(''), width: cs.reduce((a, c) => a + c[1], 0) }));
const ansi = fc.constantFrom('\x1b[0m', '\x1b[31m', '\x1b[1;4m', '\x1b[38;2;1;2;3m', '\x1b]8;;http://x\x07', '\x1b]8;;\x1b\\');

describe('textWidth properties', () => {
  it('the width of text is the sum of its clusters', () => {
    fc.assert(fc.property(text, (t) => textWidth(t.text) === t.width));
  });
  it('escape sequences anywhere between clusters change nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cluster, fc.option(ansi)), { maxLength: 30 }), (parts) => {
        const plain = parts.map(([c]) => c[0]).join('');
        const coloured = parts.map(([c, a]) => (a ?? '') + c[0]).join('');
        return textWidth(coloured) === textWidth(plain);
      }),
    );
  });
  it('never throws and is at most two columns per code point, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const w = textWidth(s);
        return Number.isInteger(w) && w >= 0 && w <= 2 * [...s].length;
      }),
    );
  });
});

describe('cutting and wrapping', () => {
  it('cuts between clusters, never inside an emoji sequence, a flag or an accented letter', () => {
    fc.assert(
      fc.property(text, fc.nat(90), (t, n) => {
        const cut = stringWidth.cutToWidth(t.text, n);
        return t.text.startsWith(cut) && textWidth(cut) <= n && textWidth(cut) + textWidth(t.text.slice(cut.length)) === t.width;
      }),
    );
  });
  it('a cut text ends in … and fits', () => {
    expect(cutWithEllipsis('abcdef', 4)).toBe('abc…');
    expect(cutWithEllipsis('漢字漢字', 4)).toBe('漢…');
    expect(cutWithEllipsis('👨‍👩‍👧👨‍👩‍👧', 3)).toBe('👨‍👩‍👧…');
    expect(cutWithEllipsis('short', 9)).toBe('short');
  });
  it('wrapped lines never exceed the width, and words that fit are kept whole', () => {
    const words = fc.array(fc.oneof(fc.constantFrom('word', 'a', 'tweet/s/server'), word), { maxLength: 30 });
    fc.assert(
      fc.property(words, fc.integer({ min: 1, max: 60 }), (ws, width) => {
        const lines = wrapText(ws.join(' '), width);
        if (!lines.every((l) => textWidth(l) <= width)) return false;
        const kept = lines.join(' ').split(/ +/);
        return ws.filter((w) => w !== '' && textWidth(w) <= width).every((w) => kept.includes(w));
      }),
    );
  });
  it('a 10,000-character word is cut to the line', () => {
    expect(wrapText('x'.repeat(10_000), 30)).toEqual(['x'.repeat(29) + '…']);
  });
  it('a text taller than the most lines allowed ends in …', () => {
    const lines = wrapText('word '.repeat(100), 20, 20, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]!.endsWith('…')).toBe(true);
    expect(lines.every((l) => textWidth(l) <= 20)).toBe(true);
  });
  it('a hanging indent keeps every line inside the width', () => {
    const lines = wrapHanging('Assumption: Daily active share of monthly users', 20, '  ', '    ');
    expect(lines).toEqual(['  Assumption: Daily', '    active share of', '    monthly users']);
  });
});

describe('the width function cli-table3 uses', () => {
  it('is this one: the npm override installed vendor/fast-string-width as its string-width', () => {
    const require = createRequire(`${ROOT}/node_modules/cli-table3/src/utils.js`);
    const installed = readFileSync(require.resolve('string-width'), 'utf8');
    expect(installed, 'vendor/fast-string-width changed: see vendor/fast-string-width/README.md').toBe(
      readFileSync(`${ROOT}/vendor/fast-string-width/index.js`, 'utf8'),
    );
  });
});
