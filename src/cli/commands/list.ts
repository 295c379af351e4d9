/** `estimate list` and `estimate show <template>`. */
import { parseTemplate } from '../../template/load.js';
import { builtinFolder, findTemplate, readTemplateBytes, readTemplateFile, scanTemplates } from '../../template/read-file.js';
import { sanitize } from '../../diagnostics/sanitize.js';
import { verboseNotes, type Io } from '../io.js';

/**
 * Prints one line per template (name and title) on stdout, and on stderr one note per file of
 * the template folders that was passed over (a bad name, not a regular file, shadowed).
 */
export function runList(io: Io): number {
  const { templates, skipped } = scanTemplates(io.env);
  const width = Math.max(0, ...templates.map((r) => r.name.length));
  for (const ref of templates) {
    let title: string;
    try {
      title = parseTemplate(readTemplateFile(ref.path, ref.path), ref.builtin ? { name: ref.name, folder: builtinFolder() } : undefined).title;
    } catch {
      title = '(cannot be read: run `estimate ' + ref.name + '` to see why)';
    }
    io.out(`${ref.name.padEnd(width)}  ${sanitize(title)}${ref.builtin ? '' : '  [' + sanitize(ref.path) + ']'}\n`);
  }
  for (const s of skipped) io.err(`note: skipped ${sanitize(s.path)}: ${s.reason}\n`);
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
