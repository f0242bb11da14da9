import { createHash } from 'node:crypto';
import type { Change } from '../diff/change.js';
import type { DiffResult } from '../diff/diff-result.js';
import { oneLine } from '../text/sanitize.js';
import { buildServiceTree, kindRank, severityCounts, type ActionNode, type ServiceNode } from './change-tree.js';
import { changeDetail, changeSubject, sideName } from './describe-change.js';
import { HTML_REPORT_SCRIPT } from './html-report-script.js';
import { HTML_REPORT_STYLE } from './html-report-style.js';
import { kindLegend } from './kind-legend.js';
import { escapeHtml } from './markdown-service-block.js';
import { impactLines } from './policy-impact-text.js';
import { acceptanceText, countLine } from './text-report.js';

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;

/** A description change with <del>/<ins>. */
function wordDiffHtml(c: Change): string {
  return (c.words ?? []).map((w) => (w.op === 'added' ? `<ins>${escapeHtml(w.text)}</ins>` : w.op === 'removed' ? `<del>${escapeHtml(w.text)}</del>` : escapeHtml(w.text))).join('');
}

/** What the search matches: subject, kind, detail, and the policy patterns. */
function searchText(c: Change): string {
  return oneLine([changeSubject(c), c.kind, changeDetail(c), c.key, c.resource, c.dependentAction, ...(c.policies ?? []).map((p) => p.pattern)].filter(Boolean).join(' ')).toLowerCase();
}

function changeItem(c: Change): string {
  const detail = c.words ? wordDiffHtml(c) : escapeHtml(changeDetail(c));
  const subject = c.action ? (c.resource ? ` on ${escapeHtml(c.resource)}` : '') : ` ${escapeHtml(changeSubject(c))}`;
  const policies = impactLines(c.policies ?? []).map((l) => `<span class="pol">↳ ${escapeHtml(l)}</span>`).join('');
  return `<li class="change" data-sev="${c.severity}" data-kind="${escapeHtml(c.kind)}" data-text="${escapeHtml(searchText(c))}"><span class="sev ${c.severity}">${c.severity}</span><code class="kind" title="${escapeHtml(c.reason)}">${escapeHtml(c.kind)}</code>${subject}${detail ? ` <span class="detail">${detail}</span>` : ''} <span class="rule"><code>${escapeHtml(c.rule)}</code>${c.fingerprint ? ` <code>${escapeHtml(c.fingerprint)}</code>` : ''}</span>${policies}</li>`;
}

/** The changes the config file accepts, apart from the tree (the filters do not count them). */
function acceptedHtml(result: DiffResult): string {
  const accepted = result.accepted ?? [];
  if (accepted.length === 0) return result.accepted ? '<p>accepted: 0</p>' : '';
  const items = accepted.map((c) => `<li><span class="sev ${c.severity}">${c.severity}</span><code>${escapeHtml(c.kind)}</code> ${escapeHtml(changeSubject(c))} <span class="detail">${escapeHtml(changeDetail(c))}</span> <span class="rule"><code>${escapeHtml(c.rule)}</code> <code>${escapeHtml(c.fingerprint ?? '')}</code></span> — ${escapeHtml(acceptanceText(c.acceptance))}</li>`);
  return `<details id="accepted"><summary>accepted: ${n(accepted.length)} (not counted by --fail-on or --exit-code)</summary><ul>${items.join('')}</ul></details>`;
}

function actionNode(a: ActionNode): string {
  const label = a.action === undefined ? `${escapeHtml(a.service)} <span class="by">(the service itself)</span>` : escapeHtml(`${a.service}:${a.action}`);
  return `<details class="action" open><summary><span class="sev ${a.counts.highest}">${a.counts.highest}</span><code>${label}</code><span class="n">${plural(a.counts.total, 'change', 'changes')}</span></summary><ul>${a.changes.map(changeItem).join('')}</ul></details>`;
}

