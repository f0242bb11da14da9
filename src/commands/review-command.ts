import { parseCommandArgs } from '../cli/args.js';
import { loadAndDiff, type DiffInputOptions } from './diff-command.js';
import { UsageError } from '../cli/usage-error.js';
import type { DiffResult } from '../diff/diff-result.js';
import { wantColor } from '../output/color.js';
import { renderText } from '../output/text-report.js';
import { catalogLookup, type ActionLookup } from '../review/action-lookup.js';
import { writeSkipped } from './skipped-note.js';
import type { Command, CommandIO } from './command.js';

export const REVIEW_OPTIONS = {
  state: { type: 'string' },
  only: { type: 'string' },
  'min-severity': { type: 'string' },
  service: { type: 'string' },
  'input-format': { type: 'string' },
  policies: { type: 'string', multiple: true },
} as const;

export interface ReviewOptions {
  /** State file; undefined: `.iamdiff-review/<hash>.json` beside NEW; null: marks are not saved. */
  stateFile?: string | null;
  /** Both sides of an action, for the detail pane (needs the catalogs). */
  lookup?: ActionLookup;
  /** Keys come from here (default process.stdin). */
  stdin?: NodeJS.ReadStream;
  /** Where `e` writes (default: the working directory). */
  exportDir?: string;
}

/** Why the app cannot run here, or undefined when it can. */
export function noTerminalReason(io: CommandIO, stdin: { isTTY?: boolean }): string | undefined {
  const set = (v: string | undefined) => v !== undefined && v !== '0' && v !== 'false';
  if (!io.stdout.isTTY) return 'standard output is not a terminal';
  if (!stdin.isTTY) return 'standard input is not a terminal';
  if (set(io.env.CI) || set(io.env.CONTINUOUS_INTEGRATION)) return 'CI is set';
  return undefined;
}

/**
 * Review a diff in the full-screen app; without a terminal, print the text report instead
 * (and say why on stderr). Returns the exit code.
 */
export async function runReview(result: DiffResult, opts: ReviewOptions, io: CommandIO): Promise<number> {
  const stdin = opts.stdin ?? process.stdin;
  const why = noTerminalReason(io, stdin);
  if (why) {
    io.stdout.write(renderText(result, { color: wantColor(undefined, io.stdout.isTTY, io.env) }));
    io.stderr.write(`review needs a terminal; printed the text report instead (${why})\n`);
    return 0;
  }
  // ink and react load only when the app runs.
  const { runReviewApp } = await import('../review/run-app.js');
  const stdout = io.stdout as NodeJS.WriteStream;
  const stderr = ((io.stderr as Partial<NodeJS.WriteStream>).on ? io.stderr : process.stderr) as NodeJS.WriteStream;
  return runReviewApp(result, opts, { stdout, stdin, stderr });
}

/** The diff (as `diff` computes it) and a lookup into the catalogs it came from. */
export async function loadReview(oldPath: string, newPath: string, values: DiffInputOptions, skipped: string[] = []): Promise<{ result: DiffResult; lookup: ActionLookup }> {
  if (oldPath === '-' && newPath === '-') throw new UsageError('review: only one side can be read from standard input');
  const { result, oldCatalogs, newCatalogs } = await loadAndDiff(oldPath, newPath, values, skipped);
  return { result, lookup: catalogLookup(oldCatalogs, newCatalogs) };
}

export const reviewCommand: Command = {
  name: 'review',
  summary: 'go through a diff change by change in a full-screen terminal app, marking what you have reviewed',
  usage: 'iamdiff review OLD NEW [--state FILE] [--input-format ID] [--service PREFIX] [--only KIND,...] [--min-severity LEVEL] [--policies FILE,...]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('review', argv, REVIEW_OPTIONS);
    if (positionals.length !== 2) throw new UsageError('review: give exactly two sources, OLD and NEW');
    const skipped: string[] = [];
    const { result, lookup } = await loadReview(positionals[0]!, positionals[1]!, values, skipped);
    writeSkipped(io, skipped);
    return runReview(result, { stateFile: values.state, lookup }, io);
  },
};
