/**
 * Standard output, written without building `process.stdout` unless it is a terminal: that
 * stream loads Node's stream modules, 3 ms of every start, and a file, pipe or /dev/null does
 * not need it. A terminal does (its width), and so does a pipe that refuses to block.
 *
 * Losing the output is never silent: a reader that went away (EPIPE, `| head -1`) is a quiet
 * exit with the status so far, as the shell's tools do; any other failure (a full device, a
 * closed descriptor, an I/O error) is E0802, exit 74, with one line on standard error.
 */
import { fstatSync, readFileSync, statSync, writeSync } from 'node:fs';
import { EstimateError } from '../diagnostics/error.js';
import { describe } from './errno.js';

/** What StandardOutput uses of the process; tests pass fakes. */
export interface OutputSystem {
  readonly fd: number;
  /** Writes from `offset` on; returns the bytes written (like fs.writeSync). */
  writeSync(fd: number, bytes: Uint8Array, offset: number): number;
  /** The stream, built on first use. */
  stream(): NodeJS.WriteStream;
  /** Whether `fd` may be a terminal, asked without building the stream. */
  mayBeTerminal(fd: number): boolean;
  /** Whether the descriptor was closed when the program started (`estimate twitter >&-`). */
  wasClosed(fd: number): boolean;
  /** Prints one line on standard error and exits: for failures that arrive after the command returned. */
  fail(message: string, code: number): never;
  exit(code: number): never;
}

const realSystem: OutputSystem = {
  fd: 1,
  writeSync: (fd, bytes, offset) => writeSync(fd, bytes, offset),
  stream: () => process.stdout,
  mayBeTerminal,
  wasClosed,
  fail: (message, code) => {
    try {
      writeSync(2, message + '\n');
    } catch {
      // standard error is gone too: the exit status is all that is left
    }
    process.exit(code);
  },
  exit: (code) => process.exit(code),
};

/** The exit status of E0802 (standard output lost). */
const LOST = 74;

/** What the program writes its results to. */
export class StandardOutput {
  private terminal: boolean | undefined;
  /** Set once writes go through the stream; from then on all do, so their order holds. */
  private streaming = false;
  private checked = false;

  constructor(private readonly system: OutputSystem = realSystem) {}

  /** True when a person is probably reading: the stream says it is a TTY. */
  get isTerminal(): boolean {
    this.terminal ??= this.system.mayBeTerminal(this.system.fd) && this.system.stream().isTTY === true;
    return this.terminal;
  }

  /** The terminal's width, or 80 when output goes elsewhere. */
  get columns(): number {
    return (this.isTerminal && this.system.stream().columns) || 80;
  }

  write(text: string | Uint8Array): void {
    if (this.streaming || this.isTerminal) return this.toStream(text);
    if (!this.checked) {
      this.checked = true;
      if (this.system.wasClosed(this.system.fd)) throw lost('it was closed when estimate started (`>&-`)');
    }
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    let done = 0;
    while (done < bytes.length) {
      try {
        done += this.system.writeSync(this.system.fd, bytes, done);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // A closed pipe (`estimate twitter | head -1`) is the reader's choice, not a failure.
        if (code === 'EPIPE') this.system.exit(Number(process.exitCode ?? 0));
        // A non-blocking pipe that is full: let the stream queue the rest.
        if (code === 'EAGAIN') return this.toStream(bytes.subarray(done));
        throw lost(describe(e));
      }
    }
  }

  private toStream(chunk: string | Uint8Array): void {
    const stream = this.system.stream();
    if (!this.streaming) {
      this.streaming = true;
      // Errors of queued writes arrive after the command has returned: report them here, as
      // one line and exit 74, never as an uncaught exception.
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') this.system.exit(Number(process.exitCode ?? 0));
        this.system.fail(`error[E0802]: ${lost(describe(e)).message}`, LOST);
      });
    }
    stream.write(chunk);
  }
}

/** One line on stderr, as the shell's tools report it: the estimate is incomplete or missing. */
function lost(why: string): EstimateError {
  return new EstimateError('E0802', `cannot write to standard output: ${why}`);
}

/** False when `fd` is certainly no terminal (a file, a pipe, /dev/null), asked of the file system. */
function mayBeTerminal(fd: number): boolean {
  if (process.platform === 'win32') return true;
  try {
    const s = fstatSync(fd);
    if (!s.isCharacterDevice()) return false;
    return s.rdev !== statSync('/dev/null').rdev;
  } catch {
    return true;
  }
}

/**
 * Node replaces a standard descriptor that is closed at start with /dev/null opened for reading
 * and writing, so `>&-` would lose the output silently. The shell's `>/dev/null` opens it
 * write-only, which tells the two apart. A parent that discards both stdout and stderr this way
 * (spawn with stdio 'ignore') asked for silence, and gets it: nobody could read the message.
 */
export function wasClosed(fd: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    return isReadWriteNull(fd) && !isReadWriteNull(2);
  } catch {
    return false;
  }
}

function isReadWriteNull(fd: number): boolean {
  const s = fstatSync(fd);
  if (!s.isCharacterDevice() || s.rdev !== statSync('/dev/null').rdev) return false;
  const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
  // O_ACCMODE is 3; O_RDWR is 2.
  return flags !== undefined && (parseInt(flags, 8) & 3) === 2;
}
