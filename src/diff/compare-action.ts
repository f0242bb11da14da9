import { accessLevelRank } from '../model/access-level.js';
import type { Action, ActionResourceType, CatalogField } from '../model/catalog.js';
import type { Change } from './change.js';
import { listDelta } from './list-delta.js';
import { makeChange } from './make-change.js';
import { foldSpace, wordDiff } from './word-diff.js';

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

function resourceChanges(ctx: Context, before: ActionResourceType[], after: ActionResourceType[]): Change[] {
  const base = { service: ctx.service, action: ctx.action };
  const changes: Change[] = [];
  const afterByName = new Map(after.map((r) => [r.name.toLowerCase(), r]));
  const beforeByName = new Map(before.map((r) => [r.name.toLowerCase(), r]));
  for (const b of before) {
    const a = afterByName.get(b.name.toLowerCase());
    if (!a) {
      changes.push(makeChange('resource-removed', { ...base, resource: b.name, before: b.required ? 'required' : 'optional' }));
      continue;
    }
    if (a.required !== b.required) {
      changes.push(
        makeChange(
          'resource-required-changed',
          { ...base, resource: b.name, before: b.required ? 'required' : 'optional', after: a.required ? 'required' : 'optional' },
          a.required ? 'now required' : 'no longer required',
        ),
      );
    }
    changes.push(...keyChanges(ctx, b.conditionKeys, a.conditionKeys, b.name));
    changes.push(...dependentChanges(ctx, b.dependentActions, a.dependentActions, b.name));
  }
  for (const a of after) {
    if (beforeByName.has(a.name.toLowerCase())) continue;
    changes.push(makeChange('resource-added', { ...base, resource: a.name, after: a.required ? 'required' : 'optional' }, a.required ? 'required' : 'optional'));
  }
  return changes;
}

/** What changed in one action present on both sides, limited to fields both sides carry. */
export function compareAction(service: string, before: Action, after: Action, fields: ReadonlySet<CatalogField>): Change[] {
  const ctx: Context = { service, action: after.truncated ? before.name : after.name, fields };
  const changes: Change[] = [];
  if (fields.has('accessLevel') && before.accessLevel && after.accessLevel && before.accessLevel !== after.accessLevel) {
    const down = accessLevelRank(after.accessLevel) < accessLevelRank(before.accessLevel);
    changes.push(makeChange('access-level-changed', { service, action: ctx.action, before: before.accessLevel, after: after.accessLevel }, down ? 'down' : 'up'));
  }
  if (fields.has('resourceTypes') && before.resourceTypes && after.resourceTypes) {
    changes.push(...resourceChanges(ctx, before.resourceTypes, after.resourceTypes));
  }
  changes.push(...keyChanges(ctx, before.conditionKeys, after.conditionKeys));
  changes.push(...dependentChanges(ctx, before.dependentActions, after.dependentActions));
  if (fields.has('description') && before.description !== undefined && after.description !== undefined) {
    const b = foldSpace(before.description);
    const a = foldSpace(after.description);
    if (b !== a) changes.push(makeChange('description-changed', { service, action: ctx.action, before: b, after: a, words: wordDiff(b, a) }));
  }
  return changes;
}
