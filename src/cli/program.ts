/**
 * argv -> options -> command. Builds the commander program; each command's module is imported
 * only when that command runs, so start-up pays for nothing it does not use.
 */
import { Command, CommanderError, Option } from 'commander';
import { type Io } from './io.js';
import { reportError } from './report-error.js';

/** The output formats of an estimate. */
export const FORMATS = ['table', 'markdown', 'json', 'csv'] as const;

/** Options of `estimate <template>`, filled by flags (and by the interactive prompts). */
export interface EstimateOptions {
  readonly set: readonly string[];
  readonly format?: (typeof FORMATS)[number];
  readonly output?: string;
  readonly explain: boolean;
  readonly interactive: boolean;
  readonly ascii?: boolean;
}

/** Runs the program on argv (without `node` and the script); returns the exit status. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const json = wantsJson(args);
  let status = 0;
  const program = buildProgram(io, (s) => {
    status = s;
  });
  try {
    await program.parseAsync([...args], { from: 'user' });
    return status;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    return reportError(e, io, { json, debug });
  }
}

function wantsJson(args: readonly string[]): boolean {
  const i = args.indexOf('--format');
  return args.includes('--json') || args.includes('--format=json') || (i >= 0 && args[i + 1] === 'json');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function buildProgram(io: Io, setStatus: (s: number) => void): Command {
  const program = new Command('estimate');
  program
    .description('Back-of-the-envelope capacity estimates: QPS, peak load, storage, bandwidth, cache, servers, cost.')
    .version('0.1.0', '-V, --version')
    .exitOverride()
    // Options after a subcommand belong to it (`ref nines --format json`), not to the root.
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(s.replace(/^error:/, 'error[E0908]:')),
    })
    .showSuggestionAfterError(true)
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', '\nRun `estimate list` for the built-in templates, `estimate calc "300M * 50%"` for the calculator.\nAdd --debug to any command to see stack traces of internal errors.');

  program
    .argument('[template]', 'a built-in template name, a .yaml file, or a name in $ESTIMATE_TEMPLATES')
    .option('-s, --set <name=expr>', 'override an input (repeatable): --set mau=1.5bn', collect, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS))
    .option('-o, --output <file>', 'write to a file (format from its extension unless --format)')
    .option('-e, --explain', 'show each derivation step', false)
    .option('-i, --interactive', 'answer one question per input', false)
    .option('--ascii', 'draw table borders with + - | (also when TERM=dumb)')
    .action(async (template: string | undefined, opts: EstimateOptions) => {
      if (template === undefined && !opts.interactive && !(io.stdinIsTTY && io.stdoutIsTTY)) {
        // Never prompt without a terminal: bare `estimate` in a pipe or CI shows the usage.
        io.err(program.helpInformation());
        setStatus(2);
        return;
      }
      const { runEstimate } = await import('./commands/estimate.js');
      setStatus(await runEstimate(template, opts, io));
    });

  program
    .command('calc')
    .description('evaluate one expression: estimate calc "150M * 2 / day"')
    .argument('<expression...>', 'the expression (quote it, or pass it as several words)')
    .option('--json', 'print {value, unit, si, dimension}', false)
    .option('--to <unit>', 'convert the result to this unit')
    .option('--units <names>', 'declare count units, comma-separated: --units user,tweet')
    .action(async (words: string[], opts: { json: boolean; to?: string; units?: string }) => {
      const { runCalc } = await import('./commands/calc.js');
      setStatus(runCalc({ expression: words.join(' '), ...opts }, io));
    });

  program
    .command('list')
    .description('list the built-in templates and those in your template folder')
    .action(async () => {
      const { runList } = await import('./commands/list.js');
      setStatus(runList(io));
    });

  program
    .command('show')
    .description('print the YAML source of a template')
    .argument('<template>', 'template name or file')
    .action(async (template: string) => {
      const { runShow } = await import('./commands/list.js');
      setStatus(runShow(template, io));
    });

  program
    .command('ref')
    .description('reference cards: latency, powers, nines')
    .argument('[card]', 'the card to show')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS))
    .option('-o, --output <file>', 'write to a file')
    .option('--ascii', 'draw table borders with + - | (also when TERM=dumb)')
    .action(async (card: string | undefined, opts: { format?: (typeof FORMATS)[number]; output?: string; ascii?: boolean }) => {
      const { runRef } = await import('./commands/ref.js');
      setStatus(await runRef(card, opts, io));
    });

  return program;
}
