/** The executable's entry: runs the program on the real process and sets the exit status. */
import { processIo } from './io.js';
import { run } from './program.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // A closed pipe (`estimate twitter | head -1`) is the reader's choice, not a failure.
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

void run(process.argv.slice(2), processIo()).then((status) => {
  process.exitCode = status;
});
