import type { CommandSpec } from '../command-spec.js';
import { format, OUTPUT, SOURCE } from '../shared-options.js';

export const expandSpec: CommandSpec = {
  name: 'expand',
  summary: 'what action patterns grant in a catalog version; with two versions, what they newly grant',
  usage: 'iamdiff expand PATTERN... --catalog X [--catalog Y] [--policies FILE,... [--policy NAME,...]] [--format text|json] [--service PREFIX] [--input-format ID] [-o FILE [--force]]',
  args: ['[patterns...]'],
  options: [
    { flags: '--catalog <source>', help: 'the catalog version (give it twice, old then new, for what patterns newly grant)', multiple: true, complete: 'path' },
    { flags: '--policies <files>', help: 'expand the Allow patterns of these policies (repeatable, comma list)', multiple: true, complete: 'path' },
    { flags: '--policy <names>', help: 'only these policies of --policies (repeatable, comma list)', multiple: true },
    format(['text', 'json'], 'text'),
    ...SOURCE,
    ...OUTPUT,
  ],
  examples: ['iamdiff expand "ecr:Describe*" --catalog snapshots/ecr/policy-sentry-ecr.policy-sentry-md.yaml --catalog snapshots/ecr/2022-11-10.box-table.yaml'],
  load: () => import('../../commands/expand-command.js'),
};
