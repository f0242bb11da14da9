import type { Catalog, CatalogField } from '../src/model/catalog.js';
import type { ParseOptions } from './parser.js';

/** A format published as a directory of files holding many services (e.g. iam-data JSON). */
export interface DirectoryCatalogParser {
  id: string;
  title: string;
  carries: readonly CatalogField[];
  /** True when the directory is in this format (judged from its layout and content). */
  detectDirectory(dir: string): boolean;
  /** One catalog per service in the directory. */
  parseDirectory(dir: string, options: Omit<ParseOptions, 'file'>): Catalog[];
}
