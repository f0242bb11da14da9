import type { Action } from '../model/catalog.js';
import type { Change, ChangeKind } from './change.js';
import { makeChange } from './make-change.js';
import { sameList } from '../util/same-list.js';

/** The label of the action's own row (resource names never hold parentheses). */
export const ACTION_ROW = '(action)';

/** One list field of an action, held on its own row and on its resource rows. */
interface RowField {
  own: (a: Action) => string[] | undefined;
  ofResource: (r: NonNullable<Action['resourceTypes']>[number]) => string[] | undefined;
  added: ChangeKind;
  removed: ChangeKind;
  moved: ChangeKind;
  /** The Change field that names the item. */
  field: 'key' | 'dependentAction';
}

export const CONDITION_KEY_ROWS: RowField = {
  own: (a) => a.conditionKeys,
  ofResource: (r) => r.conditionKeys,
  added: 'condition-key-added',
  removed: 'condition-key-removed',
  moved: 'condition-key-moved',
  field: 'key',
};

export const DEPENDENT_ACTION_ROWS: RowField = {
  own: (a) => a.dependentActions,
  ofResource: (r) => r.dependentActions,
  added: 'dependent-action-added',
  removed: 'dependent-action-removed',
  moved: 'dependent-action-moved',
  field: 'dependentAction',
};

/** Each item of the field (by lower-case name) with its spelling and the rows it is on, or undefined when the source gives none. */
function rowsOf(a: Action, f: RowField): Map<string, { name: string; rows: Set<string> }> | undefined {
  const own = f.own(a);
  const perResource = (a.resourceTypes ?? []).map((r) => [r.name, f.ofResource(r)] as const);
  if (own === undefined && perResource.every(([, list]) => list === undefined)) return undefined;
  const out = new Map<string, { name: string; rows: Set<string> }>();
  const put = (row: string, list: string[] | undefined) => {
    for (const name of list ?? []) {
      const key = name.toLowerCase();
      const entry = out.get(key);
      if (entry) entry.rows.add(row);
      else out.set(key, { name, rows: new Set([row]) });
    }
  };
  put(ACTION_ROW, own);
  for (const [row, list] of perResource) put(row, list);
  return out;
}

const sortedRows = (rows: Iterable<string>) => [...rows].sort((x, y) => (x === ACTION_ROW ? -1 : y === ACTION_ROW ? 1 : x.toLowerCase() < y.toLowerCase() ? -1 : 1));
const resourceOf = (row: string) => (row === ACTION_ROW ? undefined : row);

/** Why an item's rows changed, for the severity of a move. */
function moveCase(f: RowField, before: Set<string>, after: Set<string>): string | undefined {
  if (f.moved !== 'condition-key-moved') return undefined;
  if ([...before].every((r) => after.has(r))) return 'gained rows';
  return after.has(ACTION_ROW) ? 'onto the action' : 'narrowed';
}

/** The same rows with the same items, written alike: nothing added, removed or moved. */
function sameRows(f: RowField, before: Action, after: Action): boolean {
  if (!sameList(f.own(before), f.own(after))) return false;
  const rb = before.resourceTypes ?? [];
  const ra = after.resourceTypes ?? [];
  if (rb.length !== ra.length) return false;
  for (let i = 0; i < rb.length; i++) if (rb[i]!.name !== ra[i]!.name || !sameList(f.ofResource(rb[i]!), f.ofResource(ra[i]!))) return false;
  return true;
}

/**
 * Condition keys or dependent actions of one action across all its rows (its own and
 * each resource type's):
 * - an item new to the action is added, once per row it is on (a resource type the action
 *   newly takes included: nothing on a new row is lost);
 * - an item gone from the action altogether is removed, once per row it was on;
 * - an item on the action on both sides whose rows differ is moved, never added or removed:
 *   the action can still be conditioned on the key, callers still need the dependent
 *   action. `before` and `after` list all its rows (`(action)` for the action's own).
 * A→B and B→A mirror each other: added ↔ removed, moved ↔ moved with before ↔ after.
 */
export function rowChanges(f: RowField, service: string, action: string, before: Action, after: Action): Change[] {
  if (sameRows(f, before, after)) return []; // most actions compared changed elsewhere: no maps built for them
  const b = rowsOf(before, f);
  const a = rowsOf(after, f);
  if (!b || !a) return [];
  const changes: Change[] = [];
  const base = { service, action };
  const item = (name: string) => ({ [f.field]: name });
  const addedCase = (name: string) => (f.added === 'dependent-action-added' ? (name.toLowerCase() === 'iam:passrole' ? 'iam:PassRole' : 'other') : undefined);
  for (const [key, { name, rows }] of b) {
    const now = a.get(key);
    if (!now) {
      for (const row of sortedRows(rows)) changes.push(makeChange(f.removed, { ...base, resource: resourceOf(row), ...item(name) }));
    } else if (rows.size !== now.rows.size || [...rows].some((r) => !now.rows.has(r))) {
      changes.push(makeChange(f.moved, { ...base, ...item(now.name), before: sortedRows(rows).join(', '), after: sortedRows(now.rows).join(', ') }, moveCase(f, rows, now.rows)));
    }
  }
  for (const [key, { name, rows }] of a) {
    if (b.has(key)) continue;
    for (const row of sortedRows(rows)) changes.push(makeChange(f.added, { ...base, resource: resourceOf(row), ...item(name) }, addedCase(name)));
  }
  return changes;
}
