/** `estimate list` and `estimate show <template>`. */
import { parseTemplate } from '../../template/load.js';
import { builtinFolder, findTemplate, listTemplates, readTemplateFile } from '../../template/read-file.js';
import { sanitize } from '../../diagnostics/sanitize.js';
import { type Io } from '../io.js';

/** Prints one line per template: name and title. */
export function runList(io: Io): number {
  const refs = listTemplates(io.env);
  const width = Math.max(0, ...refs.map((r) => r.name.length));
  for (const ref of refs) {
    let title: string;
    try {
      title = parseTemplate(readTemplateFile(ref.path, ref.path), ref.builtin ? { name: ref.name, folder: builtinFolder() } : undefined).title;
    } catch {
      title = '(cannot be read: run `estimate ' + ref.name + '` to see why)';
    }
    io.out(`${ref.name.padEnd(width)}  ${sanitize(title)}${ref.builtin ? '' : '  [' + ref.path + ']'}\n`);
  }
  return 0;
}

/** Prints a template's YAML source. */
export function runShow(arg: string, io: Io): number {
  const ref = findTemplate(arg, io.env, io.cwd);
  const text = readTemplateFile(ref.path, arg).text;
  io.out(sanitize(text, true) + (text.endsWith('\n') ? '' : '\n'));
  return 0;
}
