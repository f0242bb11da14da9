import { SEVERITIES, type Change, type Severity } from '../diff/change.js';
import type { ListFilter, ReviewModel } from './review-model.js';

/** Everything the review screen shows that keys change. */
export interface ReviewState {
  focus: 'list' | 'detail';
  overlay: 'none' | 'search' | 'help';
  filter: ListFilter;
  /** The selected change; when it is filtered out, `selIdx` picks the row instead. */
  anchor?: Change;
  selIdx: number;
  detailScroll: number;
  reviewed: ReadonlySet<string>;
  message?: { text: string; error?: boolean };
}

export type Step = number | 'page-up' | 'page-down' | 'top' | 'bottom';

/** What a key asks for. `export` and `quit` are side effects the app runs itself. */
export type ReviewCommand =
  | { type: 'move'; by: Step }
  | { type: 'scroll'; by: Step }
  | { type: 'focus' }
  | { type: 'search-open' }
  | { type: 'search-type'; text: string }
  | { type: 'search-backspace' }
  | { type: 'search-accept' }
  | { type: 'search-cancel' }
  | { type: 'cycle-kind' }
  | { type: 'cycle-severity' }
  | { type: 'toggle-reviewed' }
  | { type: 'toggle-unreviewed' }
  | { type: 'help' }
  | { type: 'export' }
  | { type: 'quit' };

/** What the reducer needs besides the state: the changes and the pane sizes. */
export interface ReviewEnv {
  model: ReviewModel;
  listPage: number;
  detailPage: number;
  /** Lines the detail pane can scroll (content height minus pane height). */
  detailMax: number;
}

export function initialState(reviewed: ReadonlySet<string>, minSeverity: Severity = 'low'): ReviewState {
  return { focus: 'list', overlay: 'none', filter: { kind: 'all', minSeverity, query: '', unreviewedOnly: false }, selIdx: 0, detailScroll: 0, reviewed };
}

/** Index of the selected change in `shown`, -1 when the list is empty. */
export function selectedIndex(s: ReviewState, shown: Change[]): number {
  if (shown.length === 0) return -1;
  const i = s.anchor ? shown.indexOf(s.anchor) : -1;
  return i >= 0 ? i : Math.min(Math.max(s.selIdx, 0), shown.length - 1);
}

function target(by: Step, at: number, page: number, last: number): number {
  const to = by === 'top' ? 0 : by === 'bottom' ? last : by === 'page-up' ? at - page : by === 'page-down' ? at + page : at + by;
  return Math.max(0, Math.min(to, last));
}

/** A new filter; the selection stays on its change if still shown, else goes to the top. */
function refilter(s: ReviewState, filter: ListFilter, env: ReviewEnv): ReviewState {
  const shown = env.model.shown(filter, s.reviewed);
  const keep = s.anchor !== undefined && shown.includes(s.anchor);
  return { ...s, filter, selIdx: keep ? s.selIdx : 0, anchor: keep ? s.anchor : undefined, detailScroll: keep ? s.detailScroll : 0 };
}

function next<T>(list: readonly T[], current: T): T {
  return list[(list.indexOf(current) + 1) % list.length]!;
}

/** The state after one command (export and quit leave it as is). */
export function reduce(state: ReviewState, cmd: ReviewCommand, env: ReviewEnv): ReviewState {
  const s: ReviewState = state.message ? { ...state, message: undefined } : state;
  const shown = () => env.model.shown(s.filter, s.reviewed);
  switch (cmd.type) {
    case 'move': {
      const list = shown();
      if (list.length === 0) return s;
      const i = target(cmd.by, selectedIndex(s, list), Math.max(1, env.listPage), list.length - 1);
      return { ...s, anchor: list[i], selIdx: i, detailScroll: 0 };
    }
    case 'scroll':
      return { ...s, detailScroll: target(cmd.by, s.detailScroll, Math.max(1, env.detailPage), Math.max(0, env.detailMax)) };
    case 'focus':
      return { ...s, focus: s.focus === 'list' ? 'detail' : 'list' };
    case 'search-open':
      return { ...s, overlay: 'search' };
    case 'search-type':
      return refilter({ ...s, overlay: 'search' }, { ...s.filter, query: s.filter.query + cmd.text }, env);
    case 'search-backspace':
      return refilter(s, { ...s.filter, query: Array.from(s.filter.query).slice(0, -1).join('') }, env);
    case 'search-accept':
      return { ...s, overlay: 'none' };
    case 'search-cancel':
      return { ...refilter(s, { ...s.filter, query: '' }, env), overlay: 'none' };
    case 'cycle-kind':
      return refilter(s, { ...s.filter, kind: next(['all', ...env.model.kinds] as const, s.filter.kind) }, env);
    case 'cycle-severity':
      return refilter(s, { ...s.filter, minSeverity: next([...SEVERITIES].reverse(), s.filter.minSeverity) }, env);
    case 'toggle-unreviewed':
      return refilter(s, { ...s.filter, unreviewedOnly: !s.filter.unreviewedOnly }, env);
    case 'toggle-reviewed': {
      const list = shown();
      const i = selectedIndex(s, list);
      if (i < 0) return s;
      const key = env.model.keyOf(list[i]!);
      const reviewed = new Set(s.reviewed);
      if (!reviewed.delete(key)) reviewed.add(key);
      // With "unreviewed only" the change leaves the list and the next one takes its row.
      return { ...s, reviewed, anchor: list[i], selIdx: i };
    }
    case 'help':
      return { ...s, overlay: s.overlay === 'help' ? 'none' : 'help' };
    case 'export':
    case 'quit':
      return s;
  }
}
