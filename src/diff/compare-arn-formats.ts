import type { Catalog, CatalogField } from '../model/catalog.js';
import type { Change } from './change.js';
import { makeChange } from './make-change.js';

/**
 * ARN formats added to or removed from a resource type both versions define, where both
 * list every format (Service Reference `ARNFormats`). Formats compare exactly: placeholders
 * such as `${RepositoryName}` are part of the format.
 */
export function compareArnFormats(before: Catalog, after: Catalog, fields: ReadonlySet<CatalogField>): Change[] {
  if (!fields.has('arnFormats') || !before.resourceTypes || !after.resourceTypes) return [];
  const service = after.service.prefix;
  const afterByName = new Map(after.resourceTypes.map((r) => [r.name.toLowerCase(), r]));
  const changes: Change[] = [];
  for (const b of before.resourceTypes) {
    const a = afterByName.get(b.name.toLowerCase());
    if (!a?.arnFormats || !b.arnFormats) continue;
    const had = new Set(b.arnFormats);
    const has = new Set(a.arnFormats);
    for (const f of a.arnFormats) if (!had.has(f)) changes.push(makeChange('arn-format-added', { service, resource: b.name, after: f }));
    for (const f of b.arnFormats) if (!has.has(f)) changes.push(makeChange('arn-format-removed', { service, resource: b.name, before: f }));
  }
  return changes;
}
