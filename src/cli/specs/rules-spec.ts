import type { CommandSpec } from '../command-spec.js';
import { format, OUTPUT } from '../shared-options.js';

export const rulesSpec: CommandSpec = {
  name: 'rules',
  summary: 'list the severity rules: stable ID, change kind, default severity, reason (and what the config file sets)',
  usage: 'iamdiff rules [--format text|json] [-o FILE [--force]]',
  args: [],
  options: [format(['text', 'json'], 'text'), ...OUTPUT],
  examples: ['iamdiff rules', 'iamdiff rules --format json'],
  load: () => import('../../commands/rules-command.js'),
};
