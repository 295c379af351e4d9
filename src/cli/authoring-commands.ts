/**
 * The authoring commands (issue 15): schema, check, new, completion, repl and the hidden
 * __complete. Each command's module is imported only when it runs, so none of them costs the
 * start-up of `estimate <template>`.
 */
import { type Command } from 'commander';
import { wrapText } from '../render/text-width.js';
import { type Io } from './io.js';

/** Help text after the options: each paragraph wrapped at the terminal's width, after a blank line. */
export function helpParagraphs(io: Io, ...paragraphs: string[]): string {
  return '\n' + paragraphs.map((p) => wrapText(p, Math.max(10, io.columns)).join('\n')).join('\n');
}

export function addAuthoringCommands(program: Command, io: Io, setStatus: (s: number) => void): void {
  program.addHelpText('after', () =>
    helpParagraphs(
      io,
      'Your templates live in $ESTIMATE_TEMPLATES, else $XDG_CONFIG_HOME/estimate/templates (~/.config/estimate/templates); `estimate list` shows where each comes from. Write one with `estimate new NAME`, lint it with `estimate check NAME.yaml`; `estimate repl` is a calculator.',
    ),
  );
  program
    .command('schema')
    .description('print the JSON Schema of templates (for editors: see docs/authoring.md)')
    .action(async () => {
      const { runSchema } = await import('./commands/schema.js');
      setStatus(runSchema(io));
    });

  program
    .command('check')
    .description('lint templates without running them: unused inputs, hidden quantities, missing help, book figures; all problems at once')
    .argument('<file...>', 'template files, folders of templates, or template names')
    .option('--strict', 'warnings fail too (exit 1), for CI', false)
    .option('--json', 'one JSON object per finding', false)
    .action(async (files: string[], opts: { strict: boolean; json: boolean }) => {
      const { runCheck } = await import('./commands/check.js');
      setStatus(runCheck(files, opts, io));
    });

  program
    .command('new')
    .description('write a commented starter template NAME.yaml (or a renamed copy of one with --from)')
    .argument('<name>', 'the new template\'s name')
    .option('--from <template>', 'copy this template (its book figures dropped)')
    .option('--user', 'write into your template folder instead of the current folder', false)
    .option('--force', 'replace an existing file', false)
    .action(async (name: string, opts: { from?: string; force: boolean; user: boolean }) => {
      const { runNew } = await import('./commands/new.js');
      setStatus(runNew(name, opts, io));
    });

  program
    .command('completion')
    .description('print a shell completion script: source <(estimate completion bash)')
    .argument('<shell>', 'bash, zsh or fish')
    .action(async (shell: string) => {
      const { runCompletion } = await import('./commands/completion.js');
      setStatus(runCompletion(shell, io));
    });

  program
    .command('repl')
    .description('an interactive calculator; with a template, its inputs and quantities are in scope')
    .argument('[template]', 'a template name or file')
    .action(async (template: string | undefined) => {
      const { runRepl } = await import('./commands/repl.js');
      setStatus(await runRepl(template, io));
    });

  // What the completion scripts call on each Tab; hidden from the help and from completion.
  program
    .command('__complete', { hidden: true })
    // Optional: a Tab never prints an error, so even a bare `__complete` answers nothing, exit 0.
    .argument('[shell]')
    .argument('[words...]')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (shell: string | undefined, words: string[] | undefined) => {
      if (shell === undefined) return setStatus(0);
      const { runComplete } = await import('./commands/completion.js');
      setStatus(runComplete(program, shell, words ?? [], io));
    });
}
