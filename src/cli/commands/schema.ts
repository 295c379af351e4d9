/** `estimate schema`: prints the JSON Schema of templates (for editors and CI validators). */
import { schemaText } from '../../authoring/schema-file.js';
import { type Io } from '../io.js';

export function runSchema(io: Io): number {
  io.out(schemaText());
  return 0;
}
