import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';

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
  /** Called when a save fails. */
  onError?: (message: string) => void;
}

/** `.iamdiff-review/<hash>.json` in the directory that holds NEW. */
export function defaultStateFile(newPath: string, hash: string): string {
  return join(dirname(resolve(newPath)), '.iamdiff-review', `${hash}.json`);
}

function readState(file: string): { state: StateFile; warning?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: { version: 1, reviews: {} } };
    return { state: { version: 1, reviews: {} }, warning: `cannot read ${file}: ${(e as Error).message}` };
  }
  try {
    const parsed = JSON.parse(text) as StateFile;
    if (parsed?.version !== 1 || typeof parsed.reviews !== 'object' || parsed.reviews === null) throw new Error('not an iamdiff review state');
    return { state: parsed };
  } catch (e) {
    return { state: { version: 1, reviews: {} }, warning: `ignored ${file}: ${(e as Error).message}` };
  }
}

/** Marks kept only in memory (no state file). */
export function memoryStore(initial: Iterable<string> = [], warning?: string): ReviewStore {
  return { initial: new Set(initial), warning, save() {}, flush() {} };
}

/** Marks saved in `file` under `hash`, written atomically at most every `debounceMs`. */
export function openReviewStore(file: string, hash: string, sides: { old: string; new: string }, { debounceMs = 200 } = {}): ReviewStore {
  const { state, warning } = readState(file);
  const entry = state.reviews[hash];
  const initial = new Set(Array.isArray(entry?.reviewed) ? entry.reviewed.filter((k) => typeof k === 'string') : []);
  let pending: ReadonlySet<string> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const store: ReviewStore = {
    file,
    initial,
    warning,
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
      state.reviews[hash] = { old: sides.old, new: sides.new, updated: new Date().toISOString(), reviewed: [...pending].sort() };
      pending = undefined;
      try {
        writeFileAtomic(file, JSON.stringify(state, null, 2) + '\n', { overwrite: true });
      } catch (e) {
        store.onError?.(`cannot save marks to ${file}: ${(e as Error).message}`);
      }
    },
  };
  return store;
}
