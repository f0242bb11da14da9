import type { Change, ChangeKind } from '../../src/diff/change.js';

/** The kind a change has when the two versions are swapped. */
export function mirrorKind(kind: ChangeKind): ChangeKind {
  if (kind.endsWith('-added')) return kind.replace(/-added$/, '-removed') as ChangeKind;
  if (kind.endsWith('-removed')) return kind.replace(/-removed$/, '-added') as ChangeKind;
  if (kind === 'policy-attached') return 'policy-detached';
  if (kind === 'policy-detached') return 'policy-attached';
  return kind; // changed, moved, unresolved
}

/**
 * What identifies a change up to its severity, with the sides swapped when `swap`. A change
 * on a renamed resource type names it as its newer side does: `names` maps the swapped
 * diff's names back (after → before of its resource-type-renamed changes).
 */
export function changeFacts(c: Change, swap: boolean, names: ReadonlyMap<string, string> = new Map()): string {
  const [before, after] = swap ? [c.after, c.before] : [c.before, c.after];
  const resource = c.resource && (names.get(`${c.service}:${c.resource}`) ?? c.resource);
  return JSON.stringify([swap ? mirrorKind(c.kind) : c.kind, c.service, c.action, resource, c.key, c.dependentAction, c.policy, c.pattern, before, after, c.pages, c.candidates]);
}

/** `service:newName` → old name, from the resource-type-renamed changes of a diff. */
function renamedBack(changes: Change[]): Map<string, string> {
  return new Map(changes.filter((c) => c.kind === 'resource-type-renamed').map((c) => [`${c.service}:${c.after}`, c.before!]));
}

/** The changes of A→B that have no mirror in B→A, and of B→A with none in A→B (both empty when they mirror exactly). */
export function mirrorGaps(forward: Change[], backward: Change[]): { forward: string[]; backward: string[] } {
  const count = (list: string[]) => list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
  const f = count(forward.map((c) => changeFacts(c, false)));
  const names = renamedBack(backward);
  const b = count(backward.map((c) => changeFacts(c, true, names)));
  const missing = (x: Map<string, number>, y: Map<string, number>) => [...x].filter(([k, n]) => (y.get(k) ?? 0) !== n).map(([k]) => k);
  return { forward: missing(f, b), backward: missing(b, f) };
}
