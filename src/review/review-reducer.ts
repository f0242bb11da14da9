import type { ReviewModel, ListFilter } from './review-model.js';
import { NO_FILTER } from './review-model.js';
import { applyItem, narrowItems, pickerItems } from './picker-items.js';
import { isOpen, ORDERS, pathTo, type Order, type ReviewTree, type TreeNode } from './review-tree.js';
import { markStep, redo, undo, type MarkSets, type MarkStep } from './mark-history.js';

/** Everything the review screen shows that keys change. */
export interface ReviewState {
  mode: 'tree' | 'search' | 'picker' | 'help';
  focus: 'list' | 'detail';
  filter: ListFilter;
  order: Order;
  /** Nodes opened or closed by hand (the rest follow isOpen's defaults). */
  expanded: ReadonlyMap<string, boolean>;
  /** The row under the cursor, by node id; `row` when that node is gone. */
  cursor: { id?: string; row: number };
  detailScroll: number;
  /** The search: typed in search mode, kept (highlighted, n/N) after Enter. */
  query: string;
  /** Where the cursor was when the search began (Esc goes back). */
  searchFrom?: { id?: string; row: number };
  picker: { text: string; sel: number };
  marks: MarkSets;
  undo: MarkStep[];
  redo: MarkStep[];
  message?: { text: string; error?: boolean };
}

export type Step = number | 'page-up' | 'page-down' | 'top' | 'bottom';

/** What a key asks for. `export`, `open-url`, `copy-url` and `quit` are side effects the app runs itself. */
export type ReviewCommand =
  | { type: 'move'; by: Step }
  | { type: 'scroll'; by: Step }
  | { type: 'expand' }
  | { type: 'reveal'; id: string }
  | { type: 'collapse' }
  | { type: 'toggle-open' }
  | { type: 'open-all'; open: boolean }
  | { type: 'jump'; to: 'service' | 'group'; dir: 1 | -1 }
  | { type: 'focus' }
  | { type: 'escape' }
  | { type: 'search-open' }
  | { type: 'search-type'; text: string }
  | { type: 'search-backspace' }
  | { type: 'search-accept' }
  | { type: 'search-next'; dir: 1 | -1 }
  | { type: 'picker-open' }
  | { type: 'picker-type'; text: string }
  | { type: 'picker-backspace' }
  | { type: 'picker-move'; by: number }
  | { type: 'picker-accept' }
  | { type: 'clear-filters' }
  | { type: 'cycle-order' }
  | { type: 'mark'; set: 'reviewed' | 'exported'; scope: 'node' | 'shown' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'help' }
  | { type: 'export' }
  | { type: 'open-url' }
  | { type: 'copy-url' }
  | { type: 'quit' };

/** What the screen shows for a state. */
export interface View {
  tree: ReviewTree;
  rows: TreeNode[];
  /** Row of the cursor (-1: no rows). */
  sel: number;
  /** Changes the search matches. */
  matches: ReadonlySet<number>;
}

/** What the reducer needs besides the state. */
export interface ReviewEnv {
  model: ReviewModel;
  view(s: ReviewState): View;
  listPage: number;
  detailPage: number;
  /** Lines the detail pane can scroll (content height minus pane height). */
  detailMax: number;
}

export function initialState(marks: MarkSets, order: Order = 'severity'): ReviewState {
  return { mode: 'tree', focus: 'list', filter: { ...NO_FILTER }, order, expanded: new Map(), cursor: { row: 0 }, detailScroll: 0, query: '', picker: { text: '', sel: 0 }, marks, undo: [], redo: [] };
}

/** Row index of the cursor in `rows`. */
export function cursorRow(cursor: ReviewState['cursor'], rows: TreeNode[]): number {
  if (rows.length === 0) return -1;
  const i = cursor.id === undefined ? -1 : rows.findIndex((r) => r.id === cursor.id);
  return i >= 0 ? i : Math.min(Math.max(cursor.row, 0), rows.length - 1);
}

function clampStep(by: Step, at: number, page: number, last: number): number {
  const to = by === 'top' ? 0 : by === 'bottom' ? last : by === 'page-up' ? at - page : by === 'page-down' ? at + page : at + by;
  return Math.max(0, Math.min(to, last));
}

/** Open every ancestor of a node that is closed. */
function reveal(s: ReviewState, tree: ReviewTree, n: TreeNode): ReviewState['expanded'] {
  let expanded = s.expanded;
  for (const a of pathTo(n).slice(0, -1)) {
    if (!isOpen(tree, expanded, a)) {
      if (expanded === s.expanded) expanded = new Map(expanded);
      (expanded as Map<string, boolean>).set(a.id, true);
    }
  }
  return expanded;
}

/** Put the cursor on a node, opening what hides it. */
function goTo(s: ReviewState, env: ReviewEnv, n: TreeNode): ReviewState {
  const expanded = reveal(s, env.view(s).tree, n);
  const next = { ...s, expanded, detailScroll: 0 };
  const row = env.view(next).rows.findIndex((r) => r.id === n.id);
  return { ...next, cursor: { id: n.id, row: Math.max(0, row) } };
}

