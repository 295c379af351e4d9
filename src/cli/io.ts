/** The program's view of its process: streams, terminal facts, environment. Tests pass a fake one. */
import { writeSync } from 'node:fs';
import { sanitize } from '../diagnostics/sanitize.js';
import { StandardOutput } from './stdout.js';

/** Everything a command may know about or do to its process. */
export interface Io {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes bytes to standard output unchanged (`estimate show`: the file byte for byte). */
  outBytes(bytes: Uint8Array): void;
  /** Writes to standard error. */
  err(text: string): void;
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  readonly columns: number;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** --verbose: template lookups say on stderr which files they passed over. */
  readonly verbose?: boolean;
}

/** The real process. */
export function processIo(): Io {
  const stdout = new StandardOutput();
  return {
    out: (t) => stdout.write(t),
    outBytes: (b) => stdout.write(b),
    err: writeStderr,
    // A getter: touching process.stdin builds a stream (2 ms), and only a run without a
    // template asks whether a person is typing.
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    get stdoutIsTTY() {
      return stdout.isTerminal;
    },
    get columns() {
      return stdout.columns;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * Writes to standard error directly: a message must not be lost to a stream that has not
 * flushed at exit, and a standard error that is full or closed must not become an uncaught
 * exception (there is nowhere left to report it; the exit status still says what happened).
 */
function writeStderr(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(2, bytes, done);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') return;
      // A non-blocking pipe that is full: the stream queues the rest, and its errors are dropped.
      const stream = process.stderr;
      if (stream.listenerCount('error') === 0) stream.on('error', () => undefined);
      stream.write(bytes.subarray(done));
      return;
    }
  }
}

/** An Io that records what was written, for tests. */
export interface RecordingIo extends Io {
  readonly stdout: string[];
  readonly stderr: string[];
  /** Everything written to standard output, as bytes. */
  readonly stdoutBytes: () => Buffer;
}

/** A fake Io: no terminal unless asked, 80 columns, an empty environment. */
export function recordingIo(overrides: Partial<Io> = {}): RecordingIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const bytes: Buffer[] = [];
  return {
    out: (t) => {
      stdout.push(t);
      bytes.push(Buffer.from(t, 'utf8'));
    },
    outBytes: (b) => {
      stdout.push(Buffer.from(b).toString('utf8'));
      bytes.push(Buffer.from(b));
    },
    err: (t) => void stderr.push(t),
    stdinIsTTY: false,
    stdoutIsTTY: false,
    columns: 80,
    env: {},
    cwd: process.cwd(),
    ...overrides,
    stdout,
    stderr,
    stdoutBytes: () => Buffer.concat(bytes),
  };
}

/** With --verbose, the notes of a template lookup (files passed over) go to stderr; else nowhere. */
export function verboseNotes(io: Io): ((text: string) => void) | undefined {
  return io.verbose ? (text) => io.err(`note: ${sanitize(text)}\n`) : undefined;
}

/** The same Io, saying --verbose; its getters stay lazy (nothing is read until asked). */
export function withVerbose(io: Io): Io {
  return Object.create(io, { verbose: { value: true, enumerable: true } }) as Io;
}
