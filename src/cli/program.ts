/**
 * argv -> options -> command. Builds the commander program; each command's module is imported
 * only when that command runs, so start-up pays for nothing it does not use. The options
 * types live in options.ts, the output formats in render/formats.ts.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EstimateError } from '../diagnostics/error.js';
import { errorToJson, renderError } from '../diagnostics/render.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { describeFormats, formatNamed, OUTPUT_FORMATS, type FormatName } from '../render/formats.js';
import { expressionsAsOperands, wantsJson } from './argv.js';
import { withVerbose, type Io } from './io.js';
import { type EstimateOptions, packageVersion, quotedArg, type RefOptions, wantsAnalysis } from './options.js';
import { reportError } from './report-error.js';
import { addAuthoringCommands, helpParagraphs } from './authoring-commands.js';

/** Runs the program on argv (without `node` and the script); returns the exit status. */
export async function run(argv: readonly string[], processIo: Io): Promise<number> {
  const debug = argv.includes('--debug');
  // --verbose, like --debug, may stand anywhere: it only adds notes on stderr.
  const io = argv.includes('--verbose') ? withVerbose(processIo) : processIo;
  const args = expressionsAsOperands(argv.filter((a) => a !== '--debug' && a !== '--verbose'));
  const json = wantsJson(args);
  let status = 0;
  const program = buildProgram(io, json, (s) => {
    status = s;
  });
  try {
    const commands = userCommands(program);
    // `estimate help lst`: commander would print the root help as an error; say which word.
    if (args[0] === 'help' && args[1] !== undefined && !args[1].startsWith('-') && !commands.includes(args[1])) throw unknownCommand(args[1], commands);
    await program.parseAsync([...args], { from: 'user' });
    return status;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    return reportError(e, io, { json, debug });
  }
}

/** The commands a user may type: `__complete`, which the completion scripts call, is not one. */
function userCommands(program: Command): string[] {
  return program.commands.map((c) => c.name()).filter((name) => !name.startsWith('__'));
}

