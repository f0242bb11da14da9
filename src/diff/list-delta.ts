import { actionKey } from '../model/identity.js';
import { sameList } from '../util/same-list.js';

/** Items only in `after` (added) and only in `before` (removed), compared case-insensitively. */
export function listDelta(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  if (sameList(before, after)) return { added: [], removed: [] }; // the common case, without building sets
  const b = new Set(before.map(actionKey));
  const a = new Set(after.map(actionKey));
  return { added: after.filter((x) => !b.has(actionKey(x))), removed: before.filter((x) => !a.has(actionKey(x))) };
}

