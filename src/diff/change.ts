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
  'dependent-action-added',
  'dependent-action-removed',
  'description-changed',
  'resource-type-added',
  'resource-type-removed',
  'arn-pattern-changed',
  'service-condition-key-added',
  'service-condition-key-removed',
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
  severity: Severity;
  /** Why this severity: what the change does to existing policies. */
  reason: string;
  service: string;
  action?: string;
  /** A resource type: of the action (resource-*, keys on it) or of the service (resource-type-*, arn-pattern-changed). */
  resource?: string;
  /** A condition key. */
  key?: string;
  /** A dependent action (`service:Action`). */
  dependentAction?: string;
  before?: string;
  after?: string;
  /** Word-level diff of a description change. */
  words?: WordPart[];
  /** Actions a truncated name could stand for (action-unresolved). */
  candidates?: string[];
}
