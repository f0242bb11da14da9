import { basename } from 'node:path';
import type { Catalog } from './catalog.js';

/**
 * Which pages of a version are retired copies, left out when pages of one prefix merge.
 *
 * The corpus keeps every page it ever downloaded: when AWS renames a page, the old one
 * stays beside its successor, frozen (`list_datapipeline.html` beside
 * `list_awsdatapipeline.html`). Two rules tell them apart, the same way in every version:
 * 1. Within a version: a page in the site's older layout beside a page of the same prefix in
 *    the current layout is superseded by it (only a retired page is never re-rendered).
 * 2. Across the versions read together (both sides of a diff, every version of a log): a
 *    page superseded in one version by rule 1 is retired in another version too when its
 *    content there is the same and a page that supersedes it is present there. (A version
 *    whose pages all share the older layout, such as the 2025 corpus, cannot tell by itself.)
 * Without its successor a page is the service's only page and stays (a renamed page's
 * last version before the rename).
 */
export function retiredPages(version: Catalog[], elsewhere: readonly Supersession[] = [], multiPage: (c: Catalog) => boolean = () => true): Set<Catalog> {
  const retired = new Set<Catalog>();
  const mine = pageGroups(version, multiPage);
  for (const group of mine.values()) for (const page of supersededWithin(group).keys()) retired.add(page);
  for (const s of elsewhere) {
    const group = mine.get(s.group);
    const page = group?.find((p) => pageName(p) === s.page);
    if (!group || !page || retired.has(page)) continue;
    if (!group.some((p) => p !== page && s.successors.includes(pageName(p)))) continue;
    if (pageFingerprint(page) === s.fingerprint) retired.add(page);
  }
  // A group whose every page would go keeps them all (nothing supersedes them here).
  for (const group of mine.values()) if (group.every((p) => retired.has(p))) for (const p of group) retired.delete(p);
  return retired;
}

/** A page that a version shows superseded (rule 1): what another version needs to apply rule 2. */
export interface Supersession {
  /** Prefix and format. */
  group: string;
  page: string;
  fingerprint: string;
  /** The current-layout pages beside it. */
  successors: string[];
}

/** The pages a version shows superseded by rule 1 (small: kept while other versions load). */
export function supersessions(version: Catalog[], multiPage: (c: Catalog) => boolean = () => true): Supersession[] {
  const out: Supersession[] = [];
  for (const [group, pages] of pageGroups(version, multiPage)) {
    for (const [page, successors] of supersededWithin(pages)) out.push({ group, page: pageName(page), fingerprint: pageFingerprint(page), successors });
  }
  return out;
}

/** The file name of a page, the same in every version's directory. */
export function pageName(c: Catalog): string {
  return basename(c.source.file);
}

/** Pages by prefix and format, for multi-page formats only (other catalogs never merge). */
function pageGroups(version: Catalog[], multiPage: (c: Catalog) => boolean): Map<string, Catalog[]> {
  const groups = new Map<string, Catalog[]>();
  for (const c of version) {
    if (!multiPage(c)) continue;
    const key = `${c.service.prefix}\u0000${c.source.format}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  return groups;
}

/** Older-layout pages of a group that has current-layout pages, each with the names of those. */
function supersededWithin(group: Catalog[]): Map<Catalog, string[]> {
  const out = new Map<Catalog, string[]>();
  const current = group.filter((p) => !p.source.olderLayout).map(pageName);
  if (current.length === 0 || current.length === group.length) return out;
  for (const p of group) if (p.source.olderLayout) out.set(p, current);
  return out;
}

const fingerprints = new WeakMap<Catalog, string>();

/** The page's facts and layout, without where it was read from: equal for a frozen copy. */
function pageFingerprint(c: Catalog): string {
  let f = fingerprints.get(c);
  if (f === undefined) {
    f = JSON.stringify([c.service, c.source.olderLayout ?? false, c.actions, c.resourceTypes, c.conditionKeys]);
    fingerprints.set(c, f);
  }
  return f;
}
