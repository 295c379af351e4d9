/**
 * The terminal prompts: the only module that imports the prompt library, loaded only by the
 * interactive mode. Ctrl-C and Escape cancel (E0130, exit 130). A signal that arrives while a
 * prompt is open (SIGINT, SIGTERM, SIGHUP from outside) restores the terminal and exits
 * 128 + the signal's number, writing nothing: no prompt leaves the terminal raw or without echo.
 */
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { emitKeypressEvents } from 'node:readline';
import { EstimateError } from '../diagnostics/error.js';

/** A choice in a list. */
export interface Choice {
  readonly value: string;
  readonly name: string;
  readonly description?: string;
}

/** What the interactive flow asks; tests pass a scripted one. */
export interface Prompter {
  /** Picks one of the choices; `search` filters them as the user types. */
  select(message: string, choices: readonly Choice[], search?: boolean): Promise<string>;
  /** Reads a line; `validate` returns true or the message to show before asking again. */
  input(message: string, opts: { default?: string; validate?: (text: string) => true | string }): Promise<string>;
  confirm(message: string, initial: boolean): Promise<boolean>;
}

const cancelled = () => new EstimateError('E0130', 'cancelled');

/** The signals that end a prompt; each exits 128 + its number (130, 143, 129), as a shell reports it. */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Raw mode off (which turns echo and line editing back on) and the cursor shown again. */
export function restoreTerminal(): void {
  try {
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
  } catch {
    // the terminal is gone (SIGHUP): nothing to restore
  }
  try {
    // The prompts draw on standard error when standard output is redirected.
    if (process.stdout.isTTY) writeSync(1, '\x1b[?25h');
    else if (process.stderr.isTTY) writeSync(2, '\x1b[?25h');
  } catch {
    // as above
  }
}

/** Installs the signal handlers for the time a prompt is open; returns their removal. */
function onEndingSignals(): () => void {
  const handlers = ENDING_SIGNALS.map((sig) => {
    const handler = () => {
      restoreTerminal();
      process.exit(128 + constants.signals[sig]);
    };
    process.on(sig, handler);
    return [sig, handler] as const;
  });
  return () => {
    for (const [sig, handler] of handlers) process.off(sig, handler);
  };
}

/**
 * The real prompts on the process's terminal, drawn on `output` (standard error when standard
 * output is redirected: `estimate twitter -i > out.txt`).
 */
export async function terminalPrompter(output?: NodeJS.WritableStream): Promise<Prompter> {
  // Loaded with require (the library ships CommonJS too) so the bundled CLI has no dynamic
  // import of a package, which the code-cached loader in bin/estimate.js cannot serve.
  const { input, search, select, confirm } = createRequire(import.meta.url)('@inquirer/prompts') as typeof import('@inquirer/prompts');
  // Escape cancels like Ctrl-C: every prompt gets a signal that the Escape key aborts.
  const guard = async <T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    emitKeypressEvents(process.stdin);
    const onKey = (_: string, key: { name?: string } | undefined) => {
      if (key?.name === 'escape') controller.abort();
    };
    process.stdin.on('keypress', onKey);
    const offSignals = onEndingSignals();
    try {
      return await run(controller.signal);
    } catch (e) {
      const name = (e as Error).name;
      if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') throw cancelled();
      throw e;
    } finally {
      offSignals();
      process.stdin.off('keypress', onKey);
    }
  };
  return {
    select: (message, choices, withSearch) =>
      guard((signal) =>
        withSearch
          ? search<string>(
              {
                message,
                source: (term) => {
                  const t = (term ?? '').toLowerCase();
                  return choices.filter((c) => c.value.toLowerCase().includes(t) || c.name.toLowerCase().includes(t)).map((c) => ({ ...c }));
                },
              },
              { signal, ...(output ? { output } : {}) },
            )
          : select<string>({ message, choices: choices.map((c) => ({ ...c })) }, { signal, ...(output ? { output } : {}) }),
      ),
    input: (message, opts) =>
      guard((signal) =>
        input(
          {
            message,
            ...(opts.default !== undefined ? { default: opts.default } : {}),
            ...(opts.validate ? { validate: opts.validate } : {}),
          },
          { signal, ...(output ? { output } : {}) },
        ),
      ),
    confirm: (message, initial) => guard((signal) => confirm({ message, default: initial }, { signal, ...(output ? { output } : {}) })),
  };
}
