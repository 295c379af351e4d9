/**
 * redteam F7: the HTML export escapes text as every other format does (src/diagnostics/sanitize.ts):
 * a bidi override, a zero-width or C1 character is shown as an escape, ESC is shown, not dropped.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { esc } from '../../src/render/svg.js';
import { cli, tempDir } from '../helpers.js';

const HOSTILE = 'X\u202eevil\u200b\u0085\t\u001b[31mRED';

describe('HTML export escaping', () => {
  it('esc shows bidi, zero-width, C1 and ESC as escapes, a tab and a line break as spaces', () => {
    expect(esc(HOSTILE)).toBe('X\\u202eevil\\u200b\\x85 \\x1b[31mRED');
    expect(esc('a\nb\r\nc')).toBe('a b c');
    expect(esc('<b>&"\'')).toBe('&lt;b&gt;&amp;&quot;&#39;');
  });
  it('an emoji joined with a zero-width joiner stays one picture', () => {
    expect(esc('👨\u200d👩\u200d👧')).toBe('👨\u200d👩\u200d👧');
  });
  it('a template whose title and label hold hostile characters: the page holds none of them raw', async () => {
    const file = join(tempDir(), 'i.yaml');
    const q = JSON.stringify(HOSTILE);
    writeFileSync(file, `name: i\ntitle: ${q}\ninputs:\n  a:\n    label: ${q}\n    default: 1\n    help: h\nquantities:\n  q: a*2\nsections:\n  S: [q]\n`);
    const r = await cli([file, '-f', 'html']);
    expect(r.code).toBe(0);
    // No control, bidi or zero-width character anywhere (the page's own newlines aside).
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u);
    expect(r.stdout).toContain('<title>X\\u202eevil\\u200b\\x85 \\x1b[31mRED</title>');
    expect(r.stdout).toContain('<h1>X\\u202eevil');
  });
});
