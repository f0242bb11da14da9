import { actionKey } from '../model/identity.js';

/** Items only in `after` (added) and only in `before` (removed), compared case-insensitively. */
export function listDelta(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  if (sameList(before, after)) return { added: [], removed: [] }; // the common case, without building sets
  const b = new Set(before.map(actionKey));
  const a = new Set(after.map(actionKey));
  return { added: after.filter((x) => !b.has(actionKey(x))), removed: before.filter((x) => !a.has(actionKey(x))) };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
