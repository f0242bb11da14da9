import { detectDirectoryParser } from '../../parsers/index.js';
import { loadAndDiff, type DiffInputOptions } from '../commands/diff-command.js';
import type { DiffResult } from '../diff/diff-result.js';
import { isDirectory, listFiles, type YieldEvery } from '../io/read-input.js';
import { catalogLookup, type ActionLookup } from './action-lookup.js';

export interface LoadEvents {
  files(side: 'old' | 'new', done: number, total: number): void;
  compare(): void;
  /** Let the event loop run at least this often while parsing (30 ms unless told). */
  yieldMs?: YieldEvery;
}

export interface ReviewData {
  result: DiffResult;
  lookup: ActionLookup;
  skipped: string[];
}

/** Files a side will report as parsed: the pages of a directory, else one. */
export function inputFileCount(path: string, format?: string): number {
  if (!isDirectory(path) || detectDirectoryParser(path, format)) return 1;
  return listFiles(path).length;
}

/**
 * Load and diff both sides for the review, telling progress as pages are parsed and letting
 * the event loop run every `events.yieldMs` (30 ms unless told; the terminal UI loads meanwhile). In this thread: a worker
 * took longer to start and to hand back the result than it saved (measured on the year of AWS).
 */
export async function loadReviewData(oldPath: string, newPath: string, values: DiffInputOptions, events: LoadEvents): Promise<ReviewData> {
  const skipped: string[] = [];
  const { result, oldCatalogs, newCatalogs } = await loadAndDiff(oldPath, newPath, values, skipped, { onFiles: events.files, onCompare: events.compare, yieldMs: events.yieldMs ?? 30 });
  return { result, lookup: catalogLookup(oldCatalogs, newCatalogs), skipped };
}
