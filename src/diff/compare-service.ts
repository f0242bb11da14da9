import type { Catalog, CatalogField } from '../model/catalog.js';
import type { Change } from './change.js';
import { listDelta } from './list-delta.js';
import { makeChange } from './make-change.js';
import { appendAll } from '../util/append-all.js';

/** Service-level changes: resource types, their ARN patterns and keys, the service's condition keys. */
export function compareServiceDefinitions(before: Catalog, after: Catalog, fields: ReadonlySet<CatalogField>): Change[] {
  const service = after.service.prefix;
  const changes: Change[] = [];
  if (fields.has('serviceResourceTypes') && before.resourceTypes && after.resourceTypes) {
    const afterByName = new Map(after.resourceTypes.map((r) => [r.name.toLowerCase(), r]));
    const beforeNames = new Set(before.resourceTypes.map((r) => r.name.toLowerCase()));
    for (const b of before.resourceTypes) {
      const a = afterByName.get(b.name.toLowerCase());
      if (!a) {
        changes.push(makeChange('resource-type-removed', { service, resource: b.name, before: b.arnPattern }));
        continue;
      }
      if (b.arnPattern !== undefined && a.arnPattern !== undefined && b.arnPattern !== a.arnPattern) {
        changes.push(makeChange('arn-pattern-changed', { service, resource: b.name, before: b.arnPattern, after: a.arnPattern }));
      }
      if (b.conditionKeys && a.conditionKeys) {
        const { added, removed } = listDelta(b.conditionKeys, a.conditionKeys);
        appendAll(changes, added.map((key) => makeChange('condition-key-added', { service, resource: b.name, key })));
        appendAll(changes, removed.map((key) => makeChange('condition-key-removed', { service, resource: b.name, key })));
      }
    }
    for (const a of after.resourceTypes) {
      if (!beforeNames.has(a.name.toLowerCase())) changes.push(makeChange('resource-type-added', { service, resource: a.name, after: a.arnPattern }));
    }
  }
  if (fields.has('serviceConditionKeys') && before.conditionKeys && after.conditionKeys) {
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
