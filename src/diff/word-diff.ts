import { diffLib } from '../lazy/lazy-modules.js';
import type { WordPart } from './change.js';

/**
 * Most word edits a description diff looks for: far above any real description change, and
 * it bounds the time (Myers' diff costs words × edits; a 400 KB description rewritten took seconds).
 */
export const MAX_WORD_EDITS = 400;

/** Word-level diff of two descriptions (the `diff` package's diffWords); beyond MAX_WORD_EDITS, all of one replaced by the other. */
export function wordDiff(before: string, after: string): WordPart[] {
  const parts = diffLib().diffWords(before, after, { maxEditLength: MAX_WORD_EDITS });
  if (!parts) return [...(before ? [{ op: 'removed' as const, text: before }] : []), ...(after ? [{ op: 'added' as const, text: after }] : [])];
  return parts.map((p) => ({ op: p.added ? 'added' : p.removed ? 'removed' : 'same', text: p.value }));
}
