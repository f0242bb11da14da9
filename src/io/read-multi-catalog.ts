import { readHead } from './guarded-read.js';
import { MULTI_CATALOG_PARSERS } from '../../parsers/index.js';
import type { MultiCatalogParser } from '../../parsers/multi-catalog-parser.js';
import type { Catalog } from '../model/catalog.js';
import { decodeText, parseText, readBytes, type LoadOptions } from './read-input.js';

const HEAD = 8192;

/** The first bytes of a file as text (empty for standard input, not peeked at, and for anything not a regular file). */
function headOf(file: string): string {
  return file === '-' ? '' : readHead(file, HEAD);
}

/** The format of a file holding many services, forced by id or detected from its first bytes; undefined for every other file. */
export function multiCatalogParserFor(file: string, format?: string): MultiCatalogParser | undefined {
  if (format !== undefined) return MULTI_CATALOG_PARSERS.find((p) => p.id === format);
  const head = headOf(file);
  return head ? MULTI_CATALOG_PARSERS.find((p) => p.detectHead(head)) : undefined;
}

/** Every catalog of a file holding many services, or undefined when the file is not in such a format. */
export function loadMultiCatalogFile(file: string, options: { format?: string; service?: string; label?: string }): Catalog[] | undefined {
  const parser = multiCatalogParserFor(file, options.format);
  return parser?.parseFile(file, { file, service: options.service, label: options.label });
}

/**
 * Standard input (`-`) in any format: read once, then judged from its content, as a file of
 * many services (the iam-dataset JSON) or of one.
 */
export function loadStandardInput(options: LoadOptions): Catalog[] {
  const bytes = readBytes('-');
  const head = bytes.subarray(0, HEAD).toString('utf8');
  const parser = options.format !== undefined ? MULTI_CATALOG_PARSERS.find((p) => p.id === options.format) : MULTI_CATALOG_PARSERS.find((p) => p.detectHead(head));
  if (parser) return parser.parseFile('-', { file: '-', service: options.service, label: options.label, bytes });
  return [parseText(decodeText(bytes, '<stdin>'), '<stdin>', options)];
}
