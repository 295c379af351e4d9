/** `estimate list` and `estimate show <template>`. */
import { parseTemplate } from '../../template/load.js';
import { cachedTitle } from '../../template/tree-cache.js';
import { builtinFolder, findTemplate, readTemplateBytes, readTemplateFile, scanTemplates } from '../../template/read-file.js';
import { sanitize } from '../../diagnostics/sanitize.js';
import { wrapHanging } from '../../render/text-width.js';
import { verboseNotes, type Io } from '../io.js';

/**
 * Prints one line per template on stdout: name, title and where it comes from (`built-in`, or
 * the file's path); on stderr a warning per template hidden by another of the same name and a
 * note per other file of the template folders passed over (a bad name, not a regular file).
 */
export function runList(io: Io): number {
  const { templates, skipped } = scanTemplates(io.env);
  const width = Math.max(0, ...templates.map((r) => r.name.length));
  for (const ref of templates) {
    let title: string;
    try {
      const file = readTemplateFile(ref.path, ref.path);
      title = (ref.builtin ? cachedTitle(ref.name, file, builtinFolder()) : undefined) ?? parseTemplate(file, ref.builtin ? { name: ref.name, folder: builtinFolder() } : undefined).title;
    } catch {
      title = '(cannot be read: run `estimate ' + ref.name + '` to see why)';
    }
    const line = `${sanitize(title)}  [${ref.builtin ? 'built-in' : sanitize(ref.path)}]`;
    // On a terminal a long title wraps under itself at the width; a pipe keeps one line per
    // template, for `cut` and `grep`.
    const lines = io.stdoutIsTTY ? wrapHanging(line, io.columns, `${ref.name.padEnd(width)}  `, ' '.repeat(width + 2)) : [`${ref.name.padEnd(width)}  ${line}`];
    io.out(lines.join('\n') + '\n');
  }
  for (const s of skipped) io.err(`${s.shadowed ? 'warning' : 'note'}: skipped ${sanitize(s.path)}: ${s.reason}\n`);
  return 0;
}

/**
 * Prints a template's source byte for byte (BOM, CRLF, a missing final newline and all), so
 * `estimate show x > x.yaml` copies it. On a terminal, control characters are shown escaped
 * instead, so a file cannot drive the terminal.
 */
export function runShow(arg: string, io: Io): number {
  const ref = findTemplate(arg, io.env, io.cwd, verboseNotes(io));
  const bytes = readTemplateBytes(ref.path, arg);
  if (!io.stdoutIsTTY) {
    io.outBytes(bytes);
    return 0;
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  io.out(sanitize(text, true) + (text.endsWith('\n') ? '' : '\n'));
  return 0;
}
