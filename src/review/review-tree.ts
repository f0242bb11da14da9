import { SEVERITIES, type Change } from '../diff/change.js';
import { buildServiceTree, countChanges, type NodeCounts } from '../output/change-tree.js';
import type { ReviewModel } from './review-model.js';

/** `severity`: services in groups by their highest severity; `service`: by name, no groups; `kind`: a group per kind. */
export const ORDERS = ['severity', 'service', 'kind'] as const;
export type Order = (typeof ORDERS)[number];

/** One node of the review tree. A change is a leaf; an action with one change is shown as that change. */
export interface TreeNode {
  id: string;
  type: 'group' | 'service' | 'action' | 'change';
  depth: number;
  /** Group: `HIGH` or a kind; service: its prefix; action: `service:Action`. */
  label: string;
  /** Indices (into the model) of the changes below, in tree order. */
  items: number[];
  counts: NodeCounts;
  children: TreeNode[];
  parent?: TreeNode;
  /** Position in a walk of the whole tree (parents before children). */
  pos: number;
  /** For a change leaf: its index; `withAction` when it stands for a one-change action. */
  change?: number;
  withAction?: boolean;
}

export interface ReviewTree {
  roots: TreeNode[];
  byId: Map<string, TreeNode>;
  /** Every change in tree order (collapsed or not). */
  leafOrder: number[];
  /** Position of each change in leafOrder. */
  leafPos: Map<number, number>;
  order: Order;
  hasGroups: boolean;
  services: number;
  /** Service and group nodes in tree order (for jumps). */
  serviceNodes: TreeNode[];
  groupNodes: TreeNode[];
}

function node(partial: Omit<TreeNode, 'children' | 'counts' | 'pos'> & { counts?: NodeCounts }, changes: Change[]): TreeNode {
  return { ...partial, counts: partial.counts ?? countChanges(changes), children: [], pos: 0 };
}

/** service → action → change nodes for some changes, under `prefix` ids and at `depth`. */
function serviceNodes(model: ReviewModel, indices: number[], depth: number, prefix: string, order: 'severity' | 'service'): TreeNode[] {
  const index = new Map<Change, number>(indices.map((i) => [model.all[i]!, i]));
  return buildServiceTree(
    indices.map((i) => model.all[i]!),
    order,
  ).map((s) => {
    const sid = `s:${prefix}:${s.service}`;
    const service = node({ id: sid, type: 'service', depth, label: s.service, items: s.changes.map((c) => index.get(c)!), counts: s.counts }, s.changes);
    for (const a of s.actions) {
      const items = a.changes.map((c) => index.get(c)!);
      const label = a.action === undefined ? `${s.service} (the service itself)` : `${s.service}:${a.action}`;
      if (items.length === 1) {
        service.children.push(node({ id: `c:${items[0]}`, type: 'change', depth: depth + 1, label, items, counts: a.counts, change: items[0], withAction: true, parent: service }, a.changes));
        continue;
      }
      const action = node({ id: `a:${prefix}:${s.service}:${(a.action ?? '').toLowerCase()}`, type: 'action', depth: depth + 1, label, items, counts: a.counts, parent: service }, a.changes);
      action.children = items.map((i) => node({ id: `c:${i}`, type: 'change', depth: depth + 2, label, items: [i], change: i, parent: action }, [model.all[i]!]));
      service.children.push(action);
    }
    return service;
  });
}

/** The tree of the filtered changes in an order. */
export function buildTree(model: ReviewModel, indices: number[], order: Order): ReviewTree {
  let roots: TreeNode[];
  if (order === 'service') roots = serviceNodes(model, indices, 0, '', 'service');
  else {
    // Groups: the service's highest severity, or the change's kind.
    const groups = new Map<string, number[]>();
    if (order === 'severity') {
      const perService = new Map<string, number[]>();
      for (const i of indices) {
        const s = model.all[i]!.service;
        const list = perService.get(s) ?? [];
        list.push(i);
        perService.set(s, list);
      }
      for (const sev of SEVERITIES) groups.set(sev, []);
      for (const list of perService.values()) groups.get(countChanges(list.map((i) => model.all[i]!)).highest)!.push(...list);
    } else {
      for (const k of model.kinds) groups.set(k, []);
      for (const i of indices) groups.get(model.all[i]!.kind)?.push(i);
    }
    roots = [];
    for (const [key, list] of groups) {
      if (list.length === 0) continue;
      const children = serviceNodes(model, list, 1, key, 'severity');
      const group = node({ id: `g:${key}`, type: 'group', depth: 0, label: order === 'severity' ? key.toUpperCase() : key, items: children.flatMap((c) => c.items) }, list.map((i) => model.all[i]!));
      for (const c of children) c.parent = group;
      group.children = children;
      roots.push(group);
    }
  }
  const byId = new Map<string, TreeNode>();
  const leafOrder: number[] = [];
  let services = 0;
  const walk = (n: TreeNode) => {
    n.pos = byId.size;
    byId.set(n.id, n);
    if (n.type === 'service') services++;
    if (n.change !== undefined) leafOrder.push(n.change);
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  const nodes = [...byId.values()];
  return {
    roots,
    byId,
    leafOrder,
    leafPos: new Map(leafOrder.map((c, i) => [c, i])),
    order,
    hasGroups: order !== 'service',
    services,
    serviceNodes: nodes.filter((n) => n.type === 'service'),
    groupNodes: nodes.filter((n) => n.type === 'group'),
  };
}

/** Open unless told otherwise: groups and actions open; services open when there is only one. */
export function isOpen(tree: ReviewTree, expanded: ReadonlyMap<string, boolean>, n: TreeNode): boolean {
  if (n.children.length === 0) return false;
  const set = expanded.get(n.id);
  if (set !== undefined) return set;
  return n.type !== 'service' || tree.services === 1;
}

/** The rows on screen: every node whose ancestors are all open. */
export function visibleRows(tree: ReviewTree, expanded: ReadonlyMap<string, boolean>): TreeNode[] {
  const rows: TreeNode[] = [];
  const walk = (n: TreeNode) => {
    rows.push(n);
    if (isOpen(tree, expanded, n)) n.children.forEach(walk);
  };
  tree.roots.forEach(walk);
  return rows;
}

/** The node and its ancestors, root first. */
export function pathTo(n: TreeNode): TreeNode[] {
  const path: TreeNode[] = [];
  for (let x: TreeNode | undefined = n; x; x = x.parent) path.unshift(x);
  return path;
}
