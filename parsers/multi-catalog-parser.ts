import type { Catalog, CatalogField } from '../src/model/catalog.js';
import type { ParseOptions } from './parser.js';

/** A format whose one file holds many services (the iam-dataset JSON: all of AWS in one array). */
export interface MultiCatalogParser {
  id: string;
  title: string;
  carries: readonly CatalogField[];
  /** True when a file whose first few kilobytes are `head` is in this format (judged from content). */
  detectHead(head: string): boolean;
  /** One catalog per service, read from the file without holding its text whole (`bytes`: standard input, already read). */
  parseFile(file: string, options: ParseOptions & { label?: string; bytes?: Uint8Array }): Catalog[];
}
