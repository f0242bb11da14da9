import { POLICY_IMPACTS, severityRank, type Change, type Severity } from '../diff/change.js';
import type { DiffResult } from '../diff/diff-result.js';
import { buildServiceTree, kindRank, type ServiceNode } from './change-tree.js';
import { sideName } from './describe-change.js';
import { kindLegend } from './kind-legend.js';
import { planBudget } from './markdown-budget.js';
import { escapeMarkdownCell } from './markdown-escape.js';
import { COUNTED_SERVICES_HEADER, countedServiceRow, detailCell, fingerprintCell, serviceBlock } from './markdown-service-block.js';
import { changeSubject } from './describe-change.js';
import { acceptanceText, countLine } from './text-report.js';
import { policyNames } from './policy-impact-text.js';

/** What a GitHub release body accepts (125,000 characters; bytes are never fewer). */
export const DEFAULT_MAX_BYTES = 125_000;

export interface MarkdownOptions {
  /** Size budget in UTF-8 bytes (default DEFAULT_MAX_BYTES); 0 or Infinity: no budget. */
  maxBytes?: number;
}

/** One diff of the document: the whole document for `diff`, one version pair for `log`. */
interface Section {
  heading?: string;
  result: DiffResult;
  tree: ServiceNode[];
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const n = (x: number) => x.toLocaleString('en-US');
const unitOf = (section: number, c: Change) => `${section}|${c.severity}|${c.kind}`;

function title(result: DiffResult): string {
  const services = result.new.services.length === 1 && result.old.services.length === 1 ? result.new.services[0]! : `${new Set([...result.old.services, ...result.new.services]).size} services`;
  return `# ${escapeMarkdownCell(services)}: IAM catalog changes, ${escapeMarkdownCell(sideName(result.old))} → ${escapeMarkdownCell(sideName(result.new))}`;
}

/** `**5,099 changes (…) in 232 services**`. */
function countsLine(changes: Change[], tree: ServiceNode[]): string {
  return `**${countLine(changes)}${tree.length > 1 ? ` in ${n(tree.length)} services` : ''}**`;
}

/** Each kind's reason once, with counts: the legend the rows refer to. */
function legend(changes: Change[]): string[] {
  const rows = kindLegend(changes);
  if (rows.length === 0) return [];
  return ['| Change | Rule | Severity | Count | Why it matters |', '| --- | --- | --- | ---: | --- |', ...rows.map((r) => `| ${r.kind} | ${escapeMarkdownCell(r.rule)} | ${r.severity} | ${n(r.count)} | ${escapeMarkdownCell(r.reason)} |`), ''];
}

/** Accepted changes listed in the notes at most (they are not counted against the budget's priorities). */
const MAX_ACCEPTED_ROWS = 100;

/** The changes the config file accepts, apart: counted in the head, listed in a closed block. */
function acceptedSection(result: DiffResult): string[] {
  const accepted = result.accepted ?? [];
  if (accepted.length === 0) return [];
  return [
    `<details>`,
    `<summary>accepted: ${n(accepted.length)} (not counted by --fail-on or --exit-code)</summary>`,
    '',
    '| Severity | Subject | Change | Detail | Rule | Fingerprint | Accepted because |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...accepted.slice(0, MAX_ACCEPTED_ROWS).map((c) => `| ${c.severity} | ${escapeMarkdownCell(changeSubject(c))} | ${c.kind} | ${detailCell(c)} | ${escapeMarkdownCell(c.rule)} | ${fingerprintCell(c)} | ${escapeMarkdownCell(acceptanceText(c.acceptance))} |`),
    '',
    ...(accepted.length > MAX_ACCEPTED_ROWS ? [`_${n(accepted.length - MAX_ACCEPTED_ROWS)} more accepted changes are not listed here (\`--format json\` lists them all)._`, ''] : []),
    '</details>',
    '',
  ];
}

function notCompared(result: DiffResult): string[] {
  if (result.notCompared.length === 0) return [];
  return ['Not compared:', '', ...result.notCompared.map((nc) => `- ${escapeMarkdownCell(nc.label)}: ${escapeMarkdownCell(nc.reason)}`), ''];
}

function policySection(result: DiffResult): string[] {
  if (!result.policyImpact) return [];
  if (result.policyImpact.length === 0) return ['## Policy impact', '', 'No policy pattern touches these changes.', ''];
  return [
    '## Policy impact',
    '',
    '| Pattern | Effect | What it does | Actions | Policies |',
    '| --- | --- | --- | --- | --- |',
    ...result.policyImpact.map((s) => `| ${escapeMarkdownCell(s.pattern)} | ${s.effect} | ${escapeMarkdownCell(POLICY_IMPACTS[s.impact])} | ${escapeMarkdownCell(s.actions.join(', '))} | ${escapeMarkdownCell(policyNames(s.policies))} |`),
    '',
  ];
}

/** What the budget left out, said once at the top. */
function cutNote(sections: Section[], included: ReadonlySet<string> | undefined, budget: number, highBytes: number): string[] {
  if (!included) return [];
  const counted = new Map<string, { kind: string; severity: string; count: number }>();
  sections.forEach((s, i) => {
    for (const c of s.result.changes) {
      if (included.has(unitOf(i, c))) continue;
      const id = `${c.severity}\0${c.kind}`;
      const e = counted.get(id) ?? { kind: c.kind, severity: c.severity, count: 0 };
      e.count++;
      counted.set(id, e);
    }
  });
  const total = [...counted.values()].reduce((a, e) => a + e.count, 0);
  const list = [...counted.values()]
    .sort((a, b) => severityRank(b.severity as Severity) - severityRank(a.severity as Severity) || kindRank(a.kind) - kindRank(b.kind))
    .map((e) => `${n(e.count)} ${e.kind} (${e.severity})`)
    .join(', ');
  const over = highBytes > budget ? ` The HIGH changes alone take ${n(highBytes)} bytes, more than the budget: all of them are listed anyway.` : '';
  return [`> **Cut to fit ${n(budget)} bytes:** every HIGH change is listed; ${n(total)} other change${total === 1 ? ' is' : 's are'} counted per service, not listed: ${list}. \`--max-bytes 0\` lists every change.${over}`, ''];
}

/** The services of one section: a `<details>` block each, or one table row each for those with nothing listed. */
function sectionBody(section: Section, index: number, included: ReadonlySet<string> | undefined, open: boolean): string[] {
  const withPolicies = section.result.policyImpact !== undefined;
  const listed = (c: Change) => !included || included.has(unitOf(index, c));
  const out: string[] = [];
  const countedOnly: ServiceNode[] = [];
  for (const node of section.tree) {
    if (included && !node.changes.some(listed)) countedOnly.push(node);
    else out.push(serviceBlock(node, { withPolicies, open, listed }));
  }
  if (countedOnly.length > 0) out.push(`Services with changes counted, not listed (${countedOnly.length}):`, '', ...COUNTED_SERVICES_HEADER, ...countedOnly.map(countedServiceRow), '');
  return out;
}

function renderDocument(head: string[], sections: Section[], included: ReadonlySet<string> | undefined, budget: number, highBytes: number): string {
  const [titleLine, ...rest] = head;
  const out = [titleLine!, '', ...cutNote(sections, included, budget, highBytes), ...rest];
  const open = sections.length === 1 && sections[0]!.tree.length === 1;
  sections.forEach((s, i) => {
    if (s.heading) out.push(s.heading, '', countsLine(s.result.changes, s.tree), '', ...notCompared(s.result));
    if (s.result.changes.length === 0 && s.heading) out.push('No changes.', '');
    out.push(...sectionBody(s, i, included, open));
  });
  return out.join('\n');
}

/** The whole document, cut to the budget when it does not fit: HIGH always listed, the rest by priority. */
function renderNotes(head: string[], sections: Section[], opts: MarkdownOptions): string {
  const budget = opts.maxBytes === undefined ? DEFAULT_MAX_BYTES : opts.maxBytes <= 0 ? Infinity : opts.maxBytes;
  const full = renderDocument(head, sections, undefined, budget, 0);
  if (bytes(full) <= budget) return full;

  // Units: one kind of one severity in one section; HIGH first, then newer sections, then kind order.
  const units = new Map<string, { id: string; mandatory: boolean; rank: [number, number, number] }>();
  sections.forEach((s, i) => {
    for (const c of s.result.changes) {
      const id = unitOf(i, c);
      if (!units.has(id)) units.set(id, { id, mandatory: c.severity === 'high', rank: [-severityRank(c.severity), i, kindRank(c.kind)] });
    }
  });
  const ordered = [...units.values()].sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2]);
  const blocks = sections.flatMap((s, i) => s.tree.map((node) => ({ id: `${i}\0${node.service}`, node, section: i, units: new Set(node.changes.map((c) => unitOf(i, c))) })));
  const byId = new Map(blocks.map((b) => [b.id, b]));
  const blockBytes = (id: string, included: ReadonlySet<string>) => {
    const b = byId.get(id)!;
    const listed = (c: Change) => included.has(unitOf(b.section, c));
    if (!b.node.changes.some(listed)) return bytes(countedServiceRow(b.node)) + 1;
    return bytes(serviceBlock(b.node, { withPolicies: sections[b.section]!.result.policyImpact !== undefined, open: false, listed })) + 1;
  };
  const outside = (included: ReadonlySet<string>) => {
    const headOnly = renderDocument(head, sections.map((s) => ({ ...s, tree: [] })), included, budget, 0);
    return bytes(headOnly) + sections.length * bytes(`Services with changes counted, not listed (${blocks.length}):\n\n${COUNTED_SERVICES_HEADER.join('\n')}\n\n`);
  };
  const mandatory = new Set(ordered.filter((u) => u.mandatory).map((u) => u.id));
  const highBytes = outside(mandatory) + blocks.reduce((a, b) => a + blockBytes(b.id, mandatory), 0);
  const included = planBudget({ units: ordered, blocks, blockBytes, restBytes: outside, budget });
  // The plan estimates; the rendered text decides: drop the last optional units until it fits.
  const optional = ordered.filter((u) => included.has(u.id) && !u.mandatory);
  let text = renderDocument(head, sections, included, budget, highBytes);
  while (bytes(text) > budget && optional.length > 0) {
    included.delete(optional.pop()!.id);
    text = renderDocument(head, sections, included, budget, highBytes);
  }
  return text;
}

