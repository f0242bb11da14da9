import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './paths.js';

/** The real-data corpus: IAMDIFF_CORPUS, or ../shared/corpus beside the project. */
export const CORPUS = resolve(process.env.IAMDIFF_CORPUS ?? join(ROOT, '..', 'shared', 'corpus'));
export const HAS_CORPUS = existsSync(CORPUS);

/** A message for tests skipped without the corpus. */
export const NO_CORPUS = `corpus not found at ${CORPUS} (set IAMDIFF_CORPUS): skipped`;

export function corpusDir(...parts: string[]): string {
  return join(CORPUS, ...parts);
}
