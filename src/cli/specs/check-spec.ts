import type { CommandSpec } from '../command-spec.js';
import { EXIT_CODE, format, OUTPUT, SOURCE } from '../shared-options.js';

export const checkSpec: CommandSpec = {
  name: 'check',
  summary: 'find names in policies a catalog does not know, wildcards that match nothing, mis-cased names',
  usage: 'iamdiff check POLICY... --catalog X [--format text|json] [--exit-code] [--service PREFIX] [--input-format ID] [-o FILE [--force]]',
  args: ['<policies...>'],
  argComplete: 'path',
  options: [{ flags: '--catalog <source>', help: 'the catalog to check against (required)', complete: 'path' }, format(['text', 'json'], 'text'), EXIT_CODE, ...SOURCE, ...OUTPUT],
  examples: ['iamdiff check test/fixtures/managed-policies-ecr.md --catalog snapshots/ecr/2022-11-10.box-table.yaml --exit-code'],
  load: () => import('../../commands/check-command.js'),
};
