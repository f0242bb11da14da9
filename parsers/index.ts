import type { CatalogParser } from './parser.js';
import { awsDocsHtml } from './aws-docs-html.js';
import { awsDocsMd } from './aws-docs-md.js';
import { boxTable } from './box-table.js';
import type { DirectoryCatalogParser } from './directory-parser.js';
import { iamDataJson } from './iam-data-json.js';
import { iamDatasetJson } from './iam-dataset-json.js';
import type { MultiCatalogParser } from './multi-catalog-parser.js';
import { managedPoliciesMd } from './managed-policies-md.js';
import { policySentryMd } from './policy-sentry-md.js';
import { serviceReferenceJson } from './service-reference-json.js';
import { snapshotYaml } from './snapshot-yaml.js';
import { typedocEnum } from './typedoc-enum.js';

/**
 * Every parser, in the order detection tries them: HTML first (a page starts with a tag, the
 * others never do, and a whole-AWS directory is a thousand pages that would otherwise go
 * through every text format's test first), then the most specific.
 */
export const PARSERS: readonly CatalogParser[] = [awsDocsHtml, snapshotYaml, policySentryMd, typedocEnum, managedPoliciesMd, serviceReferenceJson, awsDocsMd, boxTable];

/** Formats published as one page per service: a directory of them is one version. */
export const MULTI_PAGE_FORMATS: ReadonlySet<string> = new Set(PARSERS.filter((p) => p.multiPage).map((p) => p.id));

/** Formats published as a directory of many services. */
export const DIRECTORY_PARSERS: readonly DirectoryCatalogParser[] = [iamDataJson];

/** Formats whose one file holds many services. */
export const MULTI_CATALOG_PARSERS: readonly MultiCatalogParser[] = [iamDatasetJson];

export function parserById(id: string): CatalogParser | undefined {
  return PARSERS.find((p) => p.id === id);
}

/** The directory format a directory is in, if any (forced by id, or detected from its layout). */
export function detectDirectoryParser(dir: string, id?: string): DirectoryCatalogParser | undefined {
  return id ? DIRECTORY_PARSERS.find((p) => p.id === id) : DIRECTORY_PARSERS.find((p) => p.detectDirectory(dir));
}

/** Every format id, file and directory formats alike. */
export function formatIds(): string[] {
  return [...PARSERS, ...MULTI_CATALOG_PARSERS, ...DIRECTORY_PARSERS].map((p) => p.id);
}

/** The parser whose format `text` is in, judged from content alone. */
export function detectParser(text: string): CatalogParser | undefined {
  return PARSERS.find((p) => p.detect(text));
}

export type { CatalogParser, ParseOptions } from './parser.js';
export type { DirectoryCatalogParser } from './directory-parser.js';
export type { MultiCatalogParser } from './multi-catalog-parser.js';
