/** readers F14: a `book:` figure copied as published, with its `~` or `≈`; a range says why it cannot be one. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

function template(book: string): string {
  const file = join(tempDir(), 'b.yaml');
  writeFileSync(file, `name: b\ntitle: B\nunits: [tweet]\ninputs:\n  r: 3500 tweet/s\nquantities:\n  q:\n    label: Q\n    value: r\n    book: ${book}\nsections:\n  S: [q]\n`);
  return file;
}

describe('book: as sources print it', () => {
  it.each(['~3,500 tweet/s', '≈ 3500 tweet/s', '~ 3.5K tweet/s', '"~3500 tweet/s"'])('`book: %s` is the figure 3,500 tweet/s', async (book) => {
    const r = await cli([template(book), '--format', 'json']);
    expect(r.stderr).toBe('');
    const q = (JSON.parse(r.stdout) as { outputs: Record<string, { book?: { value: number } }> }).outputs['q']!;
    expect(q.book?.value).toBe(3500);
  });
  it('an error after the `~` points at the right column of the file', async () => {
    const r = await cli([template('~ 3500 tweet/s / zork')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(':10:28');
  });
  it('a `~` alone is still an error, not an empty figure', async () => {
    const r = await cli([template('"~"')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E0103|E0201/);
  });
  it('a range as book is E0720 with a help that says what a book figure is', async () => {
    const r = await cli([template('3400 to 3600 tweet/s')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E0720');
    expect(r.stderr).toContain('write its middle');
  });
  it('`book: 3400-3600 tweet/s` (a source\'s range, which would subtract to -200) is E0720, not a silent -200', async () => {
    const r = await cli([template('3400-3600 tweet/s')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E0720');
    expect(r.stderr).toContain('`3400-3600`');
  });
  it('a glued difference that is no range (`3501-1`) is still read as the subtraction', async () => {
    const r = await cli([template('3501-1 tweet/s')]);
    expect(r.stderr).not.toContain('E0720');
    expect(r.stderr).toContain('E0501');
  });
});
