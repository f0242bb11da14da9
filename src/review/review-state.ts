import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { decodeText } from '../io/decode-text.js';
import { readGuarded } from '../io/guarded-read.js';
import { InputError } from '../model/errors.js';
import { readJsonShape } from '../../parsers/common/json-located.js';
import { reviewStateFile } from '../../parsers/common/json-shapes.js';
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
  /** True once a write changed the marks themselves (not only the cursor or the changes seen). */
  readonly marksSaved?: boolean;
  /** Why the last save failed, or why marks cannot be saved at all. */
  readonly saveError?: string;
  /** Called when a save fails. */
  onError?: (message: string) => void;
}

/** `.iamdiff-review/marks.json` in the working directory: the review going on here. */
export function defaultStateFile(cwd = process.cwd()): string {
  return join(resolve(cwd), '.iamdiff-review', 'marks.json');
}


/**
 * What the file holds. A file that exists but is not a review state of this version (not JSON,
 * an older version, unreadable) is left alone: marks are kept in memory only and the warning says so.
 */
function readState(file: string): { saved?: SavedReview; warning?: string; writable: boolean } {
  let text: string;
  try {
    // Through the guarded reader: a FIFO, device or huge file named as the state is refused, never waited on.
    text = decodeText(readGuarded(file), file);
  } catch (e) {
    if (e instanceof InputError && /no such file/.test(e.detail)) return { writable: true };
    return { writable: false, warning: `cannot read ${(e as Error).message}; marks are not saved` };
  }
  try {
    const parsed = readJsonShape(text, file, reviewStateFile);
    return {
      writable: true,
      saved: {
        reviewed: new Set(parsed.reviewed ?? []),
        exported: new Set(parsed.exported ?? []),
        seen: new Set(parsed.seen ?? []),
        cursor: parsed.cursor,
      },
    };
  } catch (e) {
    return { writable: false, warning: `ignored ${(e as Error).message}: not an iamdiff review state (version 2); marks are not saved over it` };
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
  let marksOnDisk = saved;
  const store: ReviewStore & { saved: boolean; marksSaved: boolean; saveError?: string } = {
    file,
    initial: saved,
    warning,
    saved: false,
    marksSaved: false,
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
        // Marked, but the file is not ours to overwrite (nothing marked: nothing lost, nothing said).
        if (!sameMarks(marksOnDisk, pending)) store.saveError = warning;
        pending = undefined;
        return;
      }
      const marksChanged = !sameMarks(marksOnDisk, pending);
      const written = pending;
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
        if (marksChanged) store.marksSaved = true;
        marksOnDisk = written;
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
/** The same marks (reviewed and selected for export) in both; no saved review has none. */
function sameMarks(a: SavedReview | undefined, b: SavedReview): boolean {
  const same = (x: ReadonlySet<string> | undefined, y: ReadonlySet<string>) => (x?.size ?? 0) === y.size && [...y].every((k) => x!.has(k));
  return same(a?.reviewed, b.reviewed) && same(a?.exported, b.exported);
}

export function reportSave(store: ReviewStore | undefined, stderr: { write(s: string): unknown }): number {
  if (store?.saveError) {
    stderr.write(`iamdiff: review marks not saved: ${oneLine(store.saveError)}\n`);
    return 2;
  }
  if (store?.marksSaved && store.file) stderr.write(`review marks saved in ${oneLine(store.file)}\n`);
  return 0;
}
