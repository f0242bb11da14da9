import { diffLib } from '../lazy/lazy-modules.js';
import type { WordPart } from './change.js';

/** Whitespace folded, so re-wrapping a description is not a change. */
export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Word-level diff of two descriptions (the `diff` package's diffWords). */
export function wordDiff(before: string, after: string): WordPart[] {
  return diffLib().diffWords(before, after).map((p) => ({ op: p.added ? 'added' : p.removed ? 'removed' : 'same', text: p.value }));
}
