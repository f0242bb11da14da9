import { POLICY_IMPACTS, type Change, type PolicyImpact, type PolicyImpactKind } from '../diff/change.js';
import type { DiffResult, PatternImpact } from '../diff/diff-result.js';
import { compareNames } from '../model/identity.js';
import { compileActionPattern, patternMatches, type ActionPattern } from './action-pattern.js';
import type { PolicyGrant } from './policy-source.js';

interface CompiledGrant {
  grant: PolicyGrant;
  patterns: ActionPattern[];
}

const IMPACT_ORDER = Object.keys(POLICY_IMPACTS) as PolicyImpactKind[];

function byImpactThenPattern(a: { impact: PolicyImpactKind; pattern: string; effect: string }, b: { impact: PolicyImpactKind; pattern: string; effect: string }): number {
  return IMPACT_ORDER.indexOf(a.impact) - IMPACT_ORDER.indexOf(b.impact) || compareNames(a.pattern, b.pattern) || a.effect.localeCompare(b.effect);
}

/** Does any of the grant's patterns name this action (for a NotAction statement: does the statement apply to it)? */
function matching(g: CompiledGrant, service: string, action: string): ActionPattern[] {
  return g.patterns.filter((p) => patternMatches(p, service, action));
}

/** What a pattern of a grant does for one change, if anything. */
function impactOf(change: Change, g: CompiledGrant, p: ActionPattern | undefined): PolicyImpactKind | undefined {
  const allow = g.grant.effect === 'Allow';
  // A NotAction statement applies to the actions its patterns do NOT match: p is undefined then.
  const wildcard = p ? p.wildcard : true;
  switch (change.kind) {
    case 'action-added':
    case 'service-added':
      if (!wildcard) return 'named-explicitly';
      return allow ? 'new-implicit-grant' : 'newly-denied';
    case 'action-removed':
    case 'service-removed':
      if (wildcard) return undefined; // the pattern just matches one action fewer
      return allow ? 'stale-grant' : 'stale-deny';
    case 'access-level-changed':
      return 'by-level';
    default:
      return 'covers-action';
  }
}

/** The patterns (of which policies) that a change touches. */
function changeImpacts(change: Change, grants: CompiledGrant[]): PolicyImpact[] {
  if (!change.action && change.kind !== 'service-added' && change.kind !== 'service-removed') return [];
  if (change.kind === 'action-unresolved') return [];
  const action = change.action ?? '*';
  const byKey = new Map<string, PolicyImpact>();
  const add = (impact: PolicyImpactKind, pattern: string, g: CompiledGrant) => {
    const key = `${impact}\u0000${pattern}\u0000${g.grant.effect}`;
    const entry = byKey.get(key) ?? { impact, pattern, effect: g.grant.effect, policies: [] };
    if (!entry.policies.includes(g.grant.policy)) entry.policies.push(g.grant.policy);
    byKey.set(key, entry);
  };
  for (const g of grants) {
    if (g.grant.notAction) {
      if (change.action && matching(g, change.service, action).length === 0) {
        const impact = impactOf(change, g, undefined);
        if (impact) add(impact, `NotAction ${g.grant.patterns.join(', ')}`, g);
      }
      continue;
    }
    const hits = change.action ? matching(g, change.service, action) : g.patterns.filter((p) => p.service.test(change.service));
    for (const p of hits) {
      const impact = impactOf(change, g, p);
      if (impact) add(impact, p.text, g);
    }
  }
  return [...byKey.values()]
    .map((i) => ({ ...i, policies: i.policies.sort(compareNames) }))
    .sort(byImpactThenPattern);
}

/** Per pattern, the actions whose change it touches. */
export function patternSummary(changes: Change[]): PatternImpact[] {
  const byKey = new Map<string, PatternImpact>();
  for (const c of changes) {
    for (const i of c.policies ?? []) {
      const key = `${i.impact}\u0000${i.pattern}\u0000${i.effect}`;
      const entry = byKey.get(key) ?? { pattern: i.pattern, effect: i.effect, impact: i.impact, actions: [], policies: [] };
      const subject = `${c.service}:${c.action ?? '*'}`;
      if (!entry.actions.includes(subject)) entry.actions.push(subject);
      for (const p of i.policies) if (!entry.policies.includes(p)) entry.policies.push(p);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()]
    .map((e) => ({ ...e, actions: e.actions.sort(compareNames), policies: e.policies.sort(compareNames) }))
    .sort(byImpactThenPattern);
}

/** The diff with each change's policy impact, and a summary per pattern. */
export function withPolicyImpact(result: DiffResult, grants: PolicyGrant[]): DiffResult {
  const compiled = grants.map((grant) => ({ grant, patterns: grant.patterns.map(compileActionPattern) }));
  const changes = result.changes.map((c) => {
    const policies = changeImpacts(c, compiled);
    return policies.length > 0 ? { ...c, policies } : c;
  });
  return { ...result, changes, policyImpact: patternSummary(changes) };
}
