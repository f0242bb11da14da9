import { basename } from 'node:path';
import type { Action, ActionResourceType, Catalog, ResourceType } from './catalog.js';
import { actionKey } from './identity.js';
import { normalizeCatalog } from './normalize.js';

/**
 * The reference publishes some services on several pages that share one prefix
 * (`ses`: v1, v2 and Mail Manager; `elasticloadbalancing`: v1 and v2; renamed pages
 * kept beside their new name). IAM knows one namespace per prefix, so a directory's
 * pages of one prefix become one catalog:
 * - retired copies are left out (`retired`, chosen by retired-pages) and named in
 *   `source.retired`;
 * - of the rest, the page with the shortest file name (`list_amazonses.html` before
 *   `list_amazonsimpleemailservicev2.html`; then alphabetical) leads: it gives the service
 *   name, and an action's description, access level and documentation URL, and a resource
 *   type's ARN pattern, when several pages define them;
 * - an action several pages define keeps each page's own access level and description
 *   (`pages`), so a change on any of them is seen;
 * - actions, resource types, condition keys and dependent actions are the union of
 *   all pages; a resource type two pages give an action keeps the leading page's
 *   required flag;
 * - `source.pages` lists every page of the prefix (retired ones too), and each action
 *   keeps the file it came from.
 */
export function mergePagesByPrefix(catalogs: Catalog[], multiPageFormats: ReadonlySet<string>, retired: ReadonlySet<Catalog> = new Set()): Catalog[] {
  const groups = new Map<string | Catalog, Catalog[]>();
  const keys = new Map<Catalog, string | Catalog>();
  for (const c of catalogs) {
    // Only pages of one version of a multi-page format merge; snapshots of other versions do not.
    const key = multiPageFormats.has(c.source.format) ? [c.service.prefix, c.source.format, c.source.date ?? '', c.source.label ?? ''].join('\u0000') : c;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
    keys.set(c, key);
  }
  if (groups.size === catalogs.length) return catalogs;
  const out: Catalog[] = [];
  for (const c of catalogs) {
    const g = groups.get(keys.get(c)!)!;
    if (g.length === 1) out.push(c);
    else if (g[0] === c) out.push(mergePages(g, retired));
  }
  return out;
}

/** Several pages of one prefix as one catalog (see mergePagesByPrefix). */
export function mergePages(pages: Catalog[], retired: ReadonlySet<Catalog> = new Set()): Catalog {
  const kept = pages.filter((p) => !retired.has(p));
  const left = pages.filter((p) => retired.has(p)).map((p) => p.source.file).sort();
  const allPages = pages.map((p) => p.source.file).sort();
  if (kept.length === 1) return normalizeCatalog({ ...kept[0]!, source: { ...kept[0]!.source, olderLayout: undefined, pages: allPages, retired: left } });
  const ordered = [...kept].sort((a, b) => leadOrder(a.source.file, b.source.file));
  const lead = ordered[0]!;
  const carries = lead.carries.filter((f) => ordered.every((p) => p.carries.includes(f)));
  const actions = new Map<string, Action>();
  const definedOn = new Map<string, { page: Catalog; action: Action }[]>();
  for (const page of ordered) {
    for (const a of page.actions) {
      const key = actionKey(a.name);
      const had = actions.get(key);
      actions.set(key, had ? mergeAction(had, a) : { ...a, file: a.file ?? page.source.file });
      const defs = definedOn.get(key);
      if (defs) defs.push({ page, action: a });
      else definedOn.set(key, [{ page, action: a }]);
    }
  }
  for (const [key, defs] of definedOn) {
    if (defs.length < 2) continue;
    actions.get(key)!.pages = defs.map(({ page, action }) => ({ page: basename(page.source.file), accessLevel: action.accessLevel, description: action.description }));
  }
  const merged: Catalog = {
    service: { ...lead.service },
    source: { ...lead.source, olderLayout: undefined, pages: allPages, retired: left },
    carries,
    actions: [...actions.values()],
  };
  if (carries.includes('serviceResourceTypes')) merged.resourceTypes = mergeResourceTypes(ordered.map((p) => p.resourceTypes ?? []));
  if (carries.includes('serviceConditionKeys')) merged.conditionKeys = unionBy(ordered.map((p) => p.conditionKeys ?? []));
  return normalizeCatalog(merged);
}

function leadOrder(a: string, b: string): number {
  const na = basename(a);
  const nb = basename(b);
  return na.length - nb.length || (na < nb ? -1 : na > nb ? 1 : 0);
}

/** `lead` as defined by the leading page, with `other`'s lists folded in. */
function mergeAction(lead: Action, other: Action): Action {
  const out: Action = { ...lead };
  if (lead.conditionKeys && other.conditionKeys) out.conditionKeys = union(lead.conditionKeys, other.conditionKeys);
  if (lead.dependentActions && other.dependentActions) out.dependentActions = union(lead.dependentActions, other.dependentActions);
  if (lead.resourceTypes && other.resourceTypes) {
    const byName = new Map<string, ActionResourceType>(lead.resourceTypes.map((r) => [r.name, r]));
    for (const r of other.resourceTypes) {
      const had = byName.get(r.name);
      if (!had) byName.set(r.name, r);
      else {
        const m: ActionResourceType = { ...had };
        if (had.conditionKeys && r.conditionKeys) m.conditionKeys = union(had.conditionKeys, r.conditionKeys);
        if (had.dependentActions && r.dependentActions) m.dependentActions = union(had.dependentActions, r.dependentActions);
        byName.set(r.name, m);
      }
    }
    out.resourceTypes = [...byName.values()];
  }
  if (out.description === undefined && other.description !== undefined) out.description = other.description;
  if (out.accessLevel === undefined && other.accessLevel !== undefined) out.accessLevel = other.accessLevel;
  return out;
}

/** Resource types of several pages, leading page first: the first ARN pattern, the union of condition keys. */
function mergeResourceTypes(lists: ResourceType[][]): ResourceType[] {
  const byName = new Map<string, ResourceType>();
  for (const list of lists) {
    for (const r of list) {
      const had = byName.get(r.name);
      if (!had) byName.set(r.name, { ...r });
      else if (had.conditionKeys && r.conditionKeys) had.conditionKeys = union(had.conditionKeys, r.conditionKeys);
    }
  }
  return [...byName.values()];
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

function unionBy<T extends { name: string }>(lists: T[][]): T[] {
  const byName = new Map<string, T>();
  for (const list of lists) for (const item of list) if (!byName.has(item.name)) byName.set(item.name, item);
  return [...byName.values()];
}
