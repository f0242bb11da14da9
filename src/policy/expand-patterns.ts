import type { Catalog } from '../model/catalog.js';
import { compareNames } from '../model/identity.js';
import { compileActionPattern, patternMatches } from './action-pattern.js';

/** `service:Action` with its access level where the catalog knows it. */
export interface GrantedAction {
  action: string;
  accessLevel?: string;
}

/** Every action of the catalogs a pattern matches, by IAM's rules, sorted. */
export function expandPattern(pattern: string, catalogs: Catalog[]): GrantedAction[] {
  const p = compileActionPattern(pattern);
  const out: GrantedAction[] = [];
  for (const c of catalogs) {
    if (!p.service.test(c.service.prefix)) continue;
    for (const a of c.actions) {
      if (a.truncated || !patternMatches(p, c.service.prefix, a.name)) continue;
      out.push(a.accessLevel ? { action: `${c.service.prefix}:${a.name}`, accessLevel: a.accessLevel } : { action: `${c.service.prefix}:${a.name}` });
    }
  }
  return out.sort((a, b) => compareNames(a.action, b.action));
}

/** What a pattern grants in the newer catalog that it did not in the older, and the reverse. */
export function expansionDelta(pattern: string, older: Catalog[], newer: Catalog[]): { added: GrantedAction[]; removed: GrantedAction[]; kept: number } {
  const before = expandPattern(pattern, older);
  const after = expandPattern(pattern, newer);
  const had = new Set(before.map((g) => g.action.toLowerCase()));
  const has = new Set(after.map((g) => g.action.toLowerCase()));
  return {
    added: after.filter((g) => !had.has(g.action.toLowerCase())),
    removed: before.filter((g) => !has.has(g.action.toLowerCase())),
    kept: after.filter((g) => had.has(g.action.toLowerCase())).length,
  };
}
