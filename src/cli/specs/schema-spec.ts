import type { CommandSpec } from '../command-spec.js';
import { OUTPUT } from '../shared-options.js';

export const schemaSpec: CommandSpec = {
  name: 'schema',
  summary: 'print the JSON Schema of `iamdiff diff --format json`',
  usage: 'iamdiff schema [-o FILE [--force]]',
  args: [],
  options: [...OUTPUT],
  examples: ['iamdiff schema -o iamdiff-diff.schema.json'],
  load: () => import('../../commands/schema-command.js'),
};