function serviceNode(s: ServiceNode, open: boolean): string {
  return `<details class="service" data-service="${escapeHtml(s.service)}"${open ? ' open' : ''}><summary><span class="sev ${s.counts.highest}">${s.counts.highest}</span><span class="name">${escapeHtml(s.service)}</span><span class="n">${plural(s.counts.total, 'change', 'changes')}</span><span class="by">${severityCounts(s.counts)}</span></summary>${s.actions.map(actionNode).join('\n')}</details>`;
}

function options(values: Array<[string, string]>): string {
  return values.map(([v, label]) => `<option value="${escapeHtml(v)}">${escapeHtml(label)}</option>`).join('');
}

/**
 * A self-contained HTML report: one file, no network (a CSP that allows only its own inline
 * style and, by hash, its own script), the service → action → change tree with counts and the
 * highest severity on every node, filters by service, severity and kind, and a search.
 * Without JavaScript it is the same tree, all of it.
 */
export function renderHtml(result: DiffResult): string {
  const tree = buildServiceTree(result.changes);
  const title = `iamdiff: ${sideName(result.old)} → ${sideName(result.new)}`;
  const kinds = [...new Set(result.changes.map((c) => c.kind))].sort((a, b) => kindRank(a) - kindRank(b) || (a < b ? -1 : 1));
  const scriptHash = createHash('sha256').update(HTML_REPORT_SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'`;
  const legend = kindLegend(result.changes);
  const compared = new Set([...result.old.services, ...result.new.services]).size;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="iamdiff">
<title>${escapeHtml(title)}</title>
<style>${HTML_REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="counts">${escapeHtml(countLine(result.changes))} in ${plural(tree.length, 'service', 'services')} (${n(compared)} compared)</p>
<form id="filters" role="search">
<label>Service <select id="f-service">${options([['', `all services (${n(tree.length)})`], ...tree.map((s): [string, string] => [s.service, `${oneLine(s.service)} (${n(s.counts.total)})`]).sort((a, b) => (a[0] < b[0] ? -1 : 1))])}</select></label>
<label>Severity <select id="f-severity">${options([['', 'all'], ['medium', 'medium and high'], ['high', 'high only']])}</select></label>
<label>Kind <select id="f-kind">${options([['', 'all kinds'], ...kinds.map((k): [string, string] => [k, `${k} (${n(result.changes.filter((c) => c.kind === k).length)})`])])}</select></label>
<label>Search <input id="f-search" type="search" placeholder="action, resource, key, words of a description" autocomplete="off"></label>
<button type="button" id="f-clear">Clear</button>
<button type="button" id="f-open">Expand all</button>
<button type="button" id="f-close">Collapse all</button>
</form>
<p id="status" aria-live="polite"></p>
</header>
<main id="tree">
${tree.map((s) => serviceNode(s, tree.length === 1)).join('\n')}
${tree.length === 0 ? '<p>No changes.</p>' : ''}
</main>
<footer>
${
  legend.length
    ? `<details><summary>Why each kind matters</summary><table><thead><tr><th>Change</th><th>Rule</th><th>Severity</th><th>Count</th><th>Why it matters</th></tr></thead><tbody>${legend.map((r) => `<tr><td><code>${escapeHtml(r.kind)}</code></td><td><code>${escapeHtml(r.rule)}</code></td><td class="sev ${r.severity}">${r.severity}</td><td>${n(r.count)}</td><td>${escapeHtml(r.reason)}</td></tr>`).join('')}</tbody></table></details>`
    : ''
}
${acceptedHtml(result)}
${result.notCompared.length ? `<p>Not compared: ${result.notCompared.map((nc) => `${escapeHtml(nc.label)} (${escapeHtml(nc.reason)})`).join('; ')}.</p>` : ''}
<p>Made by iamdiff from ${escapeHtml(result.old.path)} and ${escapeHtml(result.new.path)}.</p>
</footer>
<script>${HTML_REPORT_SCRIPT}</script>
</body>
</html>
`;
}
