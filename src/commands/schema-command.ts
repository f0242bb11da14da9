import { DIFF_JSON_SCHEMA } from '../output/diff-json-schema.js';
import type { CommandIO } from './command.js';

/** `iamdiff schema`: the JSON Schema of `iamdiff diff --format json`. */
export function run(_args: string[], _values: unknown, io: CommandIO): number {
  io.stdout.write(JSON.stringify(DIFF_JSON_SCHEMA, null, 2) + '\n');
  return 0;
}
