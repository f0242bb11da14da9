import { onSignalExit } from '../io/temp-files.js';
import type { DiffInputOptions } from '../commands/diff-command.js';
import type { DiffResult } from '../diff/diff-result.js';
import { loadingFrame, loadingLines, type LoadingState } from './loading-screen.js';
import { importReviewUi } from './import-ui.js';
import { inputFileCount, loadReviewData } from './load-review-data.js';
import { defaultStateFile, memoryStore, openReviewStore, type ReviewStore } from './review-state.js';
import type { ReviewBus, Streams } from './run-app.js';

const ALT_SCREEN_ON = '\u001B[?1049h\u001B[?25l';
const ALT_SCREEN_OFF = '\u001B[?25h\u001B[?1049l';
const CLEAR = '\u001b[H\u001b[2J';

export interface SessionOptions {
  oldPath: string;
  newPath: string;
  values: DiffInputOptions;
  /** State file; undefined: .iamdiff-review/marks.json here; null: marks are not saved. */
  stateFile?: string | null;
  color: boolean;
  exportDir?: string;
  /** Told when the diff is done, before the app starts (the bench measures from here). */
  onLoaded?: () => void;
}

/** The store for a review: marks in a state file, or in memory. */
export function storeFor(stateFile: string | null | undefined, sides: { old: string; new: string }): ReviewStore {
  if (stateFile === null) return memoryStore();
  return openReviewStore(stateFile ?? defaultStateFile(), sides);
}

/**
 * A whole review on a terminal. The loading screen is drawn at once with plain writes (the
 * terminal UI library takes longer to load than a first frame may); the UI loads in the pauses
 * of parsing and takes the screen over as soon as it is there, so that it is warm when the diff
 * arrives; then the app until `q`. Returns the diff and what loading skipped, to say after the
 * screen is restored.
 */
export async function runReviewSession(opts: SessionOptions, streams: Streams): Promise<{ result: DiffResult; skipped: string[]; store?: ReviewStore }> {
  const { stdout } = streams;
  const state: LoadingState = {
    oldPath: opts.oldPath,
    newPath: opts.newPath,
    sides: { old: { done: 0, total: inputFileCount(opts.oldPath, opts.values['input-format']) }, new: { done: 0, total: inputFileCount(opts.newPath, opts.values['input-format']) } },
    phase: 'parsing',
  };
  let ui: { bus: ReviewBus; ready: Promise<void>; exited: Promise<void> } | undefined;
  let quit = false;
  let started = false;
  let lastDraw = 0;
  const draw = (force = false) => {
    const t = performance.now();
    if (!force && t - lastDraw < 200) return; // 5 frames a second: each costs the parse a React render
    lastDraw = t;
    if (ui) ui.bus.progress?.(state);
    else stdout.write(loadingFrame(loadingLines(state, stdout.columns || 80)));
  };
  stdout.write(ALT_SCREEN_ON);
  draw(true);
  const cancel = () => {
    stdout.write(ALT_SCREEN_OFF);
    streams.stderr.write('iamdiff: review cancelled while loading\n');
    process.exit(130);
  };
  process.once('SIGINT', cancel);
  try {
    // React's production build: the development one checks and warns at every element, several times slower.
    process.env.NODE_ENV ??= 'production';
    const mounted = importReviewUi().then(({ mountReview }) => {
      stdout.write(CLEAR);
      ui = mountReview(state, streams);
      // Ctrl-C (or q) before the diff is there: stop now, parsing cannot be interrupted otherwise
      void ui.exited.then(() => {
        quit = true;
        if (!started) cancel();
      });
      process.off('SIGINT', cancel);
    });
    const data = await loadReviewData(opts.oldPath, opts.newPath, opts.values, {
      files(side, done, total) {
        state.sides[side] = { done, total };
        draw();
      },
      compare() {
        state.phase = 'comparing';
        draw(true);
      },
      // After every file until the UI is there (its modules load in these pauses), then every 30 ms.
      yieldMs: () => (ui ? 30 : 0),
    });
    opts.onLoaded?.();
    state.phase = 'starting';
    draw(true);
    await mounted;
    await Promise.race([ui!.ready, ui!.exited]);
    if (quit) return { result: data.result, skipped: data.skipped };
    const store = storeFor(opts.stateFile, { old: opts.oldPath, new: opts.newPath });
    // Killed while open: save what is marked and give the terminal back.
    const offSignal = onSignalExit(() => {
      store.flush();
      stdout.write(ALT_SCREEN_OFF);
    });
    try {
      started = true;
      ui!.bus.start?.({ result: data.result, lookup: data.lookup, store, exportDir: opts.exportDir, color: opts.color });
      await ui!.exited;
    } finally {
      offSignal();
      store.flush();
    }
    return { result: data.result, skipped: data.skipped, store };
  } finally {
    process.off('SIGINT', cancel);
    stdout.write(ALT_SCREEN_OFF);
  }
}
