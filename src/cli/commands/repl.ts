/**
 * `estimate repl [TEMPLATE]`: the calculator as a session (src/authoring/repl-session.ts) on a
 * terminal: a prompt, Tab completion of names, units, functions and commands, history in
 * $XDG_STATE_HOME/estimate/history, Ctrl-C to drop the line, Ctrl-D (or :quit) to leave.
 * Without a terminal it reads lines from standard input and prints each answer (scripts).
 * Loaded only by this command: node:readline and the session cost nothing elsewhere.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ReplSession } from '../../authoring/repl-session.js';
import { EstimateError } from '../../diagnostics/error.js';
import { sanitize } from '../../diagnostics/sanitize.js';
import { type Io } from '../io.js';
import { checkOutputPath, writeAtomically } from '../write-output.js';
import { loadModel } from './estimate.js';

/** Lines of history kept. */
const HISTORY = 1000;

/** The history file: $XDG_STATE_HOME/estimate/history, else ~/.local/state/estimate/history. */
export function historyPath(env: Readonly<Record<string, string | undefined>>): string {
  const state = env['XDG_STATE_HOME'] || join(env['HOME'] || homedir(), '.local', 'state');
  return join(state, 'estimate', 'history');
}

export async function runRepl(template: string | undefined, io: Io): Promise<number> {
  const model = template === undefined ? undefined : loadModel(template, io).model;
  const session = new ReplSession(model, (path, text, replace) => {
    const full = resolve(io.cwd, path);
    if (!/\.ya?ml$/i.test(path)) throw new EstimateError('E0904', `a template file ends in .yaml: ${sanitize(path)}`, { where: ':save', help: [`:save ${sanitize(path)}.yaml`] });
    if (existsSync(full) && !replace) throw new EstimateError('E0982', `${sanitize(path)} already exists`, { where: ':save', help: [`:save! ${sanitize(path)} replaces it`] });
    writeAtomically(checkOutputPath(path, io.cwd, []), text);
    return `wrote ${sanitize(path)}`;
  });
  const terminal = io.stdinIsTTY && io.stdoutIsTTY;
  const history = terminal ? loadHistory(io.env) : [];
  const rl = createInterface({
    input: process.stdin,
    output: terminal ? process.stdout : undefined,
    terminal,
    history,
    historySize: HISTORY,
    removeHistoryDuplicates: true,
    completer: (line: string): [string[], string] => {
      const word = /:?[A-Za-z_][A-Za-z0-9_]*$/.exec(line)?.[0] ?? '';
      if (word === '') return [[], word];
      const all = [...new Set(session.completions())].filter((c) => c.startsWith(word)).sort();
      return [all, word];
    },
  });
  if (terminal) {
    io.out(`estimate repl${model ? ` — ${sanitize(model.spec.title)}` : ''}: :help for commands, Ctrl-D to leave\n`);
    rl.setPrompt('> ');
    // Ctrl-C drops the line being typed (a second one on an empty line says how to leave).
    rl.on('SIGINT', () => {
      const empty = rl.line === '';
      rl.write(null, { ctrl: true, name: 'e' });
      rl.write(null, { ctrl: true, name: 'u' });
      io.out(empty ? '\n(Ctrl-D or :quit leaves)\n' : '^C\n');
      rl.prompt();
    });
    rl.prompt();
  }
  let failed = false;
  for await (const line of rl) {
    if (terminal && line.trim() !== '') remember(io.env, line);
    const r = await session.run(line);
    if (r.text !== '') (r.error ? io.err : io.out)(r.text + '\n');
    failed ||= r.error;
    if (r.quit) break;
    if (terminal) rl.prompt();
  }
  rl.close();
  if (terminal) io.out('\n');
  // On a terminal the session's errors were answered there; a script learns of them by the status.
  return !terminal && failed ? 1 : 0;
}

function loadHistory(env: Readonly<Record<string, string | undefined>>): string[] {
  try {
    // readline wants the newest first.
    return readFileSync(historyPath(env), 'utf8').split('\n').filter((l) => l !== '').slice(-HISTORY).reverse();
  } catch {
    return [];
  }
}

/** Appends a line to the history; a history that cannot be written is not worth an error. */
function remember(env: Readonly<Record<string, string | undefined>>, line: string): void {
  if (line.length > 4096 || line.includes('\n')) return;
  try {
    const path = historyPath(env);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    appendFileSync(path, line + '\n', { mode: 0o600 });
  } catch {
    // A read-only home or a full disk: the session goes on without history.
  }
}
