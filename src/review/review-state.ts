import { dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { decodeText } from '../io/decode-text.js';
import { readGuarded } from '../io/guarded-read.js';
import { InputError } from '../model/errors.js';
import { readJsonShape } from '../../parsers/common/json-located.js';
import { reviewStateFile } from '../../parsers/common/json-shapes.js';

/** Marks of one review, under the hash of its two inputs. */
interface ReviewEntry {
  old: string;
  new: string;
  updated: string;
  reviewed: string[];
}

interface StateFile {
  version: 1;
  reviews: Record<string, ReviewEntry>;
}

/** Where a review's marks live: what it starts with and how to save them. */
export interface ReviewStore {
  /** The state file, if marks are saved. */
  readonly file?: string;
  readonly initial: ReadonlySet<string>;
  /** Why the saved marks could not be read, if so. */
  readonly warning?: string;
  /** Save soon (debounced). */
  save(keys: ReadonlySet<string>): void;
  /** Write a pending save now. */
  flush(): void;
  /** True once marks were written to the state file (after fsync and rename). */
  readonly saved?: boolean;
  /** Why the last save failed, or why marks cannot be saved at all. */
  readonly saveError?: string;
  /** Called when a save fails. */
  onError?: (message: string) => void;
}

/** `.iamdiff-review/<hash>.json` in the directory that holds NEW. */
export function defaultStateFile(newPath: string, hash: string): string {
  return join(dirname(resolve(newPath)), '.iamdiff-review', `${hash}.json`);
}

/**
 * The state file's content. A file that exists but is not a valid state (not JSON,
 * `"reviews": []`, …) is left alone: marks are then kept in memory only and the
 * warning says so, rather than overwriting it or saving into a shape that loses them.
 */
function readState(file: string): { state: StateFile; warning?: string; writable: boolean } {
  const empty = (): StateFile => ({ version: 1, reviews: {} });
  let text: string;
  try {
    text = decodeText(readGuarded(file), file);
  } catch (e) {
    const missing = e instanceof InputError && /no such file/.test(e.detail);
    if (missing) return { state: empty(), writable: true };
    return { state: empty(), writable: false, warning: `ignored ${(e as Error).message}; marks are not saved` };
  }
  try {
    return { state: readJsonShape(text, file, reviewStateFile) as StateFile, writable: true };
  } catch (e) {
    return { state: empty(), writable: false, warning: `ignored ${(e as Error).message}: not an iamdiff review state; marks are not saved over it` };
  }
}

/** Marks kept only in memory (no state file). */
export function memoryStore(initial: Iterable<string> = [], warning?: string): ReviewStore {
  return { initial: new Set(initial), warning, save() {}, flush() {} };
}

/** Marks saved in `file` under `hash`, written atomically at most every `debounceMs`. */
export function openReviewStore(file: string, hash: string, sides: { old: string; new: string }, { debounceMs = 200 } = {}): ReviewStore {
  const { state, warning, writable } = readState(file);
  const entry = Object.hasOwn(state.reviews, hash) ? state.reviews[hash] : undefined;
  const initial = new Set(entry?.reviewed ?? []);
  let pending: ReadonlySet<string> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const store: ReviewStore & { saved: boolean; saveError?: string } = {
    file,
    initial,
    warning,
    saved: false,
    save(keys) {
      pending = keys;
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
        store.saveError = warning; // marked, but the state file is not ours to overwrite
        return;
      }
      state.reviews[hash] = { old: sides.old, new: sides.new, updated: new Date().toISOString(), reviewed: [...pending].sort() };
      pending = undefined;
      try {
        writeFileAtomic(file, JSON.stringify(state, null, 2) + '\n', { overwrite: true });
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
