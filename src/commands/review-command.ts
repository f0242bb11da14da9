import { parseCommandArgs } from '../cli/args.js';
import { COLOR_OPTIONS } from '../cli/common-options.js';
import { computeDiff, loadAndDiff, type DiffInputOptions } from './diff-command.js';
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
  ...COLOR_OPTIONS,
} as const;

export interface ReviewOptions {
  /** State file; undefined: `.iamdiff-review/marks.json` in the working directory; null: marks are not saved. */
  stateFile?: string | null;
  /** Keys come from here (default process.stdin). */
  stdin?: NodeJS.ReadStream;
  /** Where `e` writes (default: the working directory). */
  exportDir?: string;
  /** --color / --no-color (default: NO_COLOR decides). */
  color?: boolean;
  /** Told when the diff is loaded, before the app starts (for the bench). */
  onLoaded?: () => void;
}

/** Why the app cannot run here, or undefined when it can. */
export function noTerminalReason(io: CommandIO, stdin: { isTTY?: boolean }): string | undefined {
  const set = (v: string | undefined) => v !== undefined && v !== '0' && v !== 'false';
  if (!io.stdout.isTTY) return 'standard output is not a terminal';
  if (!stdin.isTTY) return 'standard input is not a terminal';
  if (set(io.env.CI) || set(io.env.CONTINUOUS_INTEGRATION)) return 'CI is set';
  return undefined;
}

/** The diff (as `diff` computes it) and a lookup into the catalogs it came from. */
export async function loadReview(oldPath: string, newPath: string, values: DiffInputOptions, skipped: string[] = []): Promise<{ result: DiffResult; lookup: ActionLookup }> {
  if (oldPath === '-' && newPath === '-') throw new UsageError('review: only one side can be read from standard input');
  const { result, oldCatalogs, newCatalogs } = await loadAndDiff(oldPath, newPath, values, skipped);
  return { result, lookup: catalogLookup(oldCatalogs, newCatalogs) };
}

/**
 * Review OLD against NEW in the full-screen app (loading screen first, then the tree); without
 * a terminal, print the text report instead and say why on stderr. Returns the diff reviewed.
 */
export async function reviewPaths(oldPath: string, newPath: string, values: DiffInputOptions, opts: ReviewOptions, io: CommandIO): Promise<{ result: DiffResult; code: number }> {
  if (oldPath === '-' && newPath === '-') throw new UsageError('review: only one side can be read from standard input');
  const stdin = opts.stdin ?? process.stdin;
  const why = noTerminalReason(io, stdin);
  if (why) {
    const skipped: string[] = [];
    const result = await computeDiff(oldPath, newPath, values, skipped);
    writeSkipped(io, skipped);
    io.stdout.write(renderText(result, { color: wantColor(opts.color, io.stdout.isTTY, io.env) }));
    io.stderr.write(`review needs a terminal; printed the text report instead (${why})\n`);
    return { result, code: 0 };
  }
  // The session (and, inside it, ink and react) loads only when the app runs.
  const { runReviewSession } = await import('../review/review-session.js');
  const stdout = io.stdout as NodeJS.WriteStream;
  const stderr = ((io.stderr as Partial<NodeJS.WriteStream>).on ? io.stderr : process.stderr) as NodeJS.WriteStream;
  const color = wantColor(opts.color, true, io.env);
  const { result, skipped, store } = await runReviewSession({ oldPath, newPath, values, stateFile: opts.stateFile, color, exportDir: opts.exportDir, onLoaded: opts.onLoaded }, { stdout, stdin, stderr });
  writeSkipped(io, skipped);
  const { reportSave } = await import('../review/review-state.js');
  return { result, code: reportSave(store, io.stderr) };
}

export const reviewCommand: Command = {
  name: 'review',
  summary: 'go through a diff as a tree of services, actions and changes in a full-screen terminal app, marking what you have reviewed',
  usage: 'iamdiff review OLD NEW [--state FILE] [--input-format ID] [--service PREFIX] [--only KIND,...] [--min-severity LEVEL] [--policies FILE,...] [--color|--no-color]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('review', argv, REVIEW_OPTIONS);
    if (positionals.length !== 2) throw new UsageError('review: give exactly two sources, OLD and NEW');
    const color = values['no-color'] ? false : values.color;
    return (await reviewPaths(positionals[0]!, positionals[1]!, values, { stateFile: values.state, color }, io)).code;
  },
};
