/**
 * Standard output, written without building `process.stdout` unless it is a terminal: that
 * stream loads Node's stream modules, 3 ms of every start, and a file, pipe or /dev/null does
 * not need it. A terminal does (its width), and so does a pipe that refuses to block.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';

/** What the program writes its results to. */
export class StandardOutput {
  private terminal: boolean | undefined;
  /** Set once writes go through the stream; from then on all do, so their order holds. */
  private stream = false;

  constructor(private readonly fd = 1) {}

  /** True when a person is probably reading: the stream says it is a TTY. */
  get isTerminal(): boolean {
    this.terminal ??= mayBeTerminal(this.fd) && process.stdout.isTTY === true;
    return this.terminal;
  }

  /** The terminal's width, or 80 when output goes elsewhere. */
  get columns(): number {
    return (this.isTerminal && process.stdout.columns) || 80;
  }

  write(text: string): void {
    if (this.stream || this.isTerminal) return this.toStream(text);
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    while (done < bytes.length) {
      try {
        done += writeSync(this.fd, bytes, done);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // A closed pipe (`estimate twitter | head -1`) is the reader's choice, not a failure.
        if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
        // A non-blocking pipe that is full: let the stream queue the rest.
        if (code === 'EAGAIN') return this.toStream(bytes.subarray(done));
        throw e;
      }
    }
  }

  private toStream(chunk: string | Uint8Array): void {
    if (!this.stream) {
      this.stream = true;
      process.stdout.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw e;
      });
    }
    process.stdout.write(chunk);
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
