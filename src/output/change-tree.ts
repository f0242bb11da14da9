import { CHANGE_KINDS, SEVERITIES, severityRank, type Change, type ChangeKind, type Severity } from '../diff/change.js';

/** How many changes a node holds, by severity, and the highest. */
export interface NodeCounts {
  total: number;
  bySeverity: Record<Severity, number>;
  highest: Severity;
}

/** One action's changes; `action` undefined holds the service's own changes (resource types, service keys…). */
export interface ActionNode<T = Change> {
  service: string;
  action?: string;
  changes: T[];
  counts: NodeCounts;
}

export interface ServiceNode<T = Change> {
  service: string;
  /** Service-level changes first (action undefined), then actions. */
  actions: ActionNode<T>[];
  changes: T[];
  counts: NodeCounts;
}

/** `severity`: the most severe first at every level; `service`: by name, changes by kind. */
export type TreeOrder = 'severity' | 'service';

const kindOrder = new Map<string, number>(CHANGE_KINDS.map((k, i) => [k, i]));
/** Kinds not (yet) in CHANGE_KINDS sort after the known ones, by name. */
export const kindRank = (k: ChangeKind | string): number => kindOrder.get(k) ?? CHANGE_KINDS.length;

export function countChanges(changes: readonly Change[]): NodeCounts {
  const bySeverity: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const c of changes) bySeverity[c.severity]++;
  const highest = SEVERITIES.find((s) => bySeverity[s] > 0) ?? 'low';
  return { total: changes.length, bySeverity, highest };
}

const byName = (a: string | undefined, b: string | undefined) => {
  const x = (a ?? '').toLowerCase();
  const y = (b ?? '').toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

/** More severe first: highest severity, then how many at each level (high, medium, low). */
export function compareCounts(a: NodeCounts, b: NodeCounts): number {
  return severityRank(b.highest) - severityRank(a.highest) || b.bySeverity.high - a.bySeverity.high || b.bySeverity.medium - a.bySeverity.medium || b.bySeverity.low - a.bySeverity.low;
}

/** Changes grouped service → action → change, with counts on every node, in the given order. */
export function buildServiceTree(changes: readonly Change[], order: TreeOrder = 'severity'): ServiceNode[] {
  return groupByService(changes, (c) => c, order);
}

/**
 * The same for any items that stand for changes (the review keeps indices): items keep their
 * given order where the sort does not decide (the diff's order).
 */
export function groupByService<T>(items: readonly T[], changeOf: (t: T) => Change, order: TreeOrder = 'severity'): ServiceNode<T>[] {
  const pos = new Map<T, number>();
  const services = new Map<string, Map<string, T[]>>();
  items.forEach((t, i) => {
    pos.set(t, i);
    const c = changeOf(t);
    let actions = services.get(c.service);
    if (!actions) services.set(c.service, (actions = new Map()));
    // '' holds the service's own changes; action names compare case-insensitively
    const key = c.action === undefined ? '' : c.action.toLowerCase();
    let list = actions.get(key);
    if (!list) actions.set(key, (list = []));
    list.push(t);
  });
  const bySeverity = order === 'severity';
  const inAction = (a: T, b: T) => {
    const x = changeOf(a);
    const y = changeOf(b);
    return (bySeverity ? severityRank(y.severity) - severityRank(x.severity) : 0) || kindRank(x.kind) - kindRank(y.kind) || byName(x.kind, y.kind) || pos.get(a)! - pos.get(b)!;
  };
  const count = (list: T[]) => countChanges(list.map(changeOf));
  const tree: ServiceNode<T>[] = [];
  for (const [service, actions] of services) {
    const nodes: ActionNode<T>[] = [...actions.entries()].map(([key, list]) => ({ service, action: key === '' ? undefined : changeOf(list[0]!).action, changes: list.sort(inAction), counts: count(list) }));
    nodes.sort((a, b) => (a.action === undefined ? -1 : b.action === undefined ? 1 : 0) || (bySeverity ? compareCounts(a.counts, b.counts) : 0) || byName(a.action, b.action));
    const all = nodes.flatMap((n) => n.changes);
    tree.push({ service, actions: nodes, changes: all, counts: count(all) });
  }
  return tree.sort((a, b) => (bySeverity ? compareCounts(a.counts, b.counts) : 0) || byName(a.service, b.service));
}

/** `12 high, 3 medium` (levels with none left out). */
export function severityCounts(counts: NodeCounts): string {
  return SEVERITIES.filter((s) => counts.bySeverity[s] > 0)
    .map((s) => `${counts.bySeverity[s]} ${s}`)
    .join(', ');
}
