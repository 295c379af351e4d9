/** The executable's entry: runs the program on the real process and sets the exit status. */
import { processIo } from './io.js';
import { run } from './program.js';

void run(process.argv.slice(2), processIo()).then((status) => {
  process.exitCode = status;
});
