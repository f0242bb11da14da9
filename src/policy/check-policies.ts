import type { Catalog } from '../model/catalog.js';
import { actionKey, compareNames } from '../model/identity.js';
import { compileActionPattern, patternMatches } from './action-pattern.js';
import type { PolicyGrant } from './policy-source.js';

export const FINDINGS = {
  'unknown-action': 'names an action the catalog does not know',
  'unknown-service': 'names a service the catalog does not have',
  'matches-nothing': 'is a wildcard that matches no action',
  'mis-cased': 'spells a known action in another case',
} as const;
export type FindingKind = keyof typeof FINDINGS;

export interface PolicyFinding {
  finding: FindingKind;
  /** The pattern as written. */
  pattern: string;
  /** The catalog's spelling (mis-cased names). */
  canonical?: string;
  /** Policies (or statements) that use the pattern, sorted. */
  policies: string[];
}

const ORDER = Object.keys(FINDINGS) as FindingKind[];

/** What is wrong with one pattern against the catalog, if anything. */
function checkPattern(pattern: string, catalogs: Map<string, Catalog>): { finding: FindingKind; canonical?: string } | undefined {
  const p = compileActionPattern(pattern);
  const colon = pattern.indexOf(':');
  if (pattern.trim() === '*' || colon < 0) return undefined;
  const servicePart = pattern.slice(0, colon).trim();
  const services = [...catalogs.values()].filter((c) => p.service.test(c.service.prefix));
  if (services.length === 0) return /[*?]/.test(servicePart) ? { finding: 'matches-nothing' } : { finding: 'unknown-service' };
  const hits = services.flatMap((c) => c.actions.filter((a) => !a.truncated && patternMatches(p, c.service.prefix, a.name)).map((a) => `${c.service.prefix}:${a.name}`));
  if (hits.length === 0) {
    if (p.wildcard) return { finding: 'matches-nothing' };
    // A name the source cut (`BatchGetRepositoryScanningConfigur…`) that this one continues is not unknown.
    const wanted = actionKey(pattern.slice(colon + 1).trim());
    const cut = services.some((c) => c.actions.some((a) => a.truncated && wanted.startsWith(actionKey(a.name))));
    return cut ? undefined : { finding: 'unknown-action' };
  }
  if (!p.wildcard && hits[0] !== `${servicePart.toLowerCase()}:${pattern.slice(colon + 1).trim()}` && actionKey(hits[0]!) === actionKey(pattern.trim())) {
    return { finding: 'mis-cased', canonical: hits[0] };
  }
  return undefined;
}

/** Names in policies the catalog does not know, wildcards that match nothing, mis-cased names. */
export function checkPolicies(grants: PolicyGrant[], catalogs: Catalog[]): PolicyFinding[] {
  const byPrefix = new Map(catalogs.filter((c) => c.carries.includes('actions')).map((c) => [c.service.prefix, c]));
  const users = new Map<string, Set<string>>();
  for (const g of grants) for (const p of g.patterns) users.set(p, (users.get(p) ?? new Set()).add(g.policy));
  const findings: PolicyFinding[] = [];
  for (const [pattern, policies] of users) {
    const f = checkPattern(pattern, byPrefix);
    if (f) findings.push({ ...f, pattern, policies: [...policies].sort(compareNames) });
  }
  return findings.sort((a, b) => ORDER.indexOf(a.finding) - ORDER.indexOf(b.finding) || compareNames(a.pattern, b.pattern));
}
