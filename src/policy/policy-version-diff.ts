import { compareNames } from '../model/identity.js';
import type { CatalogPatternIndex, IndexedAction } from './catalog-pattern-index.js';
import type { ManagedPolicyHistory, ManagedPolicyVersion, VersionStatement } from './managed-policy-package.js';

/** A pattern a new version adds, and what it grants today. */
export interface AddedPattern {
  pattern: string;
  effect: 'Allow' | 'Deny';
  notAction?: boolean;
  /** How many actions it matches in the catalog (NotAction: how many it excludes). */
  matches: number;
  /** Of what it grants, the actions the old version did not grant (Allow only). */
  newlyGranted: string[];
}

/** What one version of a managed policy allows that the version before it did not, expanded against a catalog. */
export interface VersionPairDiff {
  policy: string;
  arn: string;
  from: string;
  to: string;
  fromDate?: string;
  toDate?: string;
  patternsAdded: AddedPattern[];
  patternsRemoved: { pattern: string; effect: 'Allow' | 'Deny'; notAction?: boolean }[];
  newlyGranted: IndexedAction[];
  noLongerGranted: IndexedAction[];
}

const patternKey = (s: VersionStatement, pattern: string) => `${s.effect}\u0000${s.notAction ? 'not' : ''}\u0000${pattern.trim().toLowerCase()}`;

/**
 * The actions a version's Allow statements grant in the catalog: Action patterns expanded,
 * a NotAction statement every action its patterns do not match. Deny statements, Resource
 * and Condition are not evaluated: a grant is "allowed on some resource".
 */
export function grantedActions(version: ManagedPolicyVersion, index: CatalogPatternIndex): Set<string> {
  const granted = new Set<string>();
  for (const s of version.statements) {
    if (s.effect !== 'Allow') continue;
    if (s.notAction) {
      const excluded = new Set(s.patterns.flatMap((p) => index.expand(p)));
      for (const a of index.actions.keys()) if (!excluded.has(a)) granted.add(a);
    } else for (const p of s.patterns) for (const a of index.expand(p)) granted.add(a);
  }
  return granted;
}

function patternSet(version: ManagedPolicyVersion): Map<string, { pattern: string; statement: VersionStatement }> {
  const out = new Map<string, { pattern: string; statement: VersionStatement }>();
  for (const s of version.statements) for (const p of s.patterns) out.set(patternKey(s, p), { pattern: p, statement: s });
  return out;
}

const details = (index: CatalogPatternIndex, actions: Iterable<string>) => [...actions].sort(compareNames).map((a) => index.actions.get(a) ?? { action: a });

/** Each consecutive pair of versions (in the package's order: v1 → v3 when v2 is not kept) of one policy. */
export function diffPolicyVersions(policy: ManagedPolicyHistory, index: CatalogPatternIndex, grantsOf: (v: ManagedPolicyVersion) => Set<string> = (v) => grantedActions(v, index)): VersionPairDiff[] {
  const out: VersionPairDiff[] = [];
  const grants = policy.versions.map(grantsOf); // each version expanded once
  for (let i = 1; i < policy.versions.length; i++) {
    const older = policy.versions[i - 1]!;
    const newer = policy.versions[i]!;
    const had = grants[i - 1]!;
    const has = grants[i]!;
    const oldPatterns = patternSet(older);
    const newPatterns = patternSet(newer);
    const patternsAdded = [...newPatterns].filter(([k]) => !oldPatterns.has(k)).map(([, { pattern, statement: s }]): AddedPattern => {
      const matches = index.expand(pattern);
      const newlyGranted = s.effect === 'Allow' && !s.notAction ? matches.filter((a) => !had.has(a)) : [];
      return { pattern, effect: s.effect, ...(s.notAction && { notAction: true }), matches: matches.length, newlyGranted: [...newlyGranted].sort(compareNames) };
    });
    const patternsRemoved = [...oldPatterns].filter(([k]) => !newPatterns.has(k)).map(([, { pattern, statement: s }]) => ({ pattern, effect: s.effect, ...(s.notAction && { notAction: true }) }));
    out.push({
      policy: policy.name,
      arn: policy.arn,
      from: older.id,
      to: newer.id,
      ...(older.createdDate && { fromDate: older.createdDate }),
      ...(newer.createdDate && { toDate: newer.createdDate }),
      patternsAdded: patternsAdded.sort((a, b) => compareNames(a.pattern, b.pattern)),
      patternsRemoved: patternsRemoved.sort((a, b) => compareNames(a.pattern, b.pattern)),
      newlyGranted: details(index, [...has].filter((a) => !had.has(a))),
      noLongerGranted: details(index, [...had].filter((a) => !has.has(a))),
    });
  }
  return out;
}

/** Counts over every pair: how many grant more, less, the same; which policies gained most. */
export interface PolicyDiffSummary {
  policies: number;
  versions: number;
  pairs: number;
  pairsGrantingMore: number;
  pairsGrantingLess: number;
  /** Pairs whose granted actions are the same (patterns may still differ). */
  pairsUnchanged: number;
  actionsNewlyGranted: number;
  actionsNoLongerGranted: number;
  /** Patterns added in some version that match no action of the catalog (newer than it, or misspelt), each counted once. */
  addedPatternsMatchingNothing: string[];
  /** Policies by actions newly granted over all their versions, most first (ten). */
  topPolicies: { policy: string; newlyGranted: number; pairs: number }[];
}

export function summarizePolicyDiffs(policies: ManagedPolicyHistory[], pairs: VersionPairDiff[]): PolicyDiffSummary {
  const byPolicy = new Map<string, { newlyGranted: number; pairs: number }>();
  for (const p of pairs) {
    const e = byPolicy.get(p.policy) ?? { newlyGranted: 0, pairs: 0 };
    e.newlyGranted += p.newlyGranted.length;
    e.pairs += 1;
    byPolicy.set(p.policy, e);
  }
  return {
    policies: policies.length,
    versions: policies.reduce((n, p) => n + p.versions.length, 0),
    pairs: pairs.length,
    pairsGrantingMore: pairs.filter((p) => p.newlyGranted.length > 0).length,
    pairsGrantingLess: pairs.filter((p) => p.noLongerGranted.length > 0).length,
    pairsUnchanged: pairs.filter((p) => p.newlyGranted.length === 0 && p.noLongerGranted.length === 0).length,
    actionsNewlyGranted: pairs.reduce((n, p) => n + p.newlyGranted.length, 0),
    actionsNoLongerGranted: pairs.reduce((n, p) => n + p.noLongerGranted.length, 0),
    addedPatternsMatchingNothing: [...new Map(pairs.flatMap((p) => p.patternsAdded.filter((a) => a.matches === 0 && !a.notAction).map((a) => [a.pattern.toLowerCase(), a.pattern] as const))).values()].sort(compareNames),
    topPolicies: [...byPolicy]
      .map(([policy, e]) => ({ policy, ...e }))
      .filter((e) => e.newlyGranted > 0)
      .sort((a, b) => b.newlyGranted - a.newlyGranted || compareNames(a.policy, b.policy))
      .slice(0, 10),
  };
}
