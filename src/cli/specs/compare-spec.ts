import type { CommandSpec } from '../command-spec.js';
import { format, OUTPUT, SOURCE } from '../shared-options.js';

export const compareSpec: CommandSpec = {
  name: 'compare',
  summary: 'line up several sources (one service, or whole catalogs with a summary) and show where they disagree',
  usage: 'iamdiff compare SOURCE SOURCE... [--format text|markdown|json] [--service PREFIX] [--action service:Action] [--only-disagreements] [--input-format ID] [-o FILE [--force]] [--color auto|always|never|--no-color]',
  args: ['<sources...>'],
  argComplete: 'path',
  options: [
    format(['text', 'markdown', 'json'], 'text'),
    ...SOURCE,
    { flags: '--action <service:Action>', help: 'one action only' },
    { flags: '--only-disagreements', help: 'keep only the fields the sources disagree on' },
    ...OUTPUT,
  ],
  examples: ['iamdiff compare test/fixtures/policy-sentry-ecr.md test/fixtures/box-table-ecr.txt --service ecr --only-disagreements'],
  load: () => import('../../commands/compare-command.js'),
};
