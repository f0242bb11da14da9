import type { IndexedAction } from '../policy/catalog-pattern-index.js';
import type { PolicyDiffSummary, VersionPairDiff } from '../policy/policy-version-diff.js';
import { oneLine } from '../text/sanitize.js';

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const day = (d: string | undefined) => (d ? d.slice(0, 10) : 'undated');
const actionLine = (a: IndexedAction) => `${oneLine(a.action)}${a.accessLevel ? ` (${a.accessLevel})` : ''}`;

/** `AmazonEC2ContainerRegistryReadOnly v2 → v3 (2019-12-10): +4 actions, -0`. */
export function pairHeadline(p: VersionPairDiff): string {
  return `${oneLine(p.policy)} ${oneLine(p.from)} → ${oneLine(p.to)} (${day(p.toDate)}): +${n(p.newlyGranted.length, 'action')}, -${p.noLongerGranted.length}`;
}

/** One pair in full: each added pattern with what it grants today and what of it is new, removed patterns, lost grants. */
export function pairDetail(p: VersionPairDiff): string[] {
  const out = [pairHeadline(p)];
  for (const a of p.patternsAdded) {
    const what = a.notAction ? `NotAction (${a.effect}): everything but ${n(a.matches, 'action')}` : a.effect === 'Deny' ? `Deny: ${n(a.matches, 'action')}` : `${n(a.matches, 'action')} today, ${a.newlyGranted.length} newly granted`;
    out.push(`  + ${oneLine(a.pattern)}  ${a.matches === 0 && !a.notAction ? 'matches nothing in the catalog' : what}${a.newlyGranted.length ? ':' : ''}`);
    for (const action of a.newlyGranted) out.push(`      ${oneLine(action)}`);
  }
  for (const r of p.patternsRemoved) out.push(`  - ${oneLine(r.pattern)}${r.effect === 'Deny' ? ' (Deny)' : r.notAction ? ' (NotAction)' : ''}`);
  const attributed = new Set(p.patternsAdded.flatMap((a) => a.newlyGranted));
  const other = p.newlyGranted.filter((a) => !attributed.has(a.action));
  if (other.length) out.push('  newly granted by a changed NotAction or an existing pattern:', ...other.map((a) => `      ${actionLine(a)}`));
  if (p.noLongerGranted.length) out.push('  no longer granted:', ...p.noLongerGranted.map((a) => `      ${actionLine(a)}`));
  return out;
}

/** The summary block: counts, then the policies that gained most. */
export function summaryLines(s: PolicyDiffSummary): string[] {
  const out = [
    `Summary: ${n(s.pairs, 'version pair')} of ${n(s.policies, 'policy', 'policies')} (${n(s.versions, 'version')}): ${s.pairsGrantingMore} grant more (${n(s.actionsNewlyGranted, 'action grant')}), ${s.pairsGrantingLess} grant less (${s.actionsNoLongerGranted}), ${s.pairsUnchanged} grant the same actions`,
  ];
  if (s.addedPatternsMatchingNothing.length) {
    const shown = s.addedPatternsMatchingNothing.slice(0, 8).map(oneLine).join(', ');
    out.push(`Added patterns that match nothing in the catalog (newer than it, or misspelt): ${s.addedPatternsMatchingNothing.length}: ${shown}${s.addedPatternsMatchingNothing.length > 8 ? ', …' : ''}`);
  }
  if (s.topPolicies.length) {
    out.push('Most actions newly granted:');
    const width = Math.max(...s.topPolicies.map((t) => t.policy.length));
    for (const t of s.topPolicies) out.push(`  ${oneLine(t.policy).padEnd(width)}  +${t.newlyGranted} over ${n(t.pairs, 'version pair')}`);
  }
  return out;
}
