/**
 * What is read from argv before commander parses it: whether errors are wanted as JSON (so
 * even commander's own usage errors can be), and calc's expression words that start with `-`.
 */
import { formatNamed } from '../render/formats.js';

/**
 * Options that take a value, so the word after them is never read as a command, an option or
 * a format. A new option with a value (in program.ts) belongs here too.
 */
const VALUE_OPTIONS = new Set(['-s', '--set', '--convention', '-f', '--format', '-o', '--output', '--to', '--units', '--samples', '--seed', '--samples-out', '--prices', '--swing', '--sweep', '--show', '--grow', '--years', '--months', '--accumulate', '--until', '--solve', '--for', '--compare', '--digits']);

/** calc's options that take a value. */
const CALC_VALUE_FLAGS = new Set(['--to', '--units', '--convention', '--samples', '--seed', '--digits']);

/**
 * Whether errors are wanted as JSON: `--format json` in any spelling (`-f json`, `--format=json`,
 * `-fjson`, `--format JSON`) or calc's `--json`, before any `--`.
 */
export function wantsJson(args: readonly string[]): boolean {
  let calcJson = false;
  let format: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a === '--json') calcJson = true;
    const m = /^(?:--format=?|-f=?)(.*)$/s.exec(a);
    // The last --format wins, as it does for the output.
    if (m) format = m[1] !== '' ? m[1] : a === '--format' || a === '-f' ? args[i + 1] : format;
    if (VALUE_OPTIONS.has(a)) i++;
  }
  return calcJson || (format !== undefined && formatNamed(format)?.name === 'json');
}

/** calc's options (and any long option, so a misspelt one is named); every other word after `calc` is the expression. */
const CALC_FLAGS = /^(?:--json|--to|--units|--samples|--seed|--digits|--(?:to|units|samples|seed|digits)=.*|-h|--help|--[A-Za-z][\w-]*)$/s;

/**
 * `calc -2^2`, `calc "-1 MB"`: an expression may start with `-`, which commander would take for
 * an option. The words of calc that are not its options move behind a `--`, where commander
 * reads them as the expression; calc's options (`--json`, `--to`, `--units`) still work on
 * either side of it. A word like `--jsn` stays an option, so commander names the misspelling.
 */
export function expressionsAsOperands(args: readonly string[]): string[] {
  let at = 0;
  while (at < args.length && args[at]!.startsWith('-') && args[at] !== '--') at += VALUE_OPTIONS.has(args[at]!) ? 2 : 1;
  if (args[at] !== 'calc') return [...args];
  const flags: string[] = [];
  const words: string[] = [];
  for (let i = at + 1; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (CALC_FLAGS.test(a)) {
      // `calc 1 --to` with no unit: left as typed, so commander says the argument is missing.
      if (CALC_VALUE_FLAGS.has(a) && i + 1 >= args.length) return [...args];
      flags.push(a);
      if (CALC_VALUE_FLAGS.has(a)) flags.push(args[++i]!);
    } else {
      words.push(a);
    }
  }
  return [...args.slice(0, at + 1), ...flags, ...(words.length > 0 ? ['--', ...words] : [])];
}
