import type { Catalog, CatalogField } from '../model/catalog.js';
import type { Change } from './change.js';
import { listDelta } from './list-delta.js';
import { makeChange } from './make-change.js';

/**
 * For API operations both versions map (Service Reference `Operations`), the actions an
 * operation now also needs, or no longer needs. An operation only one side maps is not a
 * change in what callers need (the service began or stopped publishing the mapping).
 */
export function compareOperations(before: Catalog, after: Catalog, fields: ReadonlySet<CatalogField>): Change[] {
  if (!fields.has('operations') || !before.operations || !after.operations) return [];
  const service = after.service.prefix;
  const afterByName = new Map(after.operations.map((o) => [o.name.toLowerCase(), o]));
  const changes: Change[] = [];
  for (const b of before.operations) {
    const a = afterByName.get(b.name.toLowerCase());
    if (!a) continue;
    const { added, removed } = listDelta(b.actions, a.actions);
    for (const dependentAction of added) changes.push(makeChange('operation-action-added', { service, operation: b.name, dependentAction }));
    for (const dependentAction of removed) changes.push(makeChange('operation-action-removed', { service, operation: b.name, dependentAction }));
  }
  return changes;
}
