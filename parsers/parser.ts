import type { Catalog, CatalogField } from '../src/model/catalog.js';

export interface ParseOptions {
  /** The file name used in errors and recorded as the source. */
  file: string;
  /** Service prefix, for formats that do not state it (box table). */
  service?: string;
}

/** One source format: recognises its text and turns it into a normalized Catalog. */
export interface CatalogParser {
  /** Stable id, used by `--format` and recorded in snapshots. */
  id: string;
  /** One line for `iamdiff formats` and errors. */
  title: string;
  /** The fields this format carries; all others are unknown in its catalogs. */
  carries: readonly CatalogField[];
  /** True when `text` is in this format (judged from content, never the file name). */
  detect(text: string): boolean;
  /** One page of a multi-page publication (a directory of pages is one version; pages of one prefix merge). */
  multiPage?: boolean;
  /** The catalog, or an InputError naming the file and line. */
  parse(text: string, options: ParseOptions): Catalog;
}
