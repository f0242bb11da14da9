import { SEVERITIES, type Change } from '../diff/change.js';
import { stripControl } from '../text/sanitize.js';
import { countChanges, kindRank, severityCounts, type ServiceNode } from './change-tree.js';
import { changeDetail, changeSubject } from './describe-change.js';
import { emphasize, escapeMarkdownCell, escapeMarkdownText } from './markdown-escape.js';

/** Text made safe inside raw HTML (a `<summary>` line): no tags, no entities, no control sequences. */
export function escapeHtml(text: string): string {
  return stripControl(text).replace(/\s+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A description change as `~~removed~~ **added**` Markdown. */
export function wordDiffMarkdown(c: Change): string {
  return (c.words ?? [])
    .map((w) => (w.op === 'added' ? emphasize(w.text, '**') : w.op === 'removed' ? emphasize(w.text, '~~') : escapeMarkdownText(w.text)))
    .join('')
    .trim();
}

/** The change in a few words, as a table cell. */
export function detailCell(c: Change): string {
  return c.words ? wordDiffMarkdown(c) : escapeMarkdownCell(changeDetail(c));
}

/** The fingerprint as code, or empty. */
export function fingerprintCell(c: Change): string {
  return c.fingerprint ? `\`${c.fingerprint}\`` : '';
}

/** `ecr:Describe* (53), ecr:* (53)`: the policy patterns a change touches. */
export function policiesCell(c: Change): string {
  return escapeMarkdownCell((c.policies ?? []).map((i) => `${i.pattern} (${i.policies.length})`).join(', '));
}

/** `40 low (30 condition-key-added, 10 description-changed)`, most severe first. */
export function countedOnly(changes: Change[]): string {
  return SEVERITIES.map((s) => {
    const of = changes.filter((c) => c.severity === s);
    if (of.length === 0) return '';
    const kinds = new Map<string, number>();
    for (const c of of) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    const list = [...kinds].sort((a, b) => kindRank(a[0]) - kindRank(b[0])).map(([k, n]) => `${n} ${k}`);
    return `${of.length} ${s} (${list.join(', ')})`;
  })
    .filter(Boolean)
    .join(', ');
}

export interface BlockOptions {
  /** A policy-patterns column. */
  withPolicies: boolean;
  /** Open the block (a report of one service). */
  open: boolean;
  /** Whether a change gets a row; the others are counted in one line. */
  listed(c: Change): boolean;
}

/** One service as a `<details>` block: counts in the summary line, a table of its listed changes, a line counting the rest. */
export function serviceBlock(node: ServiceNode, opts: BlockOptions): string {
  const listed = node.changes.filter(opts.listed);
  const rest = node.changes.filter((c) => !opts.listed(c));
  const n = node.counts.total;
  const out = [`<details${opts.open ? ' open' : ''}>`, `<summary><b>${escapeHtml(node.service)}</b>: ${n} change${n === 1 ? '' : 's'} (${severityCounts(node.counts)})</summary>`, ''];
  if (listed.length > 0) {
    out.push(`| Severity | Subject | Change | Detail | Rule | Fingerprint |${opts.withPolicies ? ' Policy patterns |' : ''}`, `| --- | --- | --- | --- | --- | --- |${opts.withPolicies ? ' --- |' : ''}`);
    for (const c of listed) out.push(`| ${c.severity} | ${escapeMarkdownCell(changeSubject(c))} | ${c.kind} | ${detailCell(c)} | ${escapeMarkdownCell(c.rule)} | ${fingerprintCell(c)} |${opts.withPolicies ? ` ${policiesCell(c)} |` : ''}`);
    out.push('');
  }
  if (rest.length > 0) out.push(`_Counted, not listed (size budget): ${countedOnly(rest)}._`, '');
  out.push('</details>', '');
  return out.join('\n');
}

/** A row of the table of services none of whose changes is listed. */
export function countedServiceRow(node: ServiceNode): string {
  const c = countChanges(node.changes);
  return `| ${escapeMarkdownCell(node.service)} | ${c.total} | ${c.bySeverity.high} | ${c.bySeverity.medium} | ${c.bySeverity.low} |`;
}

export const COUNTED_SERVICES_HEADER = ['| Service | Changes | High | Medium | Low |', '| --- | ---: | ---: | ---: | ---: |'];