/**
 * Release notes to paste into a GitHub release: a legend that gives each kind's reason once,
 * then one `<details>` block per service (most severe first) with its counts in the summary line
 * and its changes in a table, most severe first. Cut to `maxBytes` when needed (see renderNotes).
 */
export function renderMarkdown(result: DiffResult, opts: MarkdownOptions = {}): string {
  const tree = buildServiceTree(result.changes);
  const accepted = result.accepted ? [`accepted: ${n(result.accepted.length)}`, ''] : [];
  const head = [title(result), countsLine(result.changes, tree), '', ...accepted, ...legend(result.changes), ...notCompared(result), ...policySection(result), ...acceptedSection(result)];
  return renderNotes(head, [{ result, tree }], opts);
}

/** One version pair of a changelog. */
export interface LogStep {
  from: string;
  to: string;
  result: DiffResult;
}

/** A changelog over many versions: newest pair first, one section per pair, one legend for all. */
export function renderMarkdownLog(steps: LogStep[], opts: MarkdownOptions = {}): string {
  const newestFirst = [...steps].reverse();
  const all = newestFirst.flatMap((s) => s.result.changes);
  const head = [`# IAM catalog changelog: ${steps.length + 1} versions, newest first`, `**${countLine(all)} over ${steps.length} version pair${steps.length === 1 ? '' : 's'}**`, '', ...legend(all)];
  const sections = newestFirst.map((s) => ({ heading: `## ${escapeMarkdownCell(s.from)} → ${escapeMarkdownCell(s.to)}`, result: s.result, tree: buildServiceTree(s.result.changes) }));
  return renderNotes(head, sections, opts);
}
