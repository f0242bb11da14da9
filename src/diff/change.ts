/** Every kind of change, by the exact name used in JSON and YAML output. */
export const CHANGE_KINDS = [
  'service-added',
  'service-removed',
  'action-added',
  'action-removed',
  'action-unresolved',
  'access-level-changed',
  'resource-added',
  'resource-removed',
  'resource-required-changed',
  'condition-key-added',
  'condition-key-removed',
  'condition-key-moved',
  'dependent-action-added',
  'dependent-action-removed',
  'dependent-action-moved',
  'description-changed',
  'resource-type-added',
  'resource-type-removed',
  'resource-type-renamed',
  'arn-pattern-changed',
  'service-condition-key-added',
  'service-condition-key-removed',
  'policy-attached',
  'policy-detached',
  'policy-pattern-added',
  'policy-pattern-removed',
  // Service Reference JSON facts (issue #12).
  'access-flags-changed',
  'condition-key-type-changed',
  'arn-format-added',
  'arn-format-removed',
  'supported-by-lost',
  'supported-by-gained',
  'operation-action-added',
  'operation-action-removed',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is more severe. */
export function severityRank(s: Severity): number {
  return 2 - SEVERITIES.indexOf(s);
}

/** One piece of a word diff: text kept, added or removed. */
export interface WordPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** One change between two catalog versions, with what it means for policies. */
export interface Change {
  kind: ChangeKind;
  /** The stable ID of the severity rule that judged it (src/diff/severity-rules.ts). */
  rule: string;
  /** A short stable hash of rule, service, action, subject and values (src/diff/fingerprint.ts); set once the diff is done. */
  fingerprint?: string;
  severity: Severity;
  /** The rule's own severity, when a config file overrides it. */
  defaultSeverity?: Severity;
  /** Why this severity: what the change does to existing policies. */
  reason: string;
  service: string;
  action?: string;
  /** A resource type: of the action (resource-*, keys on it) or of the service (resource-type-*, arn-pattern-changed). */
  resource?: string;
  /** A condition key. */
  key?: string;
  /** A managed policy's name (policy-attached, policy-detached). */
  policy?: string;
  /** An allowed action pattern of a managed-policy page (policy-pattern-*). */
  pattern?: string;
  /** A dependent action (`service:Action`); for operation-action-*, the action the operation needs. */
  dependentAction?: string;
  /** An API operation (operation-action-*). */
  operation?: string;
  before?: string;
  after?: string;
  /** The pages of a merged prefix the change was seen on, when several define the action. */
  pages?: string[];
  /** Word-level diff of a description change. */
  words?: WordPart[];
  /** Actions a truncated name could stand for (action-unresolved). */
  candidates?: string[];
  /** With --policies: the policy patterns this change touches. */
  policies?: PolicyImpact[];
}

/** What a change does through one pattern of one or more policies. */
export const POLICY_IMPACTS = {
  'new-implicit-grant': 'newly grants it (wildcard)',
  'newly-denied': 'newly denies it (wildcard)',
  'named-explicitly': 'names it explicitly',
  'stale-grant': 'names an action that no longer exists',
  'stale-deny': 'denies an action that no longer exists',
  'by-level': 'covers it: policies written by access level must move it',
  'covers-action': 'covers the changed action',
} as const;
export type PolicyImpactKind = keyof typeof POLICY_IMPACTS;

export interface PolicyImpact {
  impact: PolicyImpactKind;
  /** The pattern as written; `NotAction […]` for a NotAction statement. */
  pattern: string;
  effect: 'Allow' | 'Deny';
  /** Names of the policies (or statements) that use the pattern, sorted. */
  policies: string[];
}
