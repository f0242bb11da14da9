import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { oneLine } from '../text/sanitize.js';

/**
 * What a review keeps between runs. Marks are change fingerprints (src/diff/change-identity.ts),
 * not hashes of the inputs, so a run on new inputs keeps the marks of changes still there.
 */
export interface SavedReview {
  /** Fingerprints of the changes marked reviewed. */
  reviewed: ReadonlySet<string>;
  /** Fingerprints of the changes selected for export. */
  exported: ReadonlySet<string>;
  /** Every fingerprint any run has shown: what is not here is new. */
  seen: ReadonlySet<string>;
  /** The change under the cursor. */
  cursor?: string;
}

interface StateFile {
  version: 2;
  old?: string;
  new?: string;
  updated: string;
  reviewed: string[];
  exported: string[];
  seen: string[];
  cursor?: string;
}

/** Where a review's marks live: what it starts with and how to save them. */
export interface ReviewStore {
  /** The state file, if marks are saved. */
  readonly file?: string;
  /** What the last run saved; undefined on a first run. */
  readonly initial?: SavedReview;
  /** Why the saved marks could not be read, if so. */
  readonly warning?: string;
  /** Save soon (debounced). */
  save(review: SavedReview): void;
  /** Write a pending save now. */
  flush(): void;
  /** True once marks were written to the state file (after the atomic rename). */
  readonly saved?: boolean;
  /** Why the last save failed, or why marks cannot be saved at all. */
  readonly saveError?: string;
  /** Called when a save fails. */
  onError?: (message: string) => void;
}

/** `.iamdiff-review/marks.json` in the working directory: the review going on here. */
export function defaultStateFile(cwd = process.cwd()): string {
  return join(resolve(cwd), '.iamdiff-review', 'marks.json');
}

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((k): k is string => typeof k === 'string') : []);

/**
 * What the file holds. A file that exists but is not a review state of this version (not JSON,
 * an older version, unreadable) is left alone: marks are kept in memory only and the warning says so.
 */
function readState(file: string): { saved?: SavedReview; warning?: string; writable: boolean } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { writable: true };
    return { writable: false, warning: `cannot read ${file}: ${(e as Error).message}; marks are not saved` };
  }
  try {
    const parsed = JSON.parse(text) as Partial<StateFile>;
    if (parsed?.version !== 2) throw new Error(parsed && typeof parsed === 'object' && 'version' in parsed ? `state version ${String(parsed.version)}, not 2` : 'not an iamdiff review state');
    return {
      writable: true,
      saved: {
        reviewed: new Set(strings(parsed.reviewed)),
        exported: new Set(strings(parsed.exported)),
        seen: new Set(strings(parsed.seen)),
        cursor: typeof parsed.cursor === 'string' ? parsed.cursor : undefined,
      },
    };
  } catch (e) {
    return { writable: false, warning: `ignored ${file}: ${(e as Error).message}; marks are not saved over it` };
  }
}

/** Marks kept only in memory (no state file). */
export function memoryStore(initial?: SavedReview, warning?: string): ReviewStore {
  return { initial, warning, save() {}, flush() {} };
}

/** Marks saved in `file`, written atomically at most every `debounceMs`. */
export function openReviewStore(file: string, sides: { old?: string; new?: string } = {}, { debounceMs = 200 } = {}): ReviewStore {
  const { saved, warning, writable } = readState(file);
  let pending: SavedReview | undefined;
  let timer: NodeJS.Timeout | undefined;
  const store: ReviewStore & { saved: boolean; saveError?: string } = {
    file,
    initial: saved,
    warning,
    saved: false,
    save(review) {
      pending = review;
      if (timer) return;
      timer = setTimeout(() => store.flush(), debounceMs);
      timer.unref();
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (!pending) return;
      if (!writable) {
        pending = undefined;
        store.saveError = warning; // marked, but the file is not ours to overwrite
        return;
      }
      const state: StateFile = {
        version: 2,
        ...sides,
        updated: new Date().toISOString(),
        reviewed: [...pending.reviewed].sort(),
        exported: [...pending.exported].sort(),
        seen: [...pending.seen].sort(),
        ...(pending.cursor !== undefined && { cursor: pending.cursor }),
      };
      pending = undefined;
      try {
        writeFileAtomic(file, JSON.stringify(state, null, 1) + '\n', { overwrite: true });
        store.saved = true;
        store.saveError = undefined;
      } catch (e) {
        store.saveError = `cannot save marks to ${file}: ${(e as Error).message}`;
        store.onError?.(store.saveError);
      }
    },
  };
  return store;
}

/**
 * What became of the marks, said only when it is true: "saved" after the file was written; a
 * failed save is one line and exit code 2.
 */
export function reportSave(store: ReviewStore | undefined, stderr: { write(s: string): unknown }): number {
  if (store?.saveError) {
    stderr.write(`iamdiff: review marks not saved: ${oneLine(store.saveError)}\n`);
    return 2;
  }
  if (store?.saved && store.file) stderr.write(`review marks saved in ${oneLine(store.file)}\n`);
  return 0;
}
