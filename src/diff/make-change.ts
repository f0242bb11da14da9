import type { Change, ChangeKind } from './change.js';
import { severityRule } from './severity-rules.js';

type ChangeFields = Omit<Change, 'kind' | 'rule' | 'severity' | 'reason'>;

/** A change with the severity and reason its rule gives. */
export function makeChange(kind: ChangeKind, fields: ChangeFields, caseName?: string): Change {
  const rule = severityRule(kind, caseName);
  const change = { kind, rule: rule.id, severity: rule.severity, reason: rule.reason } as Change;
  // Fields copied only when defined (no `delete` afterwards: it would turn every change into a slow dictionary object).
  const record = change as unknown as Record<string, unknown>;
  for (const k of Object.keys(fields)) {
    const v = (fields as Record<string, unknown>)[k];
    if (v !== undefined) record[k] = v;
  }
  return change;
}
