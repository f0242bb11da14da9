import { parentPort, workerData } from 'node:worker_threads';
import type { Catalog } from '../model/catalog.js';
import { InputError } from '../model/errors.js';
import { setMaxInputSize } from './guarded-read.js';
import { loadDirectoryMember, type LoadOptions } from './read-input.js';

/** Worker: parse the files it is given and send back catalogs (null for a skipped file), or the first error. */
const { files, options, maxInputSize } = workerData as { files: string[]; options: LoadOptions & { skipNonCatalogs?: boolean }; maxInputSize: number };
setMaxInputSize(maxInputSize); // the limit set by --max-input-size in the main thread
const { skipNonCatalogs, ...load } = options;
const skipped: string[] = [];
const catalogs: (Catalog | null)[] = [];
try {
  for (const f of files) catalogs.push(loadDirectoryMember(f, skipNonCatalogs ? { ...load, skipped } : load) ?? null);
  parentPort!.postMessage({ catalogs, skipped });
} catch (e) {
  const err = e as Error;
  parentPort!.postMessage({ error: e instanceof InputError ? { file: e.file, detail: e.detail, line: e.line } : { internal: err.message } });
}
