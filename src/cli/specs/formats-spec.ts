import type { CommandSpec } from '../command-spec.js';
import { OUTPUT } from '../shared-options.js';

export const formatsSpec: CommandSpec = {
  name: 'formats',
  summary: 'list the source formats and the fields each one carries',
  usage: 'iamdiff formats [-o FILE [--force]]',
  args: [],
  options: [...OUTPUT],
  examples: ['iamdiff formats'],
  load: () => import('../../commands/formats-command.js'),
};
