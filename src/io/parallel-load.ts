import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../model/catalog.js';
import { InputError } from '../model/errors.js';
import { statSync } from 'node:fs';
import { isSnapshotText } from '../snapshot/snapshot-yaml.js';
import { getMaxInputSize, readHead } from './guarded-read.js';
import { detectDirectoryParser } from '../../parsers/index.js';
import { loadMultiCatalogFile, loadStandardInput } from './read-multi-catalog.js';
import { mergeVersion, versionSupersessions, isDirectory, listFiles, loadCatalogFile, loadDirectoryMember, parseCheckedDirectory, type LoadOptions } from './read-input.js';

const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 48;

/**
 * How many workers to use: IAMDIFF_WORKERS, else one per core but one, from 4 cores up
 * (0 or 1: parse in this thread). On 2 cores one thread is faster: V8's garbage collector
 * already runs on the second core, and two workers fighting it took 2.7 s for the HTML
 * pair where one thread took 2.0 s (npm run bench measures both).
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const cores = availableParallelism();
  const asked = env.IAMDIFF_WORKERS !== undefined ? Number(env.IAMDIFF_WORKERS) : cores >= 4 ? cores - 1 : 1;
  if (!Number.isFinite(asked) || asked <= 1 || files < MIN_FILES_FOR_WORKERS) return 1;
  if (!existsSync(fileURLToPath(WORKER_URL))) return 1; // running from TypeScript sources (tests): no compiled worker
  return Math.min(Math.floor(asked), 8);
}

type WorkerReply = { catalogs?: (Catalog | null)[]; skipped?: string[]; error?: { file?: string; detail?: string; line?: number; internal?: string } };

function runWorker(files: string[], options: LoadOptions): Promise<(Catalog | undefined)[]> {
  const { skipped, onProgress: _progress, yieldMs: _yield, ...plain } = options;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { files, options: { ...plain, skipNonCatalogs: !!skipped }, maxInputSize: getMaxInputSize() } });
    worker.once('message', (msg: WorkerReply) => {
      void worker.terminate();
      if (msg.catalogs) {
        skipped?.push(...(msg.skipped ?? []));
        resolve(msg.catalogs.map((c) => c ?? undefined));
      }
      else if (msg.error?.file !== undefined) reject(new InputError(msg.error.file, msg.error.detail ?? 'error', msg.error.line));
      else reject(new Error(msg.error?.internal ?? 'worker failed'));
    });
    worker.once('error', reject);
  });
}

/**
 * Parse many files, in worker threads when that helps. Files are dealt out by size
 * so the workers finish together; results come back in the files' order, whatever the worker count.
 */
export async function loadFilesParallel(files: string[], options: LoadOptions): Promise<(Catalog | undefined)[]> {
  const n = workerCount(files.length);
  if (n <= 1) return options.onProgress ? loadWithProgress(files, options) : files.map((f) => loadDirectoryMember(f, options));
  const order = files.map((f, i) => ({ f, i, size: statSync(f).size })).sort((a, b) => b.size - a.size);
  const buckets: { items: typeof order; total: number }[] = Array.from({ length: n }, () => ({ items: [], total: 0 }));
  for (const item of order) {
    const b = buckets.reduce((min, x) => (x.total < min.total ? x : min));
    b.items.push(item);
    b.total += item.size || 1;
  }
  let done = 0;
  const results = await Promise.all(
    buckets.map(async (b) => {
      const r = await runWorker(b.items.map((x) => x.f), options);
      options.onProgress?.((done += b.items.length), files.length);
      return r;
    }),
  );
  const out: (Catalog | undefined)[] = new Array(files.length);
  buckets.forEach((b, k) => b.items.forEach((item, j) => (out[item.i] = results[k]![j]!)));
  return out;
}

/** One file after another in this thread, telling onProgress after each and yielding to the event loop every yieldMs. */
async function loadWithProgress(files: string[], options: LoadOptions): Promise<(Catalog | undefined)[]> {
  const out: (Catalog | undefined)[] = [];
  let last = performance.now();
  for (const f of files) {
    out.push(loadDirectoryMember(f, options));
    options.onProgress?.(out.length, files.length);
    const every = typeof options.yieldMs === 'function' ? options.yieldMs() : options.yieldMs;
    if (every !== undefined && performance.now() - last >= every) {
      await new Promise((r) => setImmediate(r));
      last = performance.now();
    }
  }
  return out;
}

/** Like loadCatalogs, but a directory of many files is parsed on all cores. */
export async function loadCatalogsParallel(path: string, options: LoadOptions = {}): Promise<Catalog[]> {
  return mergeVersion(await loadPagesParallel(path, options));
}

/**
 * Several versions read together (the sides of a diff, the versions of a log): each merged
 * knowing the pages of the others, so a page retired in one is retired in all (retired-pages).
 * `progressOf(i)` reports the files of version i as they are parsed.
 */
export async function loadVersionsParallel(paths: string[], options: LoadOptions = {}, progressOf?: (i: number) => LoadOptions['onProgress']): Promise<Catalog[][]> {
  const pages: Catalog[][] = [];
  for (const [i, p] of paths.entries()) pages.push(await loadPagesParallel(p, progressOf ? { ...options, onProgress: progressOf(i) } : options));
  const shown = pages.map(versionSupersessions);
  return pages.map((version, i) => mergeVersion(version, shown.filter((_, j) => j !== i).flat()));
}

/** The catalogs of a file or directory before pages of one prefix are merged; redirect stubs left out. */
export async function loadPagesParallel(path: string, options: LoadOptions = {}): Promise<Catalog[]> {
  const whole = (catalogs: Catalog[]) => (options.onProgress?.(1, 1), catalogs);
  if (path === '-') return whole(loadStandardInput(options));
  if (!isDirectory(path)) return whole(loadMultiCatalogFile(path, options) ?? [loadCatalogFile(path, options)]);
  const dirParser = detectDirectoryParser(path, options.format);
  if (dirParser) return whole(parseCheckedDirectory(dirParser, path, options));
  const files = listFiles(path);
  if (files.length === 0) throw new InputError(path, 'directory holds no catalog files');
  // Snapshots read faster than workers start: parse them here.
  const loaded = isSnapshotFile(files[0]!)
    ? options.onProgress
      ? await loadWithProgress(files, options)
      : files.map((f) => loadDirectoryMember(f, options))
    : await loadFilesParallel(files, options);
  return loaded.filter((c): c is Catalog => c !== undefined);
}

function isSnapshotFile(file: string): boolean {
  return isSnapshotText(readHead(file, 512));
}
