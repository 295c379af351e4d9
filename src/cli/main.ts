/** The executable's entry: runs the program on the real process and sets the exit status. */
import { processIo } from './io.js';
import { run } from './program.js';
import { reportError } from './report-error.js';

const io = processIo();
// A failure outside the command's own flow (a stream event, a stray rejection) is still a
// one-line E9999 with exit 70, not Node's stack trace; --debug shows the trace.
const lastResort = (e: unknown) => {
  process.exitCode = reportError(e, io, { json: false, debug: process.argv.includes('--debug') });
  process.exit();
};
process.on('uncaughtException', lastResort);
process.on('unhandledRejection', lastResort);

void run(process.argv.slice(2), io).then((status) => {
  process.exitCode = status;
});
