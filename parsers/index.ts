import type { CatalogParser } from './parser.js';
import { awsDocsMd } from './aws-docs-md.js';
import { boxTable } from './box-table.js';
import { managedPoliciesMd } from './managed-policies-md.js';
import { policySentryMd } from './policy-sentry-md.js';
import { snapshotYaml } from './snapshot-yaml.js';
import { typedocEnum } from './typedoc-enum.js';

/** Every parser, in the order detection tries them (most specific first). */
export const PARSERS: readonly CatalogParser[] = [snapshotYaml, policySentryMd, typedocEnum, managedPoliciesMd, awsDocsMd, boxTable];

export function parserById(id: string): CatalogParser | undefined {
  return PARSERS.find((p) => p.id === id);
}

/** The parser whose format `text` is in, judged from content alone. */
export function detectParser(text: string): CatalogParser | undefined {
  return PARSERS.find((p) => p.detect(text));
}

export type { CatalogParser, ParseOptions } from './parser.js';
