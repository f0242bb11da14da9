import type { CommandSpec } from '../command-spec.js';
import { INPUT_FORMAT, SERVICE } from '../shared-options.js';

export const snapshotSpec: CommandSpec = {
  name: 'snapshot',
  summary: 'write normalized YAML snapshots of sources (one file per service)',
  usage: 'iamdiff snapshot FILE|DIR... -o DIR [--alongside DIR]... [--input-format ID] [--service PREFIX] [--label NAME] [--force]',
  args: ['<sources...>'],
  argComplete: 'path',
  options: [
    { flags: '-o, --output <dir>', help: 'the directory to write DIR/<prefix>/<date-or-label>.<format>.yaml in (required)', complete: 'dir' },
    { flags: '--out <dir>', help: 'the same as --output (its older name)', hidden: true, complete: 'dir' },
    { flags: '--alongside <dir>', help: 'another version read with these (for retired pages) but not written (repeatable)', multiple: true, complete: 'dir' },
    INPUT_FORMAT,
    { ...INPUT_FORMAT, flags: '--format <id>', help: 'the same as --input-format (its older name here)', hidden: true },
    SERVICE,
    { flags: '--label <name>', help: 'the version name of a source that states no date' },
    { flags: '--force', help: 'replace existing snapshots' },
  ],
  examples: ['iamdiff snapshot test/fixtures/policy-sentry-ecr.md -o snapshots/'],
  load: () => import('../../commands/snapshot-command.js'),
};
