/**
 * The authoring commands (issue 15): schema, check, new, completion, repl and the hidden
 * __complete. Each command's module is imported only when it runs, so none of them costs the
 * start-up of `estimate <template>`.
 */
import { type Command } from 'commander';
import { type Io } from './io.js';

export function addAuthoringCommands(program: Command, io: Io, setStatus: (s: number) => void): void {
  program
    .command('schema')
    .description('print the JSON Schema of templates (for editors: see docs/authoring.md)')
    .action(async () => {
      const { runSchema } = await import('./commands/schema.js');
      setStatus(runSchema(io));
    });
}
