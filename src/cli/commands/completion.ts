/** `estimate completion SHELL` prints a completion script; `estimate __complete SHELL -- WORDS` answers one Tab. */
import { type Command } from 'commander';
import { complete, completionLines, type Shell, SHELLS } from '../../authoring/complete.js';
import { completionScript, splitLine } from '../../authoring/shell-scripts.js';
import { EstimateError } from '../../diagnostics/error.js';
import { suggest } from '../../diagnostics/suggest.js';
import { type Io } from '../io.js';
import { quotedArg } from '../options.js';

function shellNamed(name: string): Shell {
  const shell = SHELLS.find((s) => s === name);
  if (shell) return shell;
  const close = suggest(name, SHELLS);
  throw new EstimateError('E0981', `no completion for the shell ${quotedArg(name)}`, {
    where: 'completion argument',
    help: [...(close.length ? [`did you mean \`${close[0]}\`?`] : []), `the shells are ${SHELLS.join(', ')}`],
  });
}

export function runCompletion(name: string, io: Io): number {
  io.out(completionScript(shellNamed(name)));
  return 0;
}

/**
 * One Tab: bash passes its command line up to the cursor as one word, zsh and fish the words.
 * A Tab never prints an error: a failure is an empty answer, and the shell offers nothing.
 */
export function runComplete(program: Command, name: string, words: readonly string[], io: Io): number {
  const shell = SHELLS.find((s) => s === name);
  if (!shell) return 0;
  const all = shell === 'bash' ? splitLine(words.join(' ')).slice(1) : [...words];
  if (all.length === 0) all.push('');
  const answer = complete(program, all, io);
  io.out(completionLines(answer, shell, all[all.length - 1]!));
  return 0;
}
