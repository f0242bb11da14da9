import type { CommandSpec } from '../command-spec.js';
import { EXIT_CODE, FAIL_ON, format, MAX_BYTES, MIN_SEVERITY, ONLY, OUTPUT, POLICIES, SOURCE, STATE } from '../shared-options.js';

/** Output formats of a diff report. */
export const DIFF_FORMATS = ['text', 'markdown', 'html', 'json', 'yaml', 'github', 'junit'] as const;

export const diffSpec: CommandSpec = {
  name: 'diff',
  summary: 'say what changed between two catalog versions (files, snapshots, directories, or REV:path in git)',
  usage:
    'iamdiff diff OLD NEW [--format text|markdown|html|json|yaml|github|junit] [--max-bytes N] [--only KIND,...] [--min-severity LEVEL] [--exit-code] [--fail-on LEVEL] [--service PREFIX] [--input-format ID] [-o FILE [--force]] [--color auto|always|never|--no-color] [--interactive [--state FILE]] [--policies FILE,...]',
  args: ['<old>', '<new>'],
  argComplete: 'path',
  options: [
    { ...format(DIFF_FORMATS, 'text'), help: 'text, markdown release notes, html page, json, yaml, github (workflow annotations), junit (XML, one test case per rule)' },
    MAX_BYTES,
    ONLY,
    MIN_SEVERITY,
    EXIT_CODE,
    FAIL_ON,
    ...SOURCE,
    ...OUTPUT,
    { flags: '-i, --interactive', help: 'open the diff in the review app instead of printing it (the CI gate still applies)', conflicts: ['format', 'output'] },
    STATE,
    POLICIES,
  ],
  examples: [
    'iamdiff diff snapshots/ecr/policy-sentry-ecr.policy-sentry-md.yaml snapshots/ecr/2022-11-10.box-table.yaml',
    'iamdiff diff old/ new/ --format markdown -o notes.md',
    'iamdiff diff HEAD~1:snapshots HEAD:snapshots --format github --fail-on high',
  ],
  load: () => import('../../commands/diff-command.js'),
};
