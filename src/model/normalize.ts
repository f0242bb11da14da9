import type { Action, ActionResourceType, Catalog, ConditionKey, Operation, ResourceType } from './catalog.js';
import { compareNames } from './identity.js';

/** The list sorted and without repeats; the list itself when it already is (most are: parsers and snapshots keep them so). */
export function sortedUnique(list: string[] | undefined): string[] | undefined {
  if (list === undefined) return undefined;
  let ordered = true;
  for (let i = 1; i < list.length && ordered; i++) ordered = compareNames(list[i - 1]!, list[i]!) < 0;
  return ordered ? list : [...new Set(list)].sort(compareNames);
}

function byName<T extends { name: string }>(a: T, b: T): number {
  return compareNames(a.name, b.name);
}

/** `items` sorted by name: a sorted copy, or a copy as they are when already in order. */
export function sortedByName<T extends { name: string }>(items: T[]): T[] {
  for (let i = 1; i < items.length; i++) if (byName(items[i - 1]!, items[i]!) > 0) return items.sort(byName);
  return items;
}

/** Copy of `obj` without keys whose value is undefined (so YAML and equality see no holes). */
export function dropUndefined<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const k in obj) {
    const v = obj[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

/** Sets `key` on `out` when `value` is defined (as dropUndefined would keep it), in the order called. */
function put<T extends object, K extends keyof T>(out: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) out[key] = value;
}

function normalizeActionResource(r: ActionResourceType): ActionResourceType {
  const out = {} as ActionResourceType;
  put(out, 'name', r.name);
  put(out, 'required', r.required);
  put(out, 'conditionKeys', sortedUnique(r.conditionKeys));
  put(out, 'dependentActions', sortedUnique(r.dependentActions));
  return out;
}

/** The action in normal form; built field by field in the normal key order (every action of a catalog passes here). */
export function normalizeAction(a: Action): Action {
  const out = {} as Action;
  put(out, 'name', a.name);
  if (a.truncated) out.truncated = true;
  put(out, 'description', a.description);
  put(out, 'accessLevel', a.accessLevel);
  if (a.otherAccessLevels && a.otherAccessLevels.length > 0) out.otherAccessLevels = [...new Set(a.otherAccessLevels)];
  put(out, 'accessFlags', sortedUnique(a.accessFlags));
  put(out, 'supportedBy', sortedUnique(a.supportedBy));
  put(out, 'resourceTypes', a.resourceTypes && sortedByName(a.resourceTypes.map(normalizeActionResource)));
  put(out, 'conditionKeys', sortedUnique(a.conditionKeys));
  put(out, 'dependentActions', sortedUnique(a.dependentActions));
  put(out, 'documentationUrl', a.documentationUrl);
  if (a.spellings && a.spellings.length > 0) put(out, 'spellings', sortedUnique(a.spellings));
  put(out, 'line', a.line);
  put(out, 'file', a.file);
  put(out, 'pages', a.pages && [...a.pages].map((p) => dropUndefined({ page: p.page, accessLevel: p.accessLevel, description: p.description })).sort((x, y) => compareNames(x.page, y.page)));
  return out;
}

function normalizeResourceType(r: ResourceType): ResourceType {
  return dropUndefined({ name: r.name, arnPattern: r.arnPattern, arnFormats: r.arnFormats && [...r.arnFormats], conditionKeys: sortedUnique(r.conditionKeys) });
}

function normalizeConditionKey(k: ConditionKey): ConditionKey {
  return dropUndefined({ name: k.name, type: k.type, description: k.description });
}

/**
 * The one normal form: every list sorted, no undefined keys, key order fixed.
 * Parsers and the snapshot reader both return catalogs in this form, so two
 * catalogs are equal exactly when their normal forms are deep-equal.
 */
export function normalizeCatalog(c: Catalog, { actionsInNormalForm = false }: { actionsInNormalForm?: boolean } = {}): Catalog {
  return dropUndefined({
    service: dropUndefined({ prefix: c.service.prefix, name: c.service.name }),
    source: dropUndefined({ format: c.source.format, file: c.source.file, date: c.source.date, label: c.source.label, olderLayout: c.source.olderLayout || undefined, pages: c.source.pages && [...c.source.pages], retired: c.source.retired && c.source.retired.length > 0 ? [...c.source.retired].sort() : undefined, formatVersion: c.source.formatVersion }),
    carries: [...new Set(c.carries)].sort(),
    // A parser that builds each action in normal form says so, and its actions are not copied (a test holds it to that).
    actions: sortedByName(actionsInNormalForm ? c.actions : c.actions.map(normalizeAction)),
    resourceTypes: c.resourceTypes && sortedByName(c.resourceTypes.map(normalizeResourceType)),
    conditionKeys: c.conditionKeys && sortedByName(c.conditionKeys.map(normalizeConditionKey)),
    managedPolicies: c.managedPolicies && {
      policies: [...c.managedPolicies.policies].map((p) => ({ arn: p.arn, name: p.name })).sort((a, b) => compareNames(a.arn, b.arn)),
      patterns: sortedUnique(c.managedPolicies.patterns) ?? [],
    },
    operations: c.operations?.map((o: Operation) => ({ name: o.name, actions: sortedUnique(o.actions) ?? [] })).sort(byName),
  });
}
