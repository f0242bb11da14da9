import { parentPort, workerData } from 'node:worker_threads';
import type { Catalog } from '../model/catalog.js';
import { InputError } from '../model/errors.js';
import { loadCatalogFile, type LoadOptions } from './read-input.js';

/** Worker: parse the files it is given and send back catalogs, or the first error. */
const { files, options } = workerData as { files: string[]; options: LoadOptions };
const catalogs: Catalog[] = [];
try {
  for (const f of files) catalogs.push(loadCatalogFile(f, options));
  parentPort!.postMessage({ catalogs });
} catch (e) {
  const err = e as Error;
  parentPort!.postMessage({ error: e instanceof InputError ? { file: e.file, detail: e.detail, line: e.line } : { internal: err.message } });
}
