import { SEVERITIES } from '../diff/change.js';
import { countChanges, groupByService, type ActionNode, type NodeCounts } from '../output/change-tree.js';
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
  byId: NodeIndex;
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

function node(fields: Omit<TreeNode, 'children' | 'pos'>): TreeNode {
  return Object.assign(fields, { children: [] as TreeNode[], pos: 0 });
}

/** Lookups by node id; a service's action and change nodes are made when first asked for. */
export interface NodeIndex {
  get(id: string): TreeNode | undefined;
  has(id: string): boolean;
}

/** Positions: a service's own nodes number after it, before the next service. */
const POS_STEP = 1_000_000;

/** A service's action and change nodes (made on first use: most services stay closed). */
function serviceChildren(model: ReviewModel, service: TreeNode, actions: ActionNode<number>[], prefix: string, made: Map<string, TreeNode>): TreeNode[] {
  const depth = service.depth;
  const children: TreeNode[] = [];
  let pos = service.pos;
  const add = (n: TreeNode) => {
    n.pos = ++pos;
    made.set(n.id, n);
    return n;
  };
  for (const a of actions) {
    const label = a.action === undefined ? `${service.label} (the service itself)` : `${service.label}:${a.action}`;
    if (a.changes.length === 1) {
      const i = a.changes[0]!;
      children.push(add(node({ id: `c:${i}`, type: 'change', depth: depth + 1, label, items: a.changes, counts: a.counts, change: i, withAction: true, parent: service })));
      continue;
    }
    const action = add(node({ id: `a:${prefix}:${service.label}:${(a.action ?? '').toLowerCase()}`, type: 'action', depth: depth + 1, label, items: a.changes, counts: a.counts, parent: service }));
    action.children = a.changes.map((i) => add(node({ id: `c:${i}`, type: 'change', depth: depth + 2, label, items: [i], counts: countChanges([model.all[i]!]), change: i, parent: action })));
    children.push(action);
  }
  return children;
}

interface Built {
  serviceOf: Map<number, TreeNode>;
  byServiceId: Map<string, TreeNode>;
  made: Map<string, TreeNode>;
}

/** Service nodes for some changes, under `prefix` ids and at `depth`; their children come on first use. */
function serviceNodes(model: ReviewModel, indices: number[], depth: number, prefix: string, order: 'severity' | 'service', built: Built): TreeNode[] {
  return groupByService(indices, (i) => model.all[i]!, order).map((s) => {
    const service = node({ id: `s:${prefix}:${s.service}`, type: 'service', depth, label: s.service, items: s.changes, counts: s.counts });
    let kids: TreeNode[] | undefined;
    Object.defineProperty(service, 'children', {
      get: () => (kids ??= serviceChildren(model, service, s.actions, prefix, built.made)),
      set: (v: TreeNode[]) => (kids = v),
      enumerable: true,
    });
    for (const i of s.changes) built.serviceOf.set(i, service);
    built.byServiceId.set(service.id, service);
    return service;
  });
}

/** The tree of the filtered changes in an order. */
export function buildTree(model: ReviewModel, indices: number[], order: Order): ReviewTree {
  const built: Built = { serviceOf: new Map(), byServiceId: new Map(), made: new Map() };
  let roots: TreeNode[];
  if (order === 'service') roots = serviceNodes(model, indices, 0, '', 'service', built);
  else {
    // Groups: the service's highest severity, or the change's kind.
    const groups = new Map<string, number[]>();
    if (order === 'severity') {
      const perService = new Map<string, number[]>();
      for (const i of indices) {
        const s = model.all[i]!.service;
        const list = perService.get(s);
        if (list) list.push(i);
        else perService.set(s, [i]);
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
      const children = serviceNodes(model, list, 1, key, 'severity', built);
      const group = node({ id: `g:${key}`, type: 'group', depth: 0, label: order === 'severity' ? key.toUpperCase() : key, items: children.flatMap((c) => c.items), counts: countChanges(list.map((i) => model.all[i]!)) });
      for (const c of children) c.parent = group;
      group.children = children;
      roots.push(group);
    }
  }
  // Groups and services are numbered now; what is below a service when it is made.
  const top = new Map<string, TreeNode>();
  let pos = 0;
  const number = (n: TreeNode) => {
    n.pos = pos;
    pos += POS_STEP;
    top.set(n.id, n);
  };
  for (const r of roots) {
    number(r);
    if (r.type === 'group') r.children.forEach(number);
  }
  const nodes = [...top.values()];
  const serviceNodesList = nodes.filter((n) => n.type === 'service');
  const leafOrder = serviceNodesList.flatMap((n) => n.items);
  const byId: NodeIndex = {
    get(id) {
      const t = top.get(id);
      if (t) return t;
      // make the service's nodes, then look
      const service = id.startsWith('c:') ? built.serviceOf.get(Number(id.slice(2))) : id.startsWith('a:') ? built.byServiceId.get(`s:${id.slice(2, id.lastIndexOf(':'))}`) : undefined;
      void service?.children;
      return built.made.get(id);
    },
    has(id) {
      return this.get(id) !== undefined;
    },
  };
  return {
    roots,
    byId,
    leafOrder,
    leafPos: new Map(leafOrder.map((c, i) => [c, i])),
    order,
    hasGroups: order !== 'service',
    services: serviceNodesList.length,
    serviceNodes: serviceNodesList,
    groupNodes: nodes.filter((n) => n.type === 'group'),
  };
}

/** Open unless told otherwise: groups and actions open; services open when there is only one. */
export function isOpen(tree: ReviewTree, expanded: ReadonlyMap<string, boolean>, n: TreeNode): boolean {
  // a change is a leaf; every other node has something below it (asking would make a service's nodes)
  if (n.type === 'change') return false;
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
