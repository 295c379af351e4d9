/** A command run in a real terminal: a tmux server of its own, driven key by key. */
import { execFileSync, spawnSync } from 'node:child_process';
import { hasTool, missing, ROOT } from './helpers.js';

/**
 * Whether tests that need tmux must be skipped. CI installs tmux (.ci/run) and sets CI=1, where
 * a missing tmux fails these tests instead; elsewhere they are reported as skipped.
 */
export const noTmux = missing(hasTool('tmux', ['-V']));

let counter = 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Where a terminal test's command runs, and how big its window is. */
export interface TerminalOptions {
  readonly rows?: number;
  readonly columns?: number;
}

/**
 * A shell command running in a detached tmux session. Each session has its own tmux server
 * (`-L`), so parallel test files never see each other's panes. The command is followed by
 * `echo EXIT=$?`, so `waitFor('EXIT=')` waits for it to end and shows its status.
 */
export class TerminalSession {
  private readonly socket = `estimate-test-${process.pid}-${++counter}`;

  constructor(command: string, { rows = 40, columns = 100 }: TerminalOptions = {}) {
    this.tmux('new-session', '-d', '-s', this.socket, '-x', String(columns), '-y', String(rows), `cd ${ROOT} && ${command}; echo EXIT=$?; sleep 5`);
  }

  /** Sends keys as tmux names them: text, `Enter`, `Tab`, `C-c`, `Escape`. */
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.socket, ...keys);
  }

  /** The pane with its scroll-back; `joined` undoes the pane's wrapping of long lines. */
  screen(joined = false): string {
    return this.tmux('capture-pane', '-p', ...(joined ? ['-J'] : []), '-t', this.socket, '-S', '-300');
  }

  /** Waits until the pane shows `text`, or fails after `ms` with the screen in the message. */
  async waitFor(text: string | RegExp, ms = 8000): Promise<string> {
    const until = Date.now() + ms;
    for (;;) {
      const screen = this.screen();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() > until) throw new Error(`timed out waiting for ${text}; screen:\n${screen}`);
      await sleep(100);
    }
  }

  /** Presses Enter `times` times, a little apart, as a person accepting defaults does. */
  async acceptDefaults(times: number): Promise<void> {
    for (let i = 0; i < times; i++) {
      await sleep(150);
      this.keys('Enter');
    }
  }

  /** Ends the session and its tmux server. */
  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
}
