import type { Change, ChangeKind } from './change.js';
import { severityRule } from './severity-rules.js';

type ChangeFields = Omit<Change, 'kind' | 'rule' | 'severity' | 'reason'>;

/** A change with the severity and reason its rule gives. */
export function makeChange(kind: ChangeKind, fields: ChangeFields, caseName?: string): Change {
  const rule = severityRule(kind, caseName);
  const change: Change = { kind, rule: rule.id, severity: rule.severity, reason: rule.reason, ...fields };
  for (const k of Object.keys(change) as (keyof Change)[]) if (change[k] === undefined) delete change[k];
  return change;
}
