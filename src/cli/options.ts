/**
 * The options each command takes, as the command line (and the interactive prompts) fill them.
 * Commands import their options from here and program.ts imports the commands lazily, so no
 * command depends on the program that parses argv.
 */
import { readFileSync } from 'node:fs';
import { type FormatName } from '../render/formats.js';

/** The what-if flags of the root command (commands/analyze.ts, docs/analysis.md). */
export interface AnalysisFlags {
  readonly sensitivity?: boolean | string[];
  readonly swing?: string;
  readonly sweep?: readonly string[];
  readonly show?: string;
  readonly grow?: readonly string[];
  readonly years?: string;
  readonly months?: string;
  readonly accumulate?: readonly string[];
  readonly until?: string;
  readonly solve?: string;
  readonly for?: string;
  readonly compare?: readonly string[];
  readonly hist?: boolean;
  readonly ascii?: boolean;
}

/**
 * Whether any what-if flag was given. Here, not in commands/analyze.ts, so the plain estimate
 * can ask without loading the analyses (bin/estimate.js loads them from a chunk of their own).
 */
export function wantsAnalysis(f: AnalysisFlags): boolean {
  return f.sensitivity !== undefined || f.swing !== undefined || f.show !== undefined || (f.sweep?.length ?? 0) > 0 || (f.grow?.length ?? 0) > 0 || f.solve !== undefined || f.for !== undefined || (f.compare?.length ?? 0) > 0 || f.hist === true || f.until !== undefined || f.years !== undefined || f.months !== undefined || (f.accumulate?.length ?? 0) > 0;
}

/** Options of `estimate <template>`, filled by flags (and by the interactive prompts). */
export interface EstimateOptions extends AnalysisFlags {
  readonly set: readonly string[];
  /** --convention name=value (repeatable): `month=730h`, `data=binary`. */
  readonly convention?: readonly string[];
  readonly format?: FormatName;
  readonly output?: string;
  readonly explain: boolean;
  readonly interactive: boolean;
  /** --prices: a YAML file of prices replacing the catalogue's for this run (docs/pricing.md). */
  readonly prices?: string;
  /** --ranges: use every input's declared `range:`. */
  readonly ranges?: boolean;
  /** --samples and --seed as typed; checked by commands/sampling.ts. */
  readonly samples?: string;
  readonly seed?: string;
  /** --samples-out: a CSV file for the raw samples of the outputs. */
  readonly samplesOut?: string;
  /** --ascii: table borders in + - | (also when TERM=dumb). */
  readonly ascii?: boolean;
  /** --digits as typed: significant digits shown (commands/digits.ts checks it). */
  readonly digits?: string;
  /** --napkin: the whiteboard form of every result. */
  readonly napkin?: boolean;
}

/** Options of `estimate calc`. */
export interface CalcOptions {
  readonly expression: string;
  readonly json: boolean;
  readonly to?: string;
  /** Count units to declare, comma-separated (`user,tweet`). */
  readonly units?: string;
  /** --convention name=value (repeatable). */
  readonly convention?: readonly string[];
  readonly samples?: string;
  readonly seed?: string;
  /** --digits as typed: significant digits shown. */
  readonly digits?: string;
}

/** Options of `estimate ref`. */
export interface RefOptions {
  readonly format?: FormatName;
  readonly output?: string;
  /** --ascii: table borders in + - | (also when TERM=dumb). */
  readonly ascii?: boolean;
}

/** What the root command knows besides its options: the subcommands a mistyped word may mean. */
export interface RootContext {
  readonly commands: readonly string[];
}

/** A word of the command line as a message quotes it: at most 60 characters, so a huge argument is not echoed whole. */
export function quotedArg(word: string): string {
  const chars = [...word];
  return '`' + (chars.length > 60 ? chars.slice(0, 59).join('') + '…' : word) + '`';
}

let version: string | undefined;

/**
 * The version, read from package.json, its only home. Read on demand: only `--version` needs
 * it, so no other run pays for the file. package.json sits two folders above this module in
 * the sources (src/cli), in the compiled tree (dist/cli) and next to the bundle (dist/bundle).
 */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
