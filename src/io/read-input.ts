import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { detectDirectoryParser, detectParser, formatIds, MULTI_PAGE_FORMATS, parserById, type DirectoryCatalogParser } from '../../parsers/index.js';
import type { Catalog } from '../model/catalog.js';
import { InputError, NotACatalogError } from '../model/errors.js';
import { UsageError } from '../cli/usage-error.js';
import { checkParsedCatalog } from '../model/check-catalog.js';
import { isServicePrefix } from '../model/service-prefix.js';
import { mergePagesByPrefix } from '../model/merge-pages.js';
import { retiredPages, supersessions, type Supersession } from '../model/retired-pages.js';
import { decodeText } from './decode-text.js';
import { readGuarded } from './guarded-read.js';
import { serviceReferenceIndexNote } from '../../parsers/service-reference-index.js';
import { loadMultiCatalogFile, loadStandardInput } from './read-multi-catalog.js';
import { appendAll } from '../util/append-all.js';

/** How often (ms) loading lets the event loop run; a function is asked after each file (0: after every file). */
export type YieldEvery = number | (() => number);

export interface LoadOptions {
  /** Force a parser instead of detecting the format. */
  format?: string;
  /** Service prefix for formats that do not state it. */
  service?: string;
  /** Version label for sources that state no date (default: the file name). */
  label?: string;
  /** Files of a directory skipped as not being catalogs (redirect stubs) are described here; without it they are errors. */
  skipped?: string[];
  /** Label for undated pages of a multi-page format read from a directory: the directory's name (one version). */
  dirLabel?: string;
  /** Told after each file of a directory is parsed (the review's loading screen). */
  onProgress?: (done: number, total: number) => void;
  /** With onProgress: let the event loop run at least this often, so a screen can redraw while parsing. */
  yieldMs?: YieldEvery;
}

/** Raw bytes of a file or of standard input (`-`), through the guarded reader (regular files only, size-limited). */
export function readBytes(file: string): Buffer {
  return readGuarded(file);
}

export { decodeText } from './decode-text.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function formatList(): string {
  return formatIds().join(', ');
}

/** Parse one document's text into a catalog, detecting or forcing its format. */
export function parseText(text: string, file: string, options: LoadOptions = {}): Catalog {
  const parser = options.format ? parserById(options.format) : detectParser(text);
  if (!parser) {
    const notCatalog = notACatalog(text, file);
    if (notCatalog && !options.format) throw new NotACatalogError(file, notCatalog, 1);
    if (options.format) throw new InputError(file, `unknown format "${options.format}" (known: ${formatList()})`);
    throw new InputError(file, `format not recognised: none of the parsers (${formatList()}) knows this content; use --format ID to force one`, 1);
  }
  // --service names the service of a source that does not state it: a prefix, as IAM has them.
  if (options.service !== undefined && !isServicePrefix(options.service.trim())) {
    throw new UsageError(`--service "${options.service}" is not an IAM service prefix (lower-case letters, digits and -)`);
  }
  // Whatever a parser makes of a document is checked against the schema (snapshots check themselves).
  const parsed = parser.parse(text, { file, service: options.service });
  const catalog = parser.id === 'snapshot' ? parsed : checkParsedCatalog(parsed, file, text);
  if (!catalog.source.date && !catalog.source.label) {
    const dirLabel = parser.multiPage ? options.dirLabel : undefined;
    // A directory of pages named by a date (`sar-html/2025-06-01`) is that date's version.
    if (!options.label && dirLabel && ISO_DATE.test(dirLabel) && !Number.isNaN(Date.parse(dirLabel))) catalog.source.date = dirLabel;
    else catalog.source.label = options.label ?? dirLabel ?? (file === '-' ? 'stdin' : basename(file).replace(/\.[^.]+$/, ''));
  }
  return catalog;
}

/** Why `text` is recognisably not a catalog at all (an HTTP redirect page saved in place of one), if it is. */
export function notACatalog(text: string, file?: string): string | undefined {
  const title = /<title>\s*(30[1278] [^<]*?|Moved Permanently|Found|Redirecting[^<]*?)\s*<\/title>/i.exec(text.slice(0, 2000));
  if (title) return `a "${title[1]!.replace(/\s+/g, ' ')}" redirect page, not a catalog`;
  if (/<meta\s+http-equiv=["']?refresh/i.test(text.slice(0, 2000)) && !/<table/i.test(text)) return 'a redirect page (meta refresh), not a catalog';
  return serviceReferenceIndexNote(text, file);
}

/** One file of a directory: a catalog, or undefined (noted in options.skipped) when it is a redirect stub. */
export function loadDirectoryMember(file: string, options: LoadOptions): Catalog | undefined {
  try {
    return loadCatalogFile(file, { ...options, dirLabel: options.dirLabel ?? basename(dirname(file)) });
  } catch (e) {
    if (e instanceof NotACatalogError && options.skipped) {
      options.skipped.push(e.message);
      return undefined;
    }
    throw e;
  }
}

/**
 * One version's catalogs with pages of one prefix merged, retired copies left out; `others`
 * are the pages of the other versions read with it, so retired pages are told apart the
 * same way in all of them (see retired-pages).
 */
export function mergeVersion(pages: (Catalog | undefined)[], elsewhere: readonly Supersession[] = []): Catalog[] {
  const present = pages.filter((c): c is Catalog => c !== undefined);
  return mergePagesByPrefix(present, MULTI_PAGE_FORMATS, retiredPages(present, elsewhere, isMultiPage));
}

/** What a version's pages show superseded, for mergeVersion of the other versions. */
export function versionSupersessions(pages: Catalog[]): Supersession[] {
  return supersessions(pages, isMultiPage);
}

const isMultiPage = (c: Catalog) => MULTI_PAGE_FORMATS.has(c.source.format);

/** One file (or `-`) as a catalog. */
export function loadCatalogFile(file: string, options: LoadOptions = {}): Catalog {
  const name = file === '-' ? '<stdin>' : file;
  return parseText(decodeText(readBytes(file), name), name, options);
}

/** Files below a directory, sorted, hidden ones skipped. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) appendAll(out, listFiles(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

export function isDirectory(path: string): boolean {
  try {
    return path !== '-' && statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A file gives one catalog; a directory gives one per file in it. */
export function loadCatalogs(path: string, options: LoadOptions = {}): Catalog[] {
  if (path === '-') return loadStandardInput(options);
  if (!isDirectory(path)) return loadMultiCatalogFile(path, options) ?? [loadCatalogFile(path, options)];
  const dirParser = detectDirectoryParser(path, options.format);
  if (dirParser) return parseCheckedDirectory(dirParser, path, options);
  const files = listFiles(path);
  if (files.length === 0) throw new InputError(path, 'directory holds no catalog files');
  return mergeVersion(files.map((f) => loadDirectoryMember(f, options)));
}

/** The catalogs of a directory format (iam-data), each checked against the schema like a parsed file. */
export function parseCheckedDirectory(parser: DirectoryCatalogParser, path: string, options: LoadOptions = {}): Catalog[] {
  return parser.parseDirectory(path, { service: options.service }).map((c) => checkParsedCatalog(c, c.source.file));
}
