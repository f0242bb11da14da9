import type { Catalog } from '../model/catalog.js';
import { compareNames } from '../model/identity.js';
import { compileActionPattern, isWildcardPattern, patternMatches } from './action-pattern.js';
import { cutNameMatch } from './expand-patterns.js';
import type { PolicyGrant } from './policy-source.js';

/** Each kind of finding, in report order, with what it says about the pattern. */
export const FINDINGS = {
  'not-a-pattern': 'is not of the form service:Action, so it matches nothing',
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

/** What is wrong with one pattern against the catalogs (one per service), if anything. */
function checkPattern(pattern: string, catalogs: Catalog[]): { finding: FindingKind; canonical?: string } | undefined {
  const written = pattern.trim();
  if (written === '*') return undefined;
  const colon = written.indexOf(':');
  if (colon <= 0 || colon === written.length - 1) return { finding: 'not-a-pattern' };
  const p = compileActionPattern(written);
  const services = catalogs.filter((c) => p.service.test(c.service.prefix));
  if (services.length === 0) return isWildcardPattern(written.slice(0, colon)) ? { finding: 'matches-nothing' } : { finding: 'unknown-service' };
  const hits = services.flatMap((c) => c.actions.filter((a) => !a.truncated && patternMatches(p, c.service.prefix, a.name)).map((a) => `${c.service.prefix}:${a.name}`));
  if (hits.length === 0) {
    // A name the source cut (`BatchGetRepositoryScanningConfigur…`) may be the one the pattern means.
    if (services.some((c) => c.actions.some((a) => a.truncated && cutNameMatch(p, c.service.prefix, a.name) !== 'none'))) return undefined;
    return { finding: p.wildcard ? 'matches-nothing' : 'unknown-action' };
  }
  // An exact name matches one action, case-insensitively: any other spelling is another case.
  if (!p.wildcard && hits[0] !== written) return { finding: 'mis-cased', canonical: hits[0] };
  return undefined;
}

/** Names in policies the catalog does not know, wildcards that match nothing, mis-cased names; one finding per pattern. */
export function checkPolicies(grants: PolicyGrant[], catalogs: Catalog[]): PolicyFinding[] {
  const listing = catalogs.filter((c) => c.carries.includes('actions'));
  const users = new Map<string, Set<string>>();
  for (const g of grants) for (const p of g.patterns) users.set(p, (users.get(p) ?? new Set()).add(g.policy));
  const findings: PolicyFinding[] = [];
  for (const [pattern, policies] of users) {
    const f = checkPattern(pattern, listing);
    if (f) findings.push({ ...f, pattern, policies: [...policies].sort(compareNames) });
  }
  return findings.sort((a, b) => ORDER.indexOf(a.finding) - ORDER.indexOf(b.finding) || compareNames(a.pattern, b.pattern));
}
