import { computeDiff, loadAndDiff, type DiffInputOptions } from './diff-command.js';
import { UsageError } from '../cli/usage-error.js';
import type { DiffResult } from '../diff/diff-result.js';
import { wantColor } from '../output/color.js';
import { renderText } from '../output/text-report.js';
import { catalogLookup, type ActionLookup } from '../review/action-lookup.js';
import { writeSkipped } from './skipped-note.js';
import type { CommandIO } from './command.js';
import type { OptionValues } from '../cli/command-spec.js';

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

/** `iamdiff review`. */
export async function run(positionals: string[], raw: OptionValues, io: CommandIO): Promise<number> {
  const values = raw as { state?: string; only?: string; 'min-severity'?: string; service?: string; 'input-format'?: string; policies?: string[]; color?: boolean };
  if (positionals.length !== 2) throw new UsageError('review: give exactly two sources, OLD and NEW');
  return (await reviewPaths(positionals[0]!, positionals[1]!, { ...values, config: io.config }, { stateFile: values.state, color: values.color }, io)).code;
}
