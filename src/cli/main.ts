import { createRequire } from 'node:module';
import { GLOBAL_USAGE, takeGlobalOptions } from './global-options.js';
import { UsageError } from './usage-error.js';
import type { Command, CommandIO } from '../commands/command.js';
import { checkCommand } from '../commands/check-command.js';
import { compareCommand } from '../commands/compare-command.js';
import { diffCommand } from '../commands/diff-command.js';
import { expandCommand } from '../commands/expand-command.js';
import { formatsCommand } from '../commands/formats-command.js';
import { logCommand } from '../commands/log-command.js';
import { parseCommand } from '../commands/parse-command.js';
import { policyDiffCommand } from '../commands/policy-diff-command.js';
import { reviewCommand } from '../commands/review-command.js';
import { snapshotCommand } from '../commands/snapshot-command.js';
import { InputError } from '../model/errors.js';
import { clip, oneLine } from '../text/sanitize.js';

export const COMMANDS: Command[] = [diffCommand, reviewCommand, logCommand, compareCommand, expandCommand, checkCommand, policyDiffCommand, parseCommand, snapshotCommand, formatsCommand];

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../../../package.json') as { version: string }).version;
}

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'iamdiff: read AWS IAM action catalogs in any published format and say what changed.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Usage:',
    ...COMMANDS.map((c) => `  ${c.usage}`),
    '',
    `Every command: ${GLOBAL_USAGE}.`,
    '',
    'Exit codes: 0 done, 1 changes found (with --exit-code / --fail-on), 2 bad input or usage.',
    '',
  ].join('\n');
}

/** Run the CLI; returns the exit code. Errors become one line on stderr, never a stack. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  try {
    const [name, ...rest] = takeGlobalOptions(argv);
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(help());
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-V') {
      io.stdout.write(version() + '\n');
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${command.usage}\n  ${command.summary}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof InputError) io.stderr.write(`iamdiff: ${clip(oneLine(e.message))}\n`);
    else if (e instanceof UsageError) io.stderr.write(`iamdiff: ${clip(oneLine(e.message))} (see iamdiff --help)\n`);
    else {
      const err = e as Error;
      io.stderr.write(`iamdiff: internal error: ${clip(oneLine(err?.message ?? String(e)))}\n`);
      if (io.env.IAMDIFF_DEBUG) io.stderr.write(`${err?.stack ?? ''}\n`);
    }
    return 2;
  }
}

