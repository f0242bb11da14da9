import { POLICY_IMPACTS, type PolicyImpact } from '../diff/change.js';
import type { PatternImpact } from '../diff/diff-result.js';
import { oneLine } from '../text/sanitize.js';

/** `ReadOnlyAccess, SecurityAudit, +48 more`. */
export function policyNames(policies: string[], shown = 3): string {
  const head = policies.slice(0, shown).map(oneLine).join(', ');
  return policies.length > shown ? `${head}, +${policies.length - shown} more` : head;
}

/** One line per pattern a change touches: `ecr:Describe* newly grants it (wildcard): ReadOnlyAccess, …`. */
export function impactLines(impacts: PolicyImpact[]): string[] {
  return impacts.map((i) => `${i.effect === 'Deny' ? 'Deny ' : ''}${oneLine(i.pattern)} ${POLICY_IMPACTS[i.impact]} — ${policyNames(i.policies)}`);
}

/** The per-pattern summary: what each pattern now does, and to which actions. */
export function patternSummaryLines(summary: PatternImpact[]): string[] {
  return summary.map((s) => {
    const actions = s.actions.length > 6 ? `${s.actions.slice(0, 6).join(', ')}, +${s.actions.length - 6} more` : s.actions.join(', ');
    return `${s.effect === 'Deny' ? 'Deny ' : ''}${oneLine(s.pattern)} (${s.policies.length} ${s.policies.length === 1 ? 'policy' : 'policies'}) ${POLICY_IMPACTS[s.impact]}: ${oneLine(actions)}`;
  });
}
