import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { detectDirectoryParser } from '../../parsers/index.js';
import { UsageError } from '../cli/usage-error.js';
import { loadAndDiff, type DiffInputOptions } from '../commands/diff-command.js';
import type { DiffResult } from '../diff/diff-result.js';
import { isDirectory, listFiles } from '../io/read-input.js';
import type { Catalog } from '../model/catalog.js';
import { InputError } from '../model/errors.js';
import { catalogLookup, type ActionLookup } from './action-lookup.js';

/** What the loading worker says. */
export type LoadMessage =
  | { type: 'files'; side: 'old' | 'new'; done: number; total: number }
  | { type: 'compare' }
  | { type: 'done'; result: DiffResult; oldCatalogs: Catalog[]; newCatalogs: Catalog[]; skipped: string[] }
  | { type: 'error'; error: { kind: 'input' | 'usage' | 'internal'; file?: string; detail: string; line?: number } };

export interface LoadEvents {
  files(side: 'old' | 'new', done: number, total: number): void;
  compare(): void;
}

export interface ReviewData {
  result: DiffResult;
  lookup: ActionLookup;
  skipped: string[];
}

const WORKER_URL = new URL('./load-worker.js', import.meta.url);

/** Files a side will report as parsed: the pages of a directory, else one. */
export function inputFileCount(path: string, format?: string): number {
  if (!isDirectory(path) || detectDirectoryParser(path, format)) return 1;
  return listFiles(path).length;
}

function inWorker(oldPath: string, newPath: string, values: DiffInputOptions, events: LoadEvents): Promise<ReviewData> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { oldPath, newPath, values } });
    worker.on('message', (m: LoadMessage) => {
      if (m.type === 'files') events.files(m.side, m.done, m.total);
      else if (m.type === 'compare') events.compare();
      else {
        void worker.terminate();
        if (m.type === 'done') resolve({ result: m.result, lookup: catalogLookup(m.oldCatalogs, m.newCatalogs), skipped: m.skipped });
        else if (m.error.kind === 'input') reject(new InputError(m.error.file ?? '', m.error.detail, m.error.line));
        else if (m.error.kind === 'usage') reject(new UsageError(m.error.detail));
        else reject(new Error(m.error.detail));
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the loading worker stopped (exit code ${code})`)));
  });
}

/**
 * Load and diff both sides for the review, telling progress as pages are parsed. In a worker
 * thread when the compiled worker exists: this thread stays free to draw the loading screen and
 * load the terminal UI meanwhile. Otherwise here, yielding to the event loop every 30 ms.
 */
export async function loadReviewData(oldPath: string, newPath: string, values: DiffInputOptions, events: LoadEvents, { worker = true } = {}): Promise<ReviewData> {
  if (worker && existsSync(fileURLToPath(WORKER_URL))) return inWorker(oldPath, newPath, values, events);
  const skipped: string[] = [];
  const { result, oldCatalogs, newCatalogs } = await loadAndDiff(oldPath, newPath, values, skipped, { onFiles: events.files, onCompare: events.compare, yieldMs: 30 });
  return { result, lookup: catalogLookup(oldCatalogs, newCatalogs), skipped };
}
