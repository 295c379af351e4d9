/**
 * Standard output, written without building `process.stdout` unless it is a terminal: that
 * stream loads Node's stream modules, 3 ms of every start, and a file, pipe or /dev/null does
 * not need it. A terminal does (its width), and so does a pipe that refuses to block.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';

/** What StandardOutput uses of the process; tests pass fakes. */
export interface OutputSystem {
  readonly fd: number;
  /** Writes from `offset` on; returns the bytes written (like fs.writeSync). */
  writeSync(fd: number, bytes: Uint8Array, offset: number): number;
  /** The stream, built on first use. */
  stream(): NodeJS.WriteStream;
  /** Whether `fd` may be a terminal, asked without building the stream. */
  mayBeTerminal(fd: number): boolean;
  exit(code: number): never;
}

const realSystem: OutputSystem = {
  fd: 1,
  writeSync: (fd, bytes, offset) => writeSync(fd, bytes, offset),
  stream: () => process.stdout,
  mayBeTerminal,
  exit: (code) => process.exit(code),
};

/** What the program writes its results to. */
export class StandardOutput {
  private terminal: boolean | undefined;
  /** Set once writes go through the stream; from then on all do, so their order holds. */
  private streaming = false;

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

  write(text: string): void {
    if (this.streaming || this.isTerminal) return this.toStream(text);
    const bytes = Buffer.from(text, 'utf8');
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
        throw e;
      }
    }
  }

  private toStream(chunk: string | Uint8Array): void {
    const stream = this.system.stream();
    if (!this.streaming) {
      this.streaming = true;
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') this.system.exit(Number(process.exitCode ?? 0));
        throw e;
      });
    }
    stream.write(chunk);
  }
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
