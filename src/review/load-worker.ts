import { parentPort, workerData } from 'node:worker_threads';
import { loadAndDiff, type DiffInputOptions } from '../commands/diff-command.js';
import { InputError } from '../model/errors.js';
import { UsageError } from '../cli/usage-error.js';
import { slimCatalogs } from './slim-catalogs.js';
import type { LoadMessage } from './load-review-data.js';

/** Worker: load and diff both sides, telling progress; send back the result and the actions it names. */
const { oldPath, newPath, values } = workerData as { oldPath: string; newPath: string; values: DiffInputOptions };
const post = (m: LoadMessage) => parentPort!.postMessage(m);
const skipped: string[] = [];
try {
  const { result, oldCatalogs, newCatalogs } = await loadAndDiff(oldPath, newPath, values, skipped, {
    onFiles: (side, done, total) => post({ type: 'files', side, done, total }),
    onCompare: () => post({ type: 'compare' }),
  });
  post({ type: 'done', result, oldCatalogs: slimCatalogs(oldCatalogs, result.changes), newCatalogs: slimCatalogs(newCatalogs, result.changes), skipped });
} catch (e) {
  const err = e as Error;
  post({ type: 'error', error: e instanceof InputError ? { kind: 'input', file: e.file, detail: e.detail, line: e.line } : e instanceof UsageError ? { kind: 'usage', detail: err.message } : { kind: 'internal', detail: err.message } });
}
