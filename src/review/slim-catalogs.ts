import type { Change } from '../diff/change.js';
import type { Catalog } from '../model/catalog.js';

/**
 * The catalogs cut to the actions some change names (what the detail pane looks up), so a
 * worker hands back a few thousand actions instead of every action of AWS.
 */
export function slimCatalogs(catalogs: Catalog[], changes: Change[]): Catalog[] {
  const wanted = new Map<string, Set<string>>();
  for (const c of changes) {
    if (!c.action) continue;
    const names = wanted.get(c.service) ?? new Set<string>();
    names.add(c.action.toLowerCase());
    names.add(c.action.toLowerCase().replace(/…$/, ''));
    wanted.set(c.service, names);
  }
  return catalogs
    .filter((c) => wanted.has(c.service.prefix))
    .map((c) => ({ ...c, actions: c.actions.filter((a) => wanted.get(c.service.prefix)!.has(a.name.toLowerCase())), resourceTypes: undefined, conditionKeys: undefined, managedPolicies: undefined }));
}
