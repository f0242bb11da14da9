import { render } from 'ink';
import type { DiffResult } from '../diff/diff-result.js';
import type { ActionLookup } from './action-lookup.js';
import { ReviewApp } from './app.js';
import { onSignalExit } from '../io/temp-files.js';
import { oneLine } from '../text/sanitize.js';
import { hashInputs } from './input-hash.js';
import { defaultStateFile, memoryStore, openReviewStore, type ReviewStore } from './review-state.js';

export interface RunAppOptions {
  /** State file; undefined: `.iamdiff-review/<hash>.json` beside NEW; null: marks are not saved. */
  stateFile?: string | null;
  lookup?: ActionLookup;
  exportDir?: string;
}

/** The store for a result's inputs: marks keyed by the hash of both inputs. */
export function storeFor(result: DiffResult, stateFile: string | null | undefined): ReviewStore {
  if (stateFile === null) return memoryStore();
  const [oldPath, newPath] = [result.old.path, result.new.path];
  if (oldPath === '-' || newPath === '-') return memoryStore([], 'marks are not saved: an input was read from standard input');
  const hash = hashInputs(oldPath, newPath);
  return openReviewStore(stateFile ?? defaultStateFile(newPath, hash), hash, { old: oldPath, new: newPath });
}

const ALT_SCREEN_ON = '\u001B[?1049h';
const ALT_SCREEN_OFF = '\u001B[?1049l';

/** Run the review on a terminal (alternate screen) until the user quits. */
export async function runReviewApp(result: DiffResult, opts: RunAppOptions, streams: { stdout: NodeJS.WriteStream; stdin: NodeJS.ReadStream; stderr: NodeJS.WriteStream }): Promise<number> {
  const store = storeFor(result, opts.stateFile);
  streams.stdout.write(ALT_SCREEN_ON);
  // Killed while open: save what is marked and give the terminal back.
  const offSignal = onSignalExit(() => {
    store.flush();
    streams.stdout.write(ALT_SCREEN_OFF);
  });
  try {
    const app = render(<ReviewApp result={result} lookup={opts.lookup} store={store} exportDir={opts.exportDir} />, {
      stdout: streams.stdout,
      stdin: streams.stdin,
      stderr: streams.stderr,
      patchConsole: false,
      exitOnCtrlC: true,
    });
    await app.waitUntilExit();
  } finally {
    offSignal();
    store.flush();
    streams.stdout.write(ALT_SCREEN_OFF);
  }
  return reportSave(store, streams.stderr);
}

/**
 * What became of the marks, said only when it is true: "saved" after the file was written
 * (fsync and rename); a failed save is one line and exit code 2; nothing marked, nothing said.
 */
export function reportSave(store: ReviewStore, stderr: { write(s: string): unknown }): number {
  if (store.saveError) {
    stderr.write(`iamdiff: review marks not saved: ${oneLine(store.saveError)}\n`);
    return 2;
  }
  if (store.saved && store.file) stderr.write(`review marks saved in ${oneLine(store.file)}\n`);
  return 0;
}
