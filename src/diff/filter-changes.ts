import { CHANGE_KINDS, severityRank, type Change, type ChangeKind, type Severity } from './change.js';
import { patternSummary } from '../policy/policy-impact.js';
import type { DiffResult } from './diff-result.js';

export interface ChangeFilter {
  /** Change kinds or rule IDs (`--only access-level-changed,pass-role-needed`). */
  kinds?: Array<ChangeKind | string>;
  minSeverity?: Severity;
}

/** The result limited to some kinds and a minimum severity, its summary recounted. */
export function filterResult(result: DiffResult, filter: ChangeFilter): DiffResult {
  const kinds = filter.kinds && new Set(filter.kinds);
  const min = filter.minSeverity ? severityRank(filter.minSeverity) : -1;
  const keep = (c: Change) => (!kinds || kinds.has(c.kind) || kinds.has(c.rule)) && severityRank(c.severity) >= min;
  const changes = result.changes.filter(keep);
  const accepted = result.accepted?.filter(keep);
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  const summary: DiffResult['summary'] = {};
  for (const kind of CHANGE_KINDS) {
    const n = counts.get(kind);
    if (n) summary[kind] = n;
  }
  // The per-pattern policy summary follows the changes kept.
  const kept: DiffResult = { ...result, summary, changes };
  if (accepted) kept.accepted = accepted;
  if (result.policyImpact) kept.policyImpact = patternSummary(changes);
  return kept;
}
