import type { DiffInputOptions } from '../commands/diff-command.js';
import type { DiffResult } from '../diff/diff-result.js';
import { loadingFrame, loadingLines, type LoadingState } from './loading-screen.js';
import { inputFileCount, loadReviewData, type ReviewData } from './load-review-data.js';
import { defaultStateFile, memoryStore, openReviewStore, type ReviewStore } from './review-state.js';
import type { Streams } from './run-app.js';

const ALT_SCREEN_ON = '\u001B[?1049h\u001B[?25l';
const ALT_SCREEN_OFF = '\u001B[?25h\u001B[?1049l';

export interface SessionOptions {
  oldPath: string;
  newPath: string;
  values: DiffInputOptions;
  /** State file; undefined: .iamdiff-review/marks.json here; null: marks are not saved. */
  stateFile?: string | null;
  color: boolean;
  exportDir?: string;
}

/** The store for a review: marks in a state file, or in memory. */
export function storeFor(stateFile: string | null | undefined, sides: { old: string; new: string }): ReviewStore {
  if (stateFile === null) return memoryStore();
  return openReviewStore(stateFile ?? defaultStateFile(), sides);
}

/**
 * A whole review on a terminal: the loading screen at once (plain writes: the terminal UI
 * library takes longer to load than a first frame may), the diff loading in a worker while
 * the UI loads, then the app until `q`. Returns what loading skipped, to say after the screen is restored.
 */
export async function runReviewSession(opts: SessionOptions, streams: Streams): Promise<{ result: DiffResult; skipped: string[]; store: ReviewStore }> {
  const { stdout } = streams;
  const state: LoadingState = {
    oldPath: opts.oldPath,
    newPath: opts.newPath,
    sides: { old: { done: 0, total: inputFileCount(opts.oldPath, opts.values['input-format']) }, new: { done: 0, total: inputFileCount(opts.newPath, opts.values['input-format']) } },
    phase: 'parsing',
  };
  let lastDraw = 0;
  const draw = (force = false) => {
    const t = performance.now();
    if (!force && t - lastDraw < 50) return;
    lastDraw = t;
    stdout.write(loadingFrame(loadingLines(state, stdout.columns || 80)));
  };
  stdout.write(ALT_SCREEN_ON);
  draw(true);
  const cancel = () => {
    stdout.write(ALT_SCREEN_OFF);
    process.exit(130);
  };
  process.once('SIGINT', cancel);
  try {
    // The UI loads while the worker parses.
    const ui = import('./run-app.js');
    let data: ReviewData;
    try {
      data = await loadReviewData(opts.oldPath, opts.newPath, opts.values, {
        files(side, done, total) {
          state.sides[side] = { done, total };
          draw();
        },
        compare() {
          state.phase = 'comparing';
          draw(true);
        },
      });
    } finally {
      process.off('SIGINT', cancel);
    }
    state.phase = 'starting';
    draw(true);
    const { runReviewApp } = await ui;
    const store = storeFor(opts.stateFile, { old: opts.oldPath, new: opts.newPath });
    stdout.write('\u001b[H\u001b[2J');
    try {
      await runReviewApp(data.result, { lookup: data.lookup, store, exportDir: opts.exportDir, color: opts.color }, streams);
    } finally {
      store.flush();
    }
    return { result: data.result, skipped: data.skipped, store };
  } finally {
    stdout.write(ALT_SCREEN_OFF);
  }
}
