import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CommandIO } from '../commands/command.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { oneLine } from '../text/sanitize.js';
import { UsageError } from './usage-error.js';

/** Where `-o FILE` sends a command's output: collected, then written atomically once the command is done. */
export interface OutputTarget {
  io: CommandIO;
  /** Write what was collected (no-op for standard output); says `wrote FILE` on stderr. */
  finish(): void;
}

/**
 * `-o FILE`: checked before any work (its directory must exist: no silent mkdir; an existing
 * file needs --force), then the command's standard output is collected and written with
 * writeFileAtomic. `-o -` or no `-o` is standard output.
 */
export function outputTarget(file: string | undefined, force: boolean, io: CommandIO): OutputTarget {
  if (file === undefined || file === '-') return { io, finish: () => undefined };
  if (file === '') throw new UsageError('--output needs a file name (or - for standard output)');
  const dir = dirname(resolve(file));
  if (!existsSync(dir)) throw new UsageError(`--output ${oneLine(file)}: directory ${oneLine(dirname(file))} does not exist (iamdiff does not create it)`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`--output ${oneLine(file)}: ${oneLine(dirname(file))} is not a directory`);
  if (existsSync(file) && !force) throw new UsageError(`--output ${oneLine(file)}: already exists; use --force to overwrite it`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`--output ${oneLine(file)}: is a directory`);
  const chunks: string[] = [];
  const stdout = { write: (s: string) => chunks.push(s), isTTY: false, columns: io.stdout.columns };
  return {
    io: { ...io, stdout },
    finish() {
      writeFileAtomic(file, chunks.join(''), { overwrite: force });
      io.stderr.write(`wrote ${oneLine(file)}\n`);
    },
  };
}
