import type { Action, Catalog, CatalogField } from '../model/catalog.js';
import { sameNames } from '../util/same-list.js';

/**
 * Resource types the service renamed: one that went and one that came with the very same
 * ARN pattern (iotmanagedintegrations `ManagedThingResource` → `managed-thing`). Statements
 * match ARNs, not type names, so a rename breaks nothing; the diff pairs them instead of
 * reporting a removal and an addition, in the service and in every action that takes them.
 * Lower-cased old name → new name; a pattern shared by several types on a side pairs nothing.
 */
export function resourceTypeRenames(before: Catalog, after: Catalog, fields: ReadonlySet<CatalogField>): Map<string, string> {
  const renames = new Map<string, string>();
  if (!fields.has('serviceResourceTypes') || !before.resourceTypes || !after.resourceTypes) return renames;
  if (sameNames(before.resourceTypes, after.resourceTypes)) return renames; // none went, none came: most services
  const names = (c: Catalog) => new Set(c.resourceTypes!.map((r) => r.name.toLowerCase()));
  const [had, has] = [names(before), names(after)];
  const byPattern = (c: Catalog) => {
    const m = new Map<string, string[]>();
    for (const r of c.resourceTypes!) if (r.arnPattern) m.set(r.arnPattern, [...(m.get(r.arnPattern) ?? []), r.name]);
    return m;
  };
  const [oldByPattern, newByPattern] = [byPattern(before), byPattern(after)];
  for (const [pattern, olds] of oldByPattern) {
    const news = newByPattern.get(pattern);
    if (olds.length !== 1 || news?.length !== 1) continue;
    const [o, n] = [olds[0]!, news[0]!];
    if (!has.has(o.toLowerCase()) && !had.has(n.toLowerCase())) renames.set(o.toLowerCase(), n);
  }
  return renames;
}

/** The action with the resource types it takes under their new names (itself when none was renamed). */
export function withRenamedResources(a: Action, renames: ReadonlyMap<string, string>): Action {
  if (renames.size === 0 || !a.resourceTypes?.some((r) => renames.has(r.name.toLowerCase()))) return a;
  return { ...a, resourceTypes: a.resourceTypes.map((r) => (renames.has(r.name.toLowerCase()) ? { ...r, name: renames.get(r.name.toLowerCase())! } : r)) };
}
