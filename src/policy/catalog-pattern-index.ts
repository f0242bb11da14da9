import type { Catalog } from '../model/catalog.js';
import { compileActionPattern, patternMatches } from './action-pattern.js';

/** An action of a catalog version: `service:Action` and its access level. */
export interface IndexedAction {
  action: string;
  accessLevel?: string;
}

/**
 * A catalog version indexed for expanding many patterns (every managed policy's every
 * version): a pattern with a literal service prefix looks only at that service, and each
 * pattern is expanded once (case-insensitively, as IAM matches).
 */
export class CatalogPatternIndex {
  private readonly byPrefix = new Map<string, { prefix: string; actions: Catalog['actions'] }>();
  private readonly cache = new Map<string, readonly string[]>();
  /** `service:Action` → its details, for every action of the version. */
  readonly actions = new Map<string, IndexedAction>();

  constructor(catalogs: readonly Catalog[]) {
    for (const c of catalogs) {
      this.byPrefix.set(c.service.prefix.toLowerCase(), { prefix: c.service.prefix, actions: c.actions });
      for (const a of c.actions) if (!a.truncated) this.actions.set(`${c.service.prefix}:${a.name}`, { action: `${c.service.prefix}:${a.name}`, ...(a.accessLevel && { accessLevel: a.accessLevel }) });
    }
  }

  /** The actions (`service:Action`) a pattern matches, by IAM's rules. */
  expand(pattern: string): readonly string[] {
    const key = pattern.trim().toLowerCase();
    const hit = this.cache.get(key);
    if (hit) return hit;
    const p = compileActionPattern(pattern);
    const colon = key.indexOf(':');
    const literal = colon > 0 && !/[*?]/.test(key.slice(0, colon));
    const services = literal ? [this.byPrefix.get(key.slice(0, colon))].filter((s) => s !== undefined) : [...this.byPrefix.values()].filter((s) => p.service.test(s.prefix));
    const out: string[] = [];
    for (const s of services) for (const a of s.actions) if (!a.truncated && patternMatches(p, s.prefix, a.name)) out.push(`${s.prefix}:${a.name}`);
    this.cache.set(key, out);
    return out;
  }
}
