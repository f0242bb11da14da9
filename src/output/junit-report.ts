import { severityRank, type Change, type Severity } from '../diff/change.js';
import type { AcceptedChange, DiffResult } from '../diff/diff-result.js';
import { SEVERITY_RULES } from '../diff/severity-rules.js';
import { oneLine, sanitizeDeep } from '../text/sanitize.js';
import { changeDetail, changeSubject, plainWordDiff, sideName } from './describe-change.js';
import { acceptanceText } from './text-report.js';

/** Text safe in XML 1.0 content and attributes (control characters are already gone: sanitizeDeep). */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

const line = (c: Change) => {
  const detail = c.words ? plainWordDiff(c) : changeDetail(c);
  return `${changeSubject(c)}${detail ? `  ${detail}` : ''}`;
};

export interface JunitOptions {
  /** Changes at or above it are failures (default: high). */
  failAt?: Severity;
  /** Rules the config sets to `none`: skipped test cases. */
  disabled?: ReadonlySet<string>;
}

/**
 * JUnit XML: one test case per severity rule (all of them, so the report has the same cases every
 * run), a `<failure>` per change at or above the gate, the rule's other changes (and those the
 * config accepts) in `<system-out>`; rules the config turns off are skipped.
 */
export function renderJunit(raw: DiffResult, opts: JunitOptions = {}): string {
  const result = sanitizeDeep(raw);
  const failAt = opts.failAt ?? 'high';
  const byRule = new Map<string, Change[]>();
  for (const c of result.changes) byRule.set(c.rule, [...(byRule.get(c.rule) ?? []), c]);
  const acceptedBy = new Map<string, AcceptedChange[]>();
  for (const c of result.accepted ?? []) acceptedBy.set(c.rule, [...(acceptedBy.get(c.rule) ?? []), c]);
  const cases: string[] = [];
  let failed = 0;
  let skipped = 0;
  for (const rule of SEVERITY_RULES) {
    const changes = byRule.get(rule.id) ?? [];
    const failing = changes.filter((c) => severityRank(c.severity) >= severityRank(failAt));
    const passing = changes.filter((c) => !failing.includes(c));
    const accepted = acceptedBy.get(rule.id) ?? [];
    const body: string[] = [];
    if (opts.disabled?.has(rule.id)) {
      skipped++;
      body.push(`      <skipped message="${escapeXml('rule set to none in the config file')}"/>`);
    }
    for (const c of failing) body.push(`      <failure message="${escapeXml(line(c))}" type="${c.severity}">${escapeXml(`${line(c)}\n${oneLine(c.reason)}\nrule ${c.rule} · fingerprint ${c.fingerprint ?? ''} · severity ${c.severity}`)}</failure>`);
    if (failing.length) failed++;
    const out = [...passing.map((c) => `${c.severity} ${c.fingerprint ?? ''} ${line(c)}`), ...accepted.map((c) => `accepted ${c.fingerprint ?? ''} ${line(c)} — ${acceptanceText(c.acceptance)}`)];
    if (out.length) body.push(`      <system-out>${escapeXml(out.join('\n'))}</system-out>`);
    const name = `${rule.id} (${rule.kind}${rule.case ? `, ${rule.case}` : ''})`;
    const open = `    <testcase name="${escapeXml(name)}" classname="iamdiff.${escapeXml(rule.kind)}" time="0"`;
    cases.push(body.length ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`);
  }
  const suite = `iamdiff ${sideName(result.old)} → ${sideName(result.new)}`;
  const counts = `tests="${SEVERITY_RULES.length}" failures="${failed}" errors="0" skipped="${skipped}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="iamdiff" ${counts} time="0">`,
    `  <testsuite name="${escapeXml(oneLine(suite))}" ${counts} time="0">`,
    '    <properties>',
    `      <property name="old" value="${escapeXml(result.old.path)}"/>`,
    `      <property name="new" value="${escapeXml(result.new.path)}"/>`,
    `      <property name="fail-at" value="${failAt}"/>`,
    `      <property name="accepted" value="${(result.accepted ?? []).length}"/>`,
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
