import type { Catalog } from '../model/catalog.js';
import type { Change } from './change.js';
import { listDelta } from './list-delta.js';
import { makeChange } from './make-change.js';
import { isWildcardPattern } from '../policy/action-pattern.js';

/**
 * Two versions of a managed-policy page: policies attached or detached (by ARN) and allowed
 * patterns added or removed. Patterns compare case-insensitively, as IAM matches them:
 * `ecr:describeImages` becoming `ecr:DescribeImages` is no change.
 */
export function compareManagedPolicies(before: Catalog, after: Catalog): Change[] {
  const service = after.service.prefix;
  const b = before.managedPolicies;
  const a = after.managedPolicies;
  if (!b || !a) return [];
  const beforeArns = new Set(b.policies.map((p) => p.arn));
  const afterArns = new Set(a.policies.map((p) => p.arn));
  const changes: Change[] = [];
  for (const p of a.policies) if (!beforeArns.has(p.arn)) changes.push(makeChange('policy-attached', { service, policy: p.name, after: p.arn }));
  for (const p of b.policies) if (!afterArns.has(p.arn)) changes.push(makeChange('policy-detached', { service, policy: p.name, before: p.arn }));
  const { added, removed } = listDelta(b.patterns, a.patterns);
  for (const pattern of new Map(added.map((p) => [p.toLowerCase(), p])).values()) {
    changes.push(makeChange('policy-pattern-added', { service, pattern }, isWildcardPattern(pattern) ? 'wildcard' : 'exact'));
  }
  for (const pattern of new Map(removed.map((p) => [p.toLowerCase(), p])).values()) changes.push(makeChange('policy-pattern-removed', { service, pattern }));
  return changes;
}
