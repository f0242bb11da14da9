import { CHANGE_KINDS, POLICY_IMPACTS, SEVERITIES, type Change } from '../diff/change.js';
import { policyNames } from './policy-impact-text.js';
import type { DiffResult } from '../diff/diff-result.js';
import { changeDetail, changeSubject, sideName } from './describe-change.js';
import { emphasize, escapeMarkdownCell, escapeMarkdownText } from './markdown-escape.js';
import { countLine } from './text-report.js';

function wordDiffCell(c: Change): string {
  return (c.words ?? [])
    .map((w) => (w.op === 'added' ? emphasize(w.text, '**') : w.op === 'removed' ? emphasize(w.text, '~~') : escapeMarkdownText(w.text)))
    .join('')
    .trim();
}

function title(result: DiffResult): string {
  const services = result.new.services.length === 1 && result.old.services.length === 1 ? result.new.services[0]! : `${new Set([...result.old.services, ...result.new.services]).size} services`;
  return `# ${escapeMarkdownCell(services)}: IAM catalog changes, ${escapeMarkdownCell(sideName(result.old))} → ${escapeMarkdownCell(sideName(result.new))}`;
}

/** Release notes to paste into a GitHub release: title, summary, one section and table per kind. */
export function renderMarkdown(result: DiffResult): string {
  const out: string[] = [title(result), ''];
  out.push(`**${countLine(result.changes)}**`, '');
  if (result.changes.length > 0) {
    out.push('| Change | Count | Severity |', '| --- | ---: | --- |');
    for (const kind of CHANGE_KINDS) {
      const ofKind = result.changes.filter((c) => c.kind === kind);
      if (ofKind.length === 0) continue;
      const sev = SEVERITIES.filter((s) => ofKind.some((c) => c.severity === s)).join(', ');
      out.push(`| [${kind}](#${kind}) | ${ofKind.length} | ${sev} |`);
    }
    out.push('');
  }
  if (result.notCompared.length > 0) {
    out.push('Not compared:', '');
    for (const nc of result.notCompared) out.push(`- ${escapeMarkdownCell(nc.label)}: ${escapeMarkdownCell(nc.reason)}`);
    out.push('');
  }
  if (result.policyImpact) {
    out.push('## Policy impact', '');
    if (result.policyImpact.length === 0) out.push('No policy pattern touches these changes.', '');
    else {
      out.push('| Pattern | Effect | What it does | Actions | Policies |', '| --- | --- | --- | --- | --- |');
      for (const s of result.policyImpact) {
        out.push(`| ${escapeMarkdownCell(s.pattern)} | ${s.effect} | ${escapeMarkdownCell(POLICY_IMPACTS[s.impact])} | ${escapeMarkdownCell(s.actions.join(', '))} | ${escapeMarkdownCell(policyNames(s.policies))} |`);
      }
      out.push('');
    }
  }
  const withPolicies = result.policyImpact !== undefined;
  const policiesCell = (c: Change) => (withPolicies ? ` ${escapeMarkdownCell((c.policies ?? []).map((i) => `${i.pattern} (${i.policies.length})`).join(', '))} |` : '');
  for (const kind of CHANGE_KINDS) {
    const ofKind = result.changes.filter((c) => c.kind === kind);
    if (ofKind.length === 0) continue;
    out.push(`## ${kind}`, '');
    if (kind === 'description-changed') {
      out.push(`| Action | Severity | Description (~~removed~~ **added**) |${withPolicies ? ' Policy patterns |' : ''}`, `| --- | --- | --- |${withPolicies ? ' --- |' : ''}`);
      for (const c of ofKind) out.push(`| ${escapeMarkdownCell(changeSubject(c))} | ${c.severity} | ${wordDiffCell(c)} |${policiesCell(c)}`);
    } else {
      out.push(`| Subject | Severity | Change | Why it matters |${withPolicies ? ' Policy patterns |' : ''}`, `| --- | --- | --- | --- |${withPolicies ? ' --- |' : ''}`);
      for (const c of ofKind) {
        out.push(`| ${escapeMarkdownCell(changeSubject(c))} | ${c.severity} | ${escapeMarkdownCell(changeDetail(c))} | ${escapeMarkdownCell(c.reason)} |${policiesCell(c)}`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}