/** The state with a new filter or order: the cursor stays on its change if it is still shown. */
function reshape(s: ReviewState, env: ReviewEnv, patch: Partial<ReviewState>): ReviewState {
  const before = env.view(s);
  const at = before.sel >= 0 ? before.rows[before.sel] : undefined;
  const next: ReviewState = { ...s, ...patch };
  const tree = env.view(next).tree;
  const same = at && tree.byId.get(at.id);
  if (same) return goTo(next, env, same);
  // the first change of the old node, if shown
  const first = at?.items.find((i) => tree.byId.has(`c:${i}`));
  if (first !== undefined) return goTo(next, env, tree.byId.get(`c:${first}`)!);
  return { ...next, cursor: { row: 0 }, detailScroll: 0 };
}

/** The next (dir 1) or previous search match from the cursor, wrapping. */
function nextMatch(s: ReviewState, env: ReviewEnv, dir: 1 | -1, from?: { id?: string; row: number }, inclusive = false): ReviewState {
  const v = env.view(s);
  if (v.matches.size === 0) return { ...s, message: { text: s.query ? `no match for /${s.query}` : 'no search: / searches', error: true } };
  const order = v.tree.leafOrder;
  const anchorRow = from ? cursorRow(from, v.rows) : v.sel;
  const at = anchorRow >= 0 ? v.rows[anchorRow] : undefined;
  const start = at ? v.tree.leafPos.get(at.items[0]!) ?? 0 : 0;
  for (let k = inclusive ? 0 : 1; k <= order.length; k++) {
    const p = (((start + dir * k) % order.length) + order.length) % order.length;
    const i = order[p]!;
    if (v.matches.has(i)) {
      const wrapped = dir === 1 ? p < start : p > start;
      const n = goTo(s, env, v.tree.byId.get(`c:${i}`)!);
      return wrapped ? { ...n, message: { text: `search wrapped to the ${dir === 1 ? 'top' : 'bottom'}` } } : n;
    }
  }
  return { ...s, message: { text: `no match for /${s.query} among the changes shown (filters hide the others)`, error: true } };
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** Mark (or unmark, when all are marked) a node's changes or every change shown. */
function mark(s: ReviewState, env: ReviewEnv, set: 'reviewed' | 'exported', scope: 'node' | 'shown'): ReviewState {
  const v = env.view(s);
  if (v.sel < 0) return s;
  const node = v.rows[v.sel]!;
  const items = scope === 'node' ? node.items : v.tree.leafOrder;
  const fps = items.map((i) => env.model.fp[i]!);
  const current = s.marks[set];
  const on = !fps.every((f) => current.has(f));
  const updated = new Set(current);
  for (const f of fps) {
    if (on) updated.add(f);
    else updated.delete(f);
  }
  const what = `${on ? (set === 'reviewed' ? 'marked' : 'selected') : set === 'reviewed' ? 'unmarked' : 'deselected'} ${plural(items.length, 'change')}${scope === 'node' ? ` of ${node.label}` : ' shown'}${set === 'exported' ? ' for export' : ''}`;
  const step = markStep(s.marks, { ...s.marks, [set]: updated }, what);
  let next: ReviewState = { ...s, marks: step.after, undo: [...s.undo.slice(-99), step], redo: [], message: { text: what } };
  if (scope === 'node') {
    // advance past the node (and what is open below it)
    let j = v.sel + 1;
    while (j < v.rows.length && v.rows[j]!.depth > node.depth) j++;
    if (j < v.rows.length) next = { ...next, cursor: { id: v.rows[j]!.id, row: j }, detailScroll: 0 };
  }
  return next;
}

/** The state after one command (side effects leave it as is). */
export function reduce(state: ReviewState, cmd: ReviewCommand, env: ReviewEnv): ReviewState {
  const s: ReviewState = state.message ? { ...state, message: undefined } : state;
  switch (cmd.type) {
    case 'move': {
      const v = env.view(s);
      if (v.rows.length === 0) return s;
      const i = clampStep(cmd.by, v.sel, Math.max(1, env.listPage), v.rows.length - 1);
      return { ...s, cursor: { id: v.rows[i]!.id, row: i }, detailScroll: 0 };
    }
    case 'scroll':
      return { ...s, detailScroll: clampStep(cmd.by, s.detailScroll, Math.max(1, env.detailPage), Math.max(0, env.detailMax)) };
    case 'expand':
    case 'collapse':
    case 'toggle-open': {
      const v = env.view(s);
      if (v.sel < 0) return s;
      const n = v.rows[v.sel]!;
      const open = isOpen(v.tree, s.expanded, n);
      if (cmd.type === 'toggle-open' && n.children.length === 0) return { ...s, focus: 'detail' };
      if (cmd.type === 'expand' && open) return goTo(s, env, n.children[0]!);
      if (cmd.type === 'collapse' && !open) return n.parent ? goTo(s, env, n.parent) : s;
      if (n.children.length === 0) return s;
      return { ...s, expanded: new Map(s.expanded).set(n.id, !open) };
    }
    case 'reveal': {
      const n = env.view(s).tree.byId.get(cmd.id);
      return n ? goTo(s, env, n) : s;
    }
    case 'open-all': {
      const v = env.view(s);
      const expanded = new Map(s.expanded);
      for (const n of v.tree.serviceNodes) expanded.set(n.id, cmd.open);
      for (const n of v.tree.groupNodes) expanded.set(n.id, true);
      const at = v.sel >= 0 ? v.rows[v.sel]! : undefined;
      // collapsing keeps the cursor on the service it was in
      const keep = at && !cmd.open ? pathTo(at).find((n) => n.type === 'service') ?? at : at;
      const next = { ...s, expanded };
      return keep ? goTo(next, env, keep) : next;
    }
    case 'jump': {
      const v = env.view(s);
      const list = cmd.to === 'service' ? v.tree.serviceNodes : v.tree.groupNodes;
      if (cmd.to === 'group' && !v.tree.hasGroups) return { ...s, message: { text: 'no groups in service order: s changes the order', error: true } };
      if (list.length === 0) return s;
      const at = v.sel >= 0 ? v.rows[v.sel]!.pos : -1;
      const target = cmd.dir === 1 ? list.find((n) => n.pos > at) : [...list].reverse().find((n) => n.pos < at);
      if (!target) return { ...s, message: { text: `no ${cmd.dir === 1 ? 'next' : 'previous'} ${cmd.to}` } };
      return goTo(s, env, target);
    }
    case 'focus':
      return { ...s, focus: s.focus === 'list' ? 'detail' : 'list' };
    case 'escape':
      if (s.mode === 'search') return { ...s, mode: 'tree', query: '', cursor: s.searchFrom ?? s.cursor, searchFrom: undefined };
      if (s.mode !== 'tree') return { ...s, mode: 'tree' };
      if (s.focus === 'detail') return { ...s, focus: 'list' };
      if (s.query) return { ...s, query: '', message: { text: 'search cleared' } };
      return { ...s, message: { text: 'q quits' } };
    case 'search-open':
      return { ...s, mode: 'search', query: '', searchFrom: s.cursor };
    case 'search-type':
    case 'search-backspace': {
      const query = cmd.type === 'search-type' ? s.query + cmd.text : Array.from(s.query).slice(0, -1).join('');
      const next = { ...s, mode: 'search' as const, query };
      if (!query.trim()) return { ...next, cursor: s.searchFrom ?? s.cursor };
      const found = nextMatch(next, env, 1, s.searchFrom ?? s.cursor, true);
      return { ...found, message: found.message?.error ? found.message : undefined };
    }
    case 'search-accept':
      return { ...s, mode: 'tree', searchFrom: undefined };
    case 'search-next':
      return nextMatch(s, env, cmd.dir);
    case 'picker-open':
      return { ...s, mode: 'picker', picker: { text: '', sel: 0 } };
    case 'picker-type':
      return { ...s, picker: { text: s.picker.text + cmd.text, sel: 0 } };
    case 'picker-backspace':
      return { ...s, picker: { text: Array.from(s.picker.text).slice(0, -1).join(''), sel: 0 } };
    case 'picker-move': {
      const n = narrowItems(pickerItems(env.model, s.filter, s.marks.reviewed), s.picker.text).length;
      return { ...s, picker: { ...s.picker, sel: Math.max(0, Math.min(n - 1, s.picker.sel + cmd.by)) } };
    }
    case 'picker-accept': {
      const item = narrowItems(pickerItems(env.model, s.filter, s.marks.reviewed), s.picker.text)[s.picker.sel];
      if (!item) return { ...s, message: { text: 'nothing matches: Backspace to widen, Esc to close', error: true } };
      return reshape({ ...s, mode: 'tree' }, env, { filter: applyItem(s.filter, item) });
    }
    case 'clear-filters':
      return reshape(s, env, { filter: { ...NO_FILTER } });
    case 'cycle-order': {
      const order = ORDERS[(ORDERS.indexOf(s.order) + 1) % ORDERS.length]!;
      return { ...reshape(s, env, { order }), message: { text: `order: ${order}` } };
    }
    case 'mark':
      return mark(s, env, cmd.set, cmd.scope);
    case 'undo':
    case 'redo': {
      const r = cmd.type === 'undo' ? undo(s.undo, s.redo) : redo(s.undo, s.redo);
      if (!r) return { ...s, message: { text: `nothing to ${cmd.type}`, error: true } };
      return { ...s, ...r, message: { text: `${cmd.type === 'undo' ? 'undone' : 'redone'}: ${r.what}` } };
    }
    case 'help':
      return { ...s, mode: s.mode === 'help' ? 'tree' : 'help' };
    case 'export':
    case 'open-url':
    case 'copy-url':
    case 'quit':
      return s;
  }
}
