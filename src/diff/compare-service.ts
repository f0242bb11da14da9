import type { Catalog, CatalogField, ResourceType } from '../model/catalog.js';
import type { Change } from './change.js';
import { listDelta } from './list-delta.js';
import { makeChange } from './make-change.js';
import { appendAll } from '../util/append-all.js';
import { sameList, sameNames } from '../util/same-list.js';

/** The same resource types, in the same order, with the same ARN patterns and keys: nothing to report (most services). */
function sameResourceTypes(a: readonly ResourceType[], b: readonly ResourceType[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x.name !== y.name || x.arnPattern !== y.arnPattern || !sameList(x.arnFormats, y.arnFormats) || !sameList(x.conditionKeys, y.conditionKeys)) return false;
  }
  return true;
}

/** Service-level changes: resource types, their ARN patterns and keys, the service's condition keys. */
export function compareServiceDefinitions(before: Catalog, after: Catalog, fields: ReadonlySet<CatalogField>, renames: ReadonlyMap<string, string> = new Map()): Change[] {
  const service = after.service.prefix;
  const changes: Change[] = [];
  if (fields.has('serviceResourceTypes') && before.resourceTypes && after.resourceTypes && !(renames.size === 0 && sameResourceTypes(before.resourceTypes, after.resourceTypes))) {
    const afterByName = new Map(after.resourceTypes.map((r) => [r.name.toLowerCase(), r]));
    const beforeNames = new Set(before.resourceTypes.map((r) => r.name.toLowerCase()));
    for (const name of renames.values()) beforeNames.add(name.toLowerCase());
    for (const b of before.resourceTypes) {
      const renamed = renames.get(b.name.toLowerCase());
      const a = afterByName.get((renamed ?? b.name).toLowerCase());
      if (!a) {
        changes.push(makeChange('resource-type-removed', { service, resource: b.name, before: b.arnPattern }));
        continue;
      }
      if (renamed) changes.push(makeChange('resource-type-renamed', { service, before: b.name, after: a.name }));
      const resource = renamed ? a.name : b.name; // a renamed type is named as the newer side names it
      // Where both sides list every ARN format, compare-arn-formats reports them one by one.
      // A side listing several formats (Service Reference) agrees with a pattern that is one of them.
      const listed = (pattern: string, r: typeof a) => r.arnFormats?.includes(pattern) ?? false;
      if (!(fields.has('arnFormats') && b.arnFormats && a.arnFormats) && b.arnPattern !== undefined && a.arnPattern !== undefined && b.arnPattern !== a.arnPattern && !listed(b.arnPattern, a) && !listed(a.arnPattern, b)) {
        changes.push(makeChange('arn-pattern-changed', { service, resource, before: b.arnPattern, after: a.arnPattern }));
      }
      if (b.conditionKeys && a.conditionKeys) {
        const { added, removed } = listDelta(b.conditionKeys, a.conditionKeys);
        appendAll(changes, added.map((key) => makeChange('condition-key-added', { service, resource, key })));
        appendAll(changes, removed.map((key) => makeChange('condition-key-removed', { service, resource, key })));
      }
    }
    for (const a of after.resourceTypes) {
      if (!beforeNames.has(a.name.toLowerCase())) changes.push(makeChange('resource-type-added', { service, resource: a.name, after: a.arnPattern }));
    }
  }
  if (fields.has('serviceConditionKeys') && before.conditionKeys && after.conditionKeys && !sameNames(before.conditionKeys, after.conditionKeys)) {
    const { added, removed } = listDelta(
      before.conditionKeys.map((k) => k.name),
      after.conditionKeys.map((k) => k.name),
    );
    const typeOf = (list: Catalog['conditionKeys'], name: string) => list?.find((k) => k.name === name)?.type;
    appendAll(changes, added.map((key) => makeChange('service-condition-key-added', { service, key, after: typeOf(after.conditionKeys, key) })));
    appendAll(changes, removed.map((key) => makeChange('service-condition-key-removed', { service, key, before: typeOf(before.conditionKeys, key) })));
  }
  return changes;
}
