import { accessLevelRank } from '../model/access-level.js';
import { basename } from 'node:path';
import type { AccessLevel } from '../model/access-level.js';
import type { Action, ActionPageFacts, ActionResourceType, CatalogField } from '../model/catalog.js';
import type { Change } from './change.js';
import { CONDITION_KEY_ROWS, DEPENDENT_ACTION_ROWS, rowChanges } from './compare-rows.js';
import { makeChange } from './make-change.js';
import { wordDiff } from './word-diff.js';
import { foldSpace } from '../text/fold-space.js';
import { appendAll } from '../util/append-all.js';
import { sameList } from '../util/same-list.js';

interface Context {
  service: string;
  action: string;
  /** Fields both sides carry. */
  fields: ReadonlySet<CatalogField>;
}

/**
 * Resource types of an action by name. A name can appear twice (Direct Connect's
 * AssociateHostedConnection takes a required `dxcon` and an optional one): entries of
 * one name are paired required first, and only the unpaired ones are added or removed.
 */
function byResourceName(list: ActionResourceType[]): Map<string, ActionResourceType[]> {
  const map = new Map<string, ActionResourceType[]>();
  for (const r of list) {
    const key = r.name.toLowerCase();
    const group = map.get(key);
    if (group) group.push(r);
    else map.set(key, [r]);
  }
  for (const group of map.values()) if (group.length > 1) group.sort((x, y) => Number(!!y.required) - Number(!!x.required));
  return map;
}

/** Resource types gained, lost or whose required flag flipped (their keys and dependent actions: compare-rows). */
function resourceChanges(ctx: Context, before: ActionResourceType[], after: ActionResourceType[]): Change[] {
  const base = { service: ctx.service, action: ctx.action };
  const changes: Change[] = [];
  // The flag, or undefined where the source does not carry it (Service Reference JSON).
  const flag = (r: ActionResourceType) => (r.required === undefined ? undefined : r.required ? 'required' : 'optional');
  const beforeByName = byResourceName(before);
  const afterByName = byResourceName(after);
  for (const [key, olds] of beforeByName) {
    const news = afterByName.get(key) ?? [];
    olds.forEach((b, i) => {
      const a = news[i];
      if (!a) changes.push(makeChange('resource-removed', { ...base, resource: b.name, before: flag(b) }));
      else if (a.required !== undefined && b.required !== undefined && a.required !== b.required) {
        changes.push(makeChange('resource-required-changed', { ...base, resource: b.name, before: flag(b), after: flag(a) }, a.required ? 'now required' : 'no longer required'));
      }
    });
  }
  for (const [key, news] of afterByName) {
    const olds = beforeByName.get(key)?.length ?? 0;
    for (const a of news.slice(olds)) changes.push(makeChange('resource-added', { ...base, resource: a.name, after: flag(a) }, flag(a) ?? 'required flag unknown'));
  }
  return changes;
}

/** What each page says of the action: its `pages` when several merged pages define it, else the action itself, on its page. */
function pageFacts(a: Action, page: string): ActionPageFacts[] {
  return a.pages ?? [{ page: a.file ? basename(a.file) : page, accessLevel: a.accessLevel, description: a.description }];
}

/**
 * Pairs of what the two sides say, page by page: on every page that defines the action on
 * both sides (a merged prefix: `elasticloadbalancing` v1 and v2 can disagree, and a change on
 * either must show; a page new beside them is not compared with them), else — no page in
 * common, the action's page was renamed — the leading pages'. `pages` names the pages a
 * transition was seen on when the action is defined on several.
 */
function pagePairs(before: Action, after: Action, pages: readonly [string, string]): { b: ActionPageFacts; a: ActionPageFacts; pages?: string[] }[] {
  const olds = pageFacts(before, pages[0]);
  const news = pageFacts(after, pages[1]);
  const multi = !!(before.pages || after.pages);
  const common = news.filter((n) => n.page && olds.some((o) => o.page === n.page));
  if (common.length === 0) return [{ b: { page: '', accessLevel: before.accessLevel, description: before.description }, a: { page: '', accessLevel: after.accessLevel, description: after.description } }];
  return common.map((n) => ({ b: olds.find((o) => o.page === n.page)!, a: n, pages: multi ? [n.page] : undefined }));
}

