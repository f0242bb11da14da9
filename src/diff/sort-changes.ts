import { CHANGE_KINDS, type Change } from './change.js';

const kindOrder = new Map(CHANGE_KINDS.map((k, i) => [k, i]));

function cmp(a: string | undefined, b: string | undefined): number {
  const x = (a ?? '').toLowerCase();
  const y = (b ?? '').toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Stable order: service, action, kind, then resource, key and dependent action. */
export function compareChanges(a: Change, b: Change): number {
  return (
    cmp(a.service, b.service) ||
    cmp(a.action, b.action) ||
    cmp(a.operation, b.operation) ||
    kindOrder.get(a.kind)! - kindOrder.get(b.kind)! ||
    cmp(a.resource, b.resource) ||
    cmp(a.key, b.key) ||
    cmp(a.dependentAction, b.dependentAction) ||
    cmp(a.policy, b.policy) ||
    cmp(a.pattern, b.pattern) ||
    cmp(a.before, b.before) ||
    cmp(a.after, b.after)
  );
}
