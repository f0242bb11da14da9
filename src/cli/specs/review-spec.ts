import type { CommandSpec } from '../command-spec.js';
import { MIN_SEVERITY, ONLY, POLICIES, SOURCE, STATE } from '../shared-options.js';

export const reviewSpec: CommandSpec = {
  name: 'review',
  summary: 'go through a diff as a tree of services, actions and changes in a full-screen terminal app, marking what you have reviewed',
  usage: 'iamdiff review OLD NEW [--state FILE] [--input-format ID] [--service PREFIX] [--only KIND,...] [--min-severity LEVEL] [--policies FILE,...] [--color auto|always|never|--no-color]',
  args: ['<old>', '<new>'],
  argComplete: 'path',
  options: [STATE, ...SOURCE, ONLY, MIN_SEVERITY, POLICIES],
  examples: ['iamdiff review snapshots/ecr/policy-sentry-ecr.policy-sentry-md.yaml snapshots/ecr/2022-11-10.box-table.yaml'],
  load: () => import('../../commands/review-command.js'),
};
