import type { CommandSpec } from '../command-spec.js';
import { MIN_SEVERITY, ONLY, SOURCE, STATE } from '../shared-options.js';

export const acceptSpec: CommandSpec = {
  name: 'accept',
  summary: 'add the fingerprints of the changes of a diff (or of those marked reviewed in the review app) to the config file',
  usage: 'iamdiff accept OLD NEW --reason TEXT [--expires YYYY-MM-DD] [--marked [--state FILE]] [--only KIND,...] [--min-severity LEVEL] [--service PREFIX] [--input-format ID] [--config FILE]',
  args: ['<old>', '<new>'],
  argComplete: 'path',
  options: [
    { flags: '--reason <text>', help: 'why these changes are accepted (required)' },
    { flags: '--expires <date>', help: 'the last day the acceptance applies (YYYY-MM-DD)' },
    { flags: '--marked', help: 'only the changes marked reviewed in the review app (its marks file, see --state)' },
    STATE,
    ONLY,
    MIN_SEVERITY,
    ...SOURCE,
  ],
  examples: ['iamdiff accept old/ new/ --only description-changed --reason "wording only" --expires 2026-12-31', 'iamdiff accept old/ new/ --marked --reason "reviewed in #42"'],
  load: () => import('../../commands/accept-command.js'),
};
