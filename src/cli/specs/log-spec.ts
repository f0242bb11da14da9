import type { CommandSpec } from '../command-spec.js';
import { format, MAX_BYTES, MIN_SEVERITY, OUTPUT, SOURCE } from '../shared-options.js';

export const logSpec: CommandSpec = {
  name: 'log',
  summary: 'order catalog versions (files, directories, REV:path in git) by date and show what changed between each consecutive pair',
  usage: 'iamdiff log SOURCE|DIR... [--action service:Action] [--format text|markdown|json|yaml] [--max-bytes N] [--min-severity LEVEL] [--service PREFIX] [--input-format ID] [-o FILE [--force]] [--color auto|always|never|--no-color]',
  args: ['<sources...>'],
  argComplete: 'path',
  options: [
    { flags: '--action <service:Action>', help: 'the history of one action instead' },
    format(['text', 'markdown', 'json', 'yaml'], 'text'),
    MAX_BYTES,
    MIN_SEVERITY,
    ...SOURCE,
    ...OUTPUT,
  ],
  examples: ['iamdiff log snapshots/ecr --format markdown', 'iamdiff log snapshots/ecr --action ecr:DescribeImages'],
  load: () => import('../../commands/log-command.js'),
};
