import type { OptionSpec } from './command-spec.js';

/** Options that mean the same in every command that takes them (one definition each). */

export const COLOR_WHEN = ['auto', 'always', 'never'] as const;

/** `--color auto|always|never` (a bare `--color` is `always`) and `--no-color`. */
export const COLOR: OptionSpec[] = [
  { flags: '--color [when]', help: 'colour: auto (on a terminal, off with NO_COLOR), always (also through a pipe, e.g. to less -R), never', choices: COLOR_WHEN, default: 'auto', complete: COLOR_WHEN },
  { flags: '--no-color', help: 'no colour (same as --color never)' },
];

/** `-o FILE` (`-` standard output) and `--force`. */
export const OUTPUT: OptionSpec[] = [
  { flags: '-o, --output <file>', help: 'write to FILE atomically instead of standard output (- is standard output); its directory must exist', complete: 'file' },
  { flags: '--force', help: 'let --output replace an existing file' },
];

export function format(choices: readonly string[], fallback: string): OptionSpec {
  return { flags: '-f, --format <format>', help: 'output format', choices, default: fallback, complete: choices };
}

export const SERVICE: OptionSpec = { flags: '--service <prefix>', help: 'the service of a source that does not state it (box table); with several services, only this one', complete: 'services' };
export const INPUT_FORMAT: OptionSpec = { flags: '--input-format <id>', help: 'force the parser of every source (see iamdiff formats)', complete: 'input-formats' };
export const SOURCE: OptionSpec[] = [SERVICE, INPUT_FORMAT];

export const ONLY: OptionSpec = { flags: '--only <kinds>', help: 'keep only these change kinds (comma list)', complete: 'kinds' };
export const MIN_SEVERITY: OptionSpec = { flags: '--min-severity <level>', help: 'keep only changes at or above LEVEL', choices: ['low', 'medium', 'high'], complete: 'severities' };
export const MAX_BYTES: OptionSpec = { flags: '--max-bytes <n>', help: 'size budget of Markdown release notes in bytes (0: none)', default: '125000' };
export const POLICIES: OptionSpec = { flags: '--policies <files>', help: 'managed-policy pages or IAM policy JSON: show which policy patterns each change touches (repeatable, comma list)', multiple: true, complete: 'path' };
export const EXIT_CODE: OptionSpec = { flags: '--exit-code', help: 'exit 1 when any change (or finding) is reported; accepted changes do not count' };
export const FAIL_ON: OptionSpec = { flags: '--fail-on <level>', help: 'exit 1 when a change at or above LEVEL is reported (a CI gate); accepted changes do not count', choices: ['low', 'medium', 'high'], complete: 'severities' };
export const STATE: OptionSpec = { flags: '--state <file>', help: 'the review marks file', default: '.iamdiff-review/marks.json', complete: 'file' };

/** Options of the whole program, taken anywhere on the line (every command accepts them; colour matters where there is any). */
export const GLOBAL: OptionSpec[] = [
  ...COLOR,
  { flags: '--config <file>', help: 'the config file (default: .iamdiff.yaml in the working directory or the nearest one above)', complete: 'file' },
  { flags: '--max-input-size <size>', help: 'largest input file read (bytes, 512k, 64MB, 1GiB)', default: '64MB' },
];