/** `-o -` is standard output, as for most Unix tools: no file at all. */
function fileOutput(output: string | undefined): string | undefined {
  return output === '-' ? undefined : output;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--format md` -> markdown: a name or an alias of a format (render/formats.ts). */
function parseFormat(value: string): FormatName {
  const f = formatNamed(value);
  if (f) return f.name;
  const hint = didYouMean(value, OUTPUT_FORMATS.flatMap((x) => [x.name, ...x.aliases]));
  throw new InvalidArgumentError(`The formats are ${describeFormats()}.${hint ? ` ${hint[0]!.toUpperCase()}${hint.slice(1)}` : ''}`);
}

function formatOption(): Option {
  return new Option('-f, --format <format>', `output format: ${describeFormats()}`).argParser(parseFormat);
}

function buildProgram(io: Io, json: boolean, setStatus: (s: number) => void): Command {
  const program = new Command('estimate');
  program
    .description('Back-of-the-envelope capacity estimates: QPS, peak load, storage, bandwidth, cache, servers, cost.')
    .exitOverride()
    // Options after a subcommand belong to it (`ref nines --format json`), not to the root.
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      // The width the tables use (80 when not a terminal), so help never runs past the screen.
      getOutHelpWidth: () => io.columns,
      getErrHelpWidth: () => io.columns,
      // commander's own usage errors, in the same shape as every other error (text or JSON).
      outputError: (s, write) => write(usageError(s, json)),
    })
    .showSuggestionAfterError(true)
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .addOption(new Option('-v, --version', 'print the version'))
    // -V too: the spelling commander and many tools use.
    .addOption(new Option('-V').hideHelp())
    .on('option:version', () => printVersion(io))
    .on('option:V', () => printVersion(io))
    .addHelpText('after', () => helpParagraphs(io, 'Run `estimate list` for the built-in templates, `estimate calc "300M * 50%"` for the calculator. Add --debug to any command to see stack traces of internal errors, --verbose to see which files of the template folders were skipped.'));

  program
    .argument('[template]', 'a built-in template name, a .yaml file, or a name in $ESTIMATE_TEMPLATES')
    .option('-s, --set <name=expr>', 'override an input (repeatable): --set mau=1.5bn', collect, [])
    .option('--convention <name=value>', 'a day, month, year, billing_month or data convention (repeatable): --convention month=730h', collect, [])
    .addOption(formatOption())
    .option('-o, --output <file>', 'write to a file (format from its extension unless --format); - is standard output')
    .option('-e, --explain', 'show each derivation step', false)
    .option('-i, --interactive', 'answer one question per input', false)
    .option('--ascii', 'draw table borders with + - | (also when TERM=dumb)')
    .option('--ranges', "use every input's declared range (Monte Carlo)", false)
    .option('--samples <n>', 'samples drawn for ranges (default 10,000)')
    .option('--seed <s>', 'seed of the sample generator (default fixed)')
    .option('--samples-out <file>', 'write the raw samples of the outputs to a CSV file')
    .option('--prices <file>', 'a YAML file of prices replacing the catalogue\'s (estimate ref prices)')
    // What-if analyses (issue 14, docs/analysis.md).
    .option('--sensitivity [outputs...]', 'rank the inputs by how far each moves the outputs (a tornado)')
    .option('--swing <factor>', 'how far --sensitivity moves an input without a range: ÷F to ×F (default 2)')
    .option('--sweep <name=lo..hi>', 'a row per value: :N points (linear) or *F (geometric); two make a grid', collect, [])
    .option('--show <outputs>', 'the outputs a sweep or projection shows, comma-separated')
    .option('--grow <name=rate>', 'grow an input per period: --grow mau=40%/year (repeatable)', collect, [])
    .option('--years <n>', 'project over n years (row 0 is today; default 5)')
    .option('--months <n>', 'project over n months')
    .option('--accumulate <quantity>', 'sum a rate over the projected periods (repeatable)', collect, [])
    .option('--until <condition>', 'the first period where a condition holds: "write_servers > 100"')
    .option('--solve <input>', 'goal seek: the input to move (with --for)')
    .option('--for <goal>', 'the goal of --solve: "write_servers = 20", <= or >=')
    .option('--compare <name=expr>', 'compare with a scenario that overrides these inputs (repeatable)', collect, [])
    .option('--hist', 'a small histogram of each sampled output')
    .option('--digits <n>', 'significant digits of every shown number (default 4)')
    .option('--napkin', 'add each result as a whiteboard shows it: one figure, a power of ten, and the error', false)
    .action(async (template: string | undefined, opts: EstimateOptions, cmd: Command) => {
      const commands = userCommands(program).concat('help');
      if (cmd.args.length > 1) throw excessArguments(cmd.args, commands);
      if (template === undefined && !opts.interactive && !(io.stdinIsTTY && io.stdoutIsTTY)) {
        // Never prompt without a terminal: bare `estimate` in a pipe or CI shows the usage.
        io.err(program.helpInformation());
        setStatus(2);
        return;
      }
      if (opts.interactive || opts.samplesOut !== undefined) {
        // The prompts and the raw samples are the plain estimate's; an analysis flag there would be ignored.
        const { refuseAnalysisWith } = await import('./commands/analyze.js');
        refuseAnalysisWith(opts);
      }
      if (template !== undefined && !opts.interactive) {
        const { chosenFormat } = await import('./commands/estimate.js');
        if (wantsAnalysis(opts) || chosenFormat(opts.format, opts.output) === 'html') {
          const { runAnalyze } = await import('./commands/analyze.js');
          setStatus(await runAnalyze(template, { ...opts, output: fileOutput(opts.output) }, io, { commands }));
          return;
        }
      }
      const { runEstimate } = await import('./commands/estimate.js');
      setStatus(await runEstimate(template, { ...opts, output: fileOutput(opts.output) }, io, { commands }));
    });

  program
    .command('calc')
    .description('evaluate one expression: estimate calc "150M * 2 / day" (it may start with -: calc -2^2)')
    .argument('<expression...>', 'the expression (quote it, or pass it as several words)')
    .option('--json', 'print {value, unit, si, dimension}', false)
    .option('--to <unit>', 'convert the result to this unit')
    .option('--units <names>', 'declare count units, comma-separated: --units user,tweet')
    .option('--convention <name=value>', 'a day, month, year, billing_month or data convention (repeatable): --convention data=binary', collect, [])
    .option('--samples <n>', 'samples drawn for ranges (default 10,000)')
    .option('--seed <s>', 'seed of the sample generator (default fixed)')
    .option('--digits <n>', 'significant digits of the result (default 4)')
    .action(async (words: string[], opts: { json: boolean; to?: string; units?: string; convention?: string[]; samples?: string; seed?: string; digits?: string }) => {
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
    .description('reference cards: latency, powers, nines, conventions')
    .argument('[card]', 'the card to show')
    .addOption(formatOption())
    .option('-o, --output <file>', 'write to a file')
    .option('--ascii', 'draw table borders with + - | (also when TERM=dumb)')
    .action(async (card: string | undefined, opts: RefOptions) => {
      const { runRef } = await import('./commands/ref.js');
      setStatus(await runRef(card, { ...opts, output: fileOutput(opts.output) }, io));
    });

  addAuthoringCommands(program, io, setStatus);
  program
    .command('diff')
    .description('two scenarios side by side: estimate diff twitter my-twitter.yaml')
    .argument('<a>', 'the first template (name or file)')
    .argument('<b>', 'the second template (name or file)')
    .option('-s, --set <name=expr>', 'override an input on both sides (repeatable)', collect, [])
    .addOption(formatOption())
    .option('-o, --output <file>', 'write to a file (format from its extension unless --format)')
    .option('--ascii', 'draw with ASCII only (also when TERM=dumb)')
    .option('--ranges', "use every input's declared range (medians compared)", false)
    .option('--samples <n>', 'samples drawn for ranges (default 10,000)')
    .option('--seed <s>', 'seed of the sample generator (default fixed)')
    .action(async (a: string, b: string, opts: import('./commands/diff.js').DiffOptions) => {
      const { runDiff } = await import('./commands/diff.js');
      setStatus(await runDiff(a, b, { ...opts, output: fileOutput(opts.output) }, io));
    });

  // --ascii draws the analyses' pictures in ASCII; the tables work may declare it first.
  if (!program.options.some((o) => o.long === '--ascii')) program.option('--ascii', 'draw with ASCII only (also when TERM=dumb)');

  // A second word at the root is checked by its action (`estimate calcc 1+1` -> did you mean
  // calc?). Set last: subcommands copy their parent's settings when made, and must keep
  // refusing extra words (`estimate list extra`).
  program.allowExcessArguments(true);
  return program;
}

/**
 * One of commander's messages (`error: unknown option '--jsn'\n(Did you mean --json?)`) as an
 * E0908 like every other error: `error[E0908]: ...` with `= help:` lines, or one JSON object.
 */
export function usageError(text: string, json: boolean): string {
  const lines = text.replace(/^error:\s*/, '').trimEnd().split('\n');
  const isHint = (l: string) => /^\(Did you mean .*\)$/s.test(l.trim());
  const help = lines.filter(isHint).map((l) => 'd' + l.trim().slice(2, -1));
  // Rendered like every other error, so the same escaping applies to what the user typed.
  // commander quotes what was typed ('--xxx…'): a huge word is cut, not echoed whole.
  const message = lines.filter((l) => !isHint(l)).join(' ').replace(/'([^']{61,})'/g, (_, w: string) => quotedArg(w).replace(/^`|`$/g, "'"));
  const err = new EstimateError('E0908', message, help.length ? { help: help.map((h) => (h.length > 200 ? h.slice(0, 199) + '…' : h)) } : {});
  return (json ? JSON.stringify(errorToJson(err)) : renderError(err)) + '\n';
}

/** Prints the version and stops, the way commander's own --version does. */
function printVersion(io: Io): never {
  const v = packageVersion();
  io.out(v + '\n');
  throw new CommanderError(0, 'commander.version', v);
}

/** A word where a command was expected, with the closest command if any. */
function unknownCommand(word: string, commands: readonly string[]): EstimateError {
  const hint = didYouMean(word, commands);
  return new EstimateError('E0908', `unknown command ${quotedArg(word)}${hint ? `; ${hint}` : ''}`, { where: 'command line', help: [`the commands are ${commands.join(', ')}`] });
}

/** `estimate calcc 1+1`: a mistyped command; `estimate twitter extra`: one word too many. */
function excessArguments(args: readonly string[], commands: readonly string[]): EstimateError {
  if (didYouMean(args[0]!, commands)) return unknownCommand(args[0]!, commands);
  return new EstimateError('E0908', `unexpected argument ${quotedArg(args[1]!)}: an estimate takes one template`, {
    where: 'command line',
    help: ['quote a value with spaces: --set "mau=1.5 billion"', 'run `estimate --help` for the usage'],
  });
}
