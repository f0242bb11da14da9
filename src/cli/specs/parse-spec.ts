import type { CommandSpec } from '../command-spec.js';
import { INPUT_FORMAT, OUTPUT, SERVICE } from '../shared-options.js';

export const parseSpec: CommandSpec = {
  name: 'parse',
  summary: 'print the normalized catalog of one or more sources',
  usage: 'iamdiff parse FILE... [--input-format ID] [--service PREFIX] [--label NAME] [--to yaml|json] [-o FILE [--force]]',
  args: ['<files...>'],
  argComplete: 'path',
  options: [
    INPUT_FORMAT,
    { ...INPUT_FORMAT, flags: '--format <id>', help: 'the same as --input-format (its older name here)', hidden: true },
    SERVICE,
    { flags: '--label <name>', help: 'the version name of a source that states no date (default: the file name)' },
    { flags: '--to <format>', help: 'YAML (the snapshot form) or JSON', choices: ['yaml', 'json'], default: 'yaml', complete: ['yaml', 'json'] },
    ...OUTPUT,
  ],
  examples: ['iamdiff parse test/fixtures/policy-sentry-ecr.md --to json'],
  load: () => import('../../commands/parse-command.js'),
};
