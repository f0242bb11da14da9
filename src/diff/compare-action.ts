import { accessLevelRank } from '../model/access-level.js';
import type { Action, ActionResourceType, CatalogField } from '../model/catalog.js';
import type { Change } from './change.js';
import { listDelta } from './list-delta.js';
import { makeChange } from './make-change.js';
import { foldSpace, wordDiff } from './word-diff.js';
import { appendAll } from '../util/append-all.js';

interface Context {
  service: string;
  action: string;
  /** Fields both sides carry. */
  fields: ReadonlySet<CatalogField>;
}

function keyChanges(ctx: Context, before: string[] | undefined, after: string[] | undefined, resource?: string): Change[] {
  if (!ctx.fields.has('conditionKeys') || !before || !after) return [];
  const { added, removed } = listDelta(before, after);
  const base = { service: ctx.service, action: ctx.action, resource };
  return [
    ...added.map((key) => makeChange('condition-key-added', { ...base, key })),
    ...removed.map((key) => makeChange('condition-key-removed', { ...base, key })),
  ];
}

function dependentChanges(ctx: Context, before: string[] | undefined, after: string[] | undefined, resource?: string): Change[] {
  if (!ctx.fields.has('dependentActions') || !before || !after) return [];
  const { added, removed } = listDelta(before, after);
  const base = { service: ctx.service, action: ctx.action, resource };
  return [
    ...added.map((dependentAction) => makeChange('dependent-action-added', { ...base, dependentAction })),
    ...removed.map((dependentAction) => makeChange('dependent-action-removed', { ...base, dependentAction })),
  ];
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
  for (const group of map.values()) if (group.length > 1) group.sort((x, y) => Number(y.required) - Number(x.required));
  return map;
}

function resourceChanges(ctx: Context, before: ActionResourceType[], after: ActionResourceType[]): Change[] {
  const base = { service: ctx.service, action: ctx.action };
  const changes: Change[] = [];
  const flag = (r: ActionResourceType) => (r.required ? 'required' : 'optional');
  const beforeByName = byResourceName(before);
  const afterByName = byResourceName(after);
  for (const [key, olds] of beforeByName) {
    const news = afterByName.get(key) ?? [];
    olds.forEach((b, i) => {
      const a = news[i];
      if (!a) {
        changes.push(makeChange('resource-removed', { ...base, resource: b.name, before: flag(b) }));
        return;
      }
      if (a.required !== b.required) {
        changes.push(makeChange('resource-required-changed', { ...base, resource: b.name, before: flag(b), after: flag(a) }, a.required ? 'now required' : 'no longer required'));
      }
      appendAll(changes, keyChanges(ctx, b.conditionKeys, a.conditionKeys, b.name));
      appendAll(changes, dependentChanges(ctx, b.dependentActions, a.dependentActions, b.name));
    });
  }
  for (const [key, news] of afterByName) {
    const olds = beforeByName.get(key)?.length ?? 0;
    for (const a of news.slice(olds)) changes.push(makeChange('resource-added', { ...base, resource: a.name, after: flag(a) }, flag(a)));
  }
  return changes;
}

/** What changed in one action present on both sides, limited to fields both sides carry. */
export function compareAction(service: string, before: Action, after: Action, fields: ReadonlySet<CatalogField>): Change[] {
  // A name cut on both sides stays marked as cut.
  const name = !after.truncated ? after.name : before.truncated ? `${before.name}…` : before.name;
  const ctx: Context = { service, action: name, fields };
  const changes: Change[] = [];
  if (fields.has('accessLevel') && before.accessLevel && after.accessLevel && before.accessLevel !== after.accessLevel) {
    const down = accessLevelRank(after.accessLevel) < accessLevelRank(before.accessLevel);
    changes.push(makeChange('access-level-changed', { service, action: ctx.action, before: before.accessLevel, after: after.accessLevel }, down ? 'down' : 'up'));
  }
  if (fields.has('resourceTypes') && before.resourceTypes && after.resourceTypes) {
    appendAll(changes, resourceChanges(ctx, before.resourceTypes, after.resourceTypes));
  }
  appendAll(changes, keyChanges(ctx, before.conditionKeys, after.conditionKeys));
  appendAll(changes, dependentChanges(ctx, before.dependentActions, after.dependentActions));
  if (fields.has('description') && before.description !== undefined && after.description !== undefined && before.description !== after.description) {
    const b = foldSpace(before.description);
    const a = foldSpace(after.description);
    if (b !== a) changes.push(makeChange('description-changed', { service, action: ctx.action, before: b, after: a, words: wordDiff(b, a) }));
  }
  return changes;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * True when two actions state the same facts (most pairs of a whole-AWS diff): checked
 * without allocating, so compareAction runs only where something may have changed.
 */
export function sameActionFacts(a: Action, b: Action): boolean {
  if (a.accessLevel !== b.accessLevel || a.description !== b.description || a.truncated || b.truncated) return false;
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
