import { oneLine } from '../text/sanitize.js';
import type { CommandIO } from './command.js';

/** One stderr line per directory member skipped as not a catalog (a saved redirect page). */
export function writeSkipped(io: Pick<CommandIO, 'stderr'>, skipped: readonly string[]): void {
  for (const s of skipped) io.stderr.write(`iamdiff: note: skipped ${oneLine(s)}\n`);
}
