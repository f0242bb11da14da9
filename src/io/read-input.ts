import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { detectDirectoryParser, detectParser, formatIds, MULTI_PAGE_FORMATS, parserById } from '../../parsers/index.js';
import type { Catalog } from '../model/catalog.js';
import { InputError, NotACatalogError } from '../model/errors.js';
import { mergePagesByPrefix } from '../model/merge-pages.js';

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
  /** With onProgress: let the event loop run at least this often (ms), so a screen can redraw while parsing. */
  yieldMs?: number;
}

/** Raw bytes of a file or of standard input (`-`), with a clear error when unreadable. */
export function readBytes(file: string): Buffer {
  try {
    return file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    throw new InputError(file === '-' ? '<stdin>' : file, `cannot read: ${why}`);
  }
}

/** The text of a document; empty and binary input are errors. */
export function decodeText(bytes: Buffer, file: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = bytes.subarray(0, nul).toString('latin1').split('\n').length;
    throw new InputError(file, 'binary file (NUL byte): not a catalog', line);
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw new InputError(file, 'file is empty', 1);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0 && !bytes.toString('latin1').includes('\uFFFD')) {
    const replacements = text.match(/\uFFFD/g)!.length;
    if (replacements > 8 || replacements * 50 > text.length) {
      throw new InputError(file, 'binary file (not UTF-8 text): not a catalog', text.slice(0, bad).split('\n').length);
    }
  }
  return text.replace(/^\uFEFF/, '');
}

function formatList(): string {
  return formatIds().join(', ');
}

/** Parse one document's text into a catalog, detecting or forcing its format. */
export function parseText(text: string, file: string, options: LoadOptions = {}): Catalog {
  const parser = options.format ? parserById(options.format) : detectParser(text);
  if (!parser) {
    const notCatalog = notACatalog(text);
    if (notCatalog && !options.format) throw new NotACatalogError(file, notCatalog, 1);
    if (options.format) throw new InputError(file, `unknown format "${options.format}" (known: ${formatList()})`);
    throw new InputError(file, `format not recognised: none of the parsers (${formatList()}) knows this content; use --format ID to force one`, 1);
  }
  const catalog = parser.parse(text, { file, service: options.service });
  if (!catalog.source.date && !catalog.source.label) {
    catalog.source.label = options.label ?? (parser.multiPage ? options.dirLabel : undefined) ?? (file === '-' ? 'stdin' : basename(file).replace(/\.[^.]+$/, ''));
  }
  return catalog;
}

/** Why `text` is recognisably not a catalog at all (an HTTP redirect page saved in place of one), if it is. */
export function notACatalog(text: string): string | undefined {
  const title = /<title>\s*(30[1278] [^<]*?|Moved Permanently|Found|Redirecting[^<]*?)\s*<\/title>/i.exec(text.slice(0, 2000));
  if (title) return `a "${title[1]!.replace(/\s+/g, ' ')}" redirect page, not a catalog`;
  if (/<meta\s+http-equiv=["']?refresh/i.test(text.slice(0, 2000)) && !/<table/i.test(text)) return 'a redirect page (meta refresh), not a catalog';
  return undefined;
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

/** The catalogs of a directory's files: redirect stubs skipped, pages of one prefix merged. */
export function directoryCatalogs(loaded: (Catalog | undefined)[]): Catalog[] {
  return mergePagesByPrefix(loaded.filter((c): c is Catalog => c !== undefined), MULTI_PAGE_FORMATS);
}

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
    if (entry.isDirectory()) out.push(...listFiles(path));
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
  if (!isDirectory(path)) return [loadCatalogFile(path, options)];
  const dirParser = detectDirectoryParser(path, options.format);
  if (dirParser) return dirParser.parseDirectory(path, { service: options.service });
  const files = listFiles(path);
  if (files.length === 0) throw new InputError(path, 'directory holds no catalog files');
  return directoryCatalogs(files.map((f) => loadDirectoryMember(f, options)));
}
