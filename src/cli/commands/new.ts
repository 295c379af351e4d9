/**
 * `estimate new NAME [--from TEMPLATE]`: writes a starter template (or a renamed copy of one)
 * into the current folder, or the user template folder with --user. An existing file is
 * replaced only with --force, and the file is written whole or not at all.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { schemaPath } from '../../authoring/schema-file.js';
import { copiedTemplate, starterTemplate } from '../../authoring/starter.js';
import { EstimateError } from '../../diagnostics/error.js';
import { sanitize } from '../../diagnostics/sanitize.js';
import { builtinFolder, findTemplate, readTemplateFile, userFolder } from '../../template/read-file.js';
import { type Io } from '../io.js';
import { quotedArg } from '../options.js';
import { checkOutputPath, writeAtomically } from '../write-output.js';

export interface NewOptions {
  readonly from?: string;
  readonly force: boolean;
  readonly user: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function runNew(arg: string, opts: NewOptions, io: Io): number {
  const name = arg.replace(/\.ya?ml$/i, '');
  if (!NAME.test(name) || name.length > 64) {
    throw new EstimateError('E0983', `${quotedArg(arg)} is not a template name`, {
      where: 'new argument',
      help: ['a name is a letter or _ followed by letters, digits, _ and -, at most 64 characters: `estimate new my-feed`'],
    });
  }
  const folder = opts.user ? userFolder(io.env) : io.cwd;
  const path = resolve(folder, `${name}.yaml`);
  const shown = opts.user ? path : relative(io.cwd, path) || basename(path);
  if (existsSync(path) && !opts.force) {
    throw new EstimateError('E0982', `${sanitize(shown)} already exists`, {
      where: 'new argument',
      help: ['choose another name, or add --force to replace it'],
    });
  }
  const text = opts.from === undefined ? starterTemplate(name, schemaPath()) : copy(opts.from, name, io);
  if (opts.user) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (e) {
      throw new EstimateError('E0906', `cannot make the template folder ${sanitize(dirname(path))} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, {
        where: '--user',
        help: ['set $ESTIMATE_TEMPLATES to a folder you can write, or leave out --user to write into the current folder'],
      });
    }
  }
  // `new` has no --output: a refusal points at the name argument (or --user) that chose the path.
  const flag = opts.user ? '--user' : 'new argument';
  writeAtomically(checkOutputPath(path, io.cwd, [], flag), text, path, flag);
  io.err(`wrote ${sanitize(shown)}\n`);
  io.err(`next: edit it, then \`estimate check ${sanitize(opts.user ? name : shown)}\` and \`estimate ${sanitize(opts.user ? name : shown)}\`\n`);
  return 0;
}

function copy(from: string, name: string, io: Io): string {
  const ref = findTemplate(from, io.env, io.cwd);
  const display = ref.builtin ? `templates/${ref.name}.yaml` : ref.path;
  return copiedTemplate(readTemplateFile(ref.builtin ? join(builtinFolder(), `${ref.name}.yaml`) : ref.path, display), name, schemaPath());
}
