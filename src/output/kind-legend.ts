import { severityRank, type Change, type ChangeKind, type Severity } from '../diff/change.js';
import { kindRank } from './change-tree.js';

export interface LegendRow {
  kind: ChangeKind;
  rule: string;
  severity: Severity;
  reason: string;
  count: number;
}

/** Each rule's reason once: one row per kind, rule, severity and reason, most severe first, with counts. */
export function kindLegend(changes: readonly Change[]): LegendRow[] {
  const rows = new Map<string, LegendRow>();
  for (const c of changes) {
    const id = `${c.kind}\0${c.rule}\0${c.severity}\0${c.reason}`;
    const row = rows.get(id);
    if (row) row.count++;
    else rows.set(id, { kind: c.kind, rule: c.rule, severity: c.severity, reason: c.reason, count: 1 });
  }
  return [...rows.values()].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || kindRank(a.kind) - kindRank(b.kind) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}