/** One change per distinct transition, naming the pages it was seen on. */
function byTransition<T>(pairs: { b: ActionPageFacts; a: ActionPageFacts; pages?: string[] }[], value: (f: ActionPageFacts) => T | undefined, differs: (b: T, a: T) => boolean): { before: T; after: T; pages?: string[] }[] {
  const out = new Map<string, { before: T; after: T; pages?: string[] }>();
  for (const { b, a, pages } of pairs) {
    const x = value(b);
    const y = value(a);
    if (x === undefined || y === undefined || !differs(x, y)) continue;
    const id = JSON.stringify([x, y]);
    const had = out.get(id);
    if (had) had.pages = [...(had.pages ?? []), ...(pages ?? [])];
    else out.set(id, { before: x, after: y, pages });
  }
  return [...out.values()];
}

/**
 * A level change, unless it is only one source listing two levels where the other lists
 * one of them (iam-data's `Permissions management, Write` against the reference's `Write`).
 */
function levelsDiffer(before: Action, after: Action): (b: AccessLevel, a: AccessLevel) => boolean {
  return (b, a) => b !== a && !(after.otherAccessLevels ?? []).includes(b) && !(before.otherAccessLevels ?? []).includes(a);
}

/**
 * What changed in one action present on both sides, limited to fields both sides carry.
 * `pages` names the page each side's catalog was read from (for actions that do not say).
 */
export function compareAction(service: string, before: Action, after: Action, fields: ReadonlySet<CatalogField>, pages: readonly [string, string] = ['', '']): Change[] {
  // A name cut on both sides stays marked as cut.
  const name = !after.truncated ? after.name : before.truncated ? `${before.name}…` : before.name;
  const ctx: Context = { service, action: name, fields };
  const changes: Change[] = [];
  const pairs = pagePairs(before, after, pages);
  if (fields.has('accessLevel')) {
    for (const t of byTransition(pairs, (f) => f.accessLevel, levelsDiffer(before, after))) {
      const down = accessLevelRank(t.after) < accessLevelRank(t.before);
      changes.push(makeChange('access-level-changed', { service, action: name, before: t.before, after: t.after, pages: t.pages }, down ? 'down' : 'up'));
    }
  }
  if (fields.has('resourceTypes') && before.resourceTypes && after.resourceTypes) {
    appendAll(changes, resourceChanges(ctx, before.resourceTypes, after.resourceTypes));
  }
  if (fields.has('conditionKeys')) appendAll(changes, rowChanges(CONDITION_KEY_ROWS, service, name, before, after));
  if (fields.has('dependentActions')) appendAll(changes, rowChanges(DEPENDENT_ACTION_ROWS, service, name, before, after));
  if (fields.has('description')) {
    // White space folded: re-wrapping a description is not a change.
    for (const t of byTransition(pairs, (f) => (f.description === undefined ? undefined : foldSpace(f.description)), (b, a) => b !== a)) {
      changes.push(makeChange('description-changed', { service, action: name, before: t.before, after: t.after, words: wordDiff(t.before, t.after), pages: t.pages }));
    }
  }
  return changes;
}

/**
 * True when two actions state the same facts (most pairs of a whole-AWS diff): checked
 * without allocating, so compareAction runs only where something may have changed.
 */
export function sameActionFacts(a: Action, b: Action): boolean {
  if (a.accessLevel !== b.accessLevel || a.description !== b.description || a.truncated || b.truncated || a.pages || b.pages) return false;
  if (!sameList(a.otherAccessLevels, b.otherAccessLevels)) return false;
  if (!sameList(a.conditionKeys, b.conditionKeys) || !sameList(a.dependentActions, b.dependentActions)) return false;
  const ra = a.resourceTypes;
  const rb = b.resourceTypes;
  if (ra === rb) return true;
  if (!ra || !rb || ra.length !== rb.length) return false;
  for (let i = 0; i < ra.length; i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    if (x.name !== y.name || x.required !== y.required || !sameList(x.conditionKeys, y.conditionKeys) || !sameList(x.dependentActions, y.dependentActions)) return false;
  }
  return true;
}
