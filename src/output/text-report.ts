import { CHANGE_KINDS, SEVERITIES, type Change } from '../diff/change.js';
import type { Acceptance, DiffResult } from '../diff/diff-result.js';
import { oneLine, sanitizeDeep, stripControl } from '../text/sanitize.js';
import { painter, type Painter } from './color.js';
import { changeDetail, changeSubject, sideName } from './describe-change.js';
import { impactLines, patternSummaryLines } from './policy-impact-text.js';

const SEVERITY_STYLE = { high: 'red', medium: 'yellow', low: 'cyan' } as const;

function coloredWordDiff(c: Change, p: Painter): string {
  return (c.words ?? [])
    .map((w) => {
      if (w.op === 'added') return p.paint('green', `{+${oneLine(w.text)}+}`);
      if (w.op === 'removed') return p.paint('red', `[-${oneLine(w.text)}-]`);
      return stripControl(w.text).replace(/\s+/g, ' ');
    })
    .join('')
    .trim();
}

/** Subject, detail, then rule and fingerprint: `ecr:DescribeImages  Read → List  [access-level-lowered 1a2b3c4d5e6f]`. */
function changeLine(c: Change, p: Painter): string {
  const detail = c.kind === 'description-changed' ? coloredWordDiff(c, p) : changeDetail(c);
  return `${changeSubject(c)}${detail ? `  ${detail}` : ''}  ${p.paint('dim', ruleTag(c))}`;
}

/** `[rule fingerprint]`, and the rule's own severity when a config file changed it. */
export function ruleTag(c: Change): string {
  const parts = [oneLine(c.rule ?? c.kind), ...(c.fingerprint ? [c.fingerprint] : []), ...(c.defaultSeverity ? [`(default ${c.defaultSeverity})`] : [])];
  return `[${parts.join(' ')}]`;
}

/** `reviewed in #12 (until 2026-12-31; .iamdiff.yaml:14, fingerprint 1a2b…)`. */
export function acceptanceText(a: Acceptance): string {
  return `${oneLine(a.reason)} (${a.expires ? `until ${a.expires}; ` : ''}${oneLine(a.source)}, ${oneLine(a.match)})`;
}

/** `12 changes (2 high, 7 medium, 3 low)`. */
export function countLine(changes: Change[]): string {
  if (changes.length === 0) return 'no changes';
  const counts = SEVERITIES.map((s) => `${changes.filter((c) => c.severity === s).length} ${s}`);
  return `${changes.length} change${changes.length === 1 ? '' : 's'} (${counts.join(', ')})`;
}

/** Terminal report: grouped by severity then kind, one line per change, a summary line last. */
export function renderText(raw: DiffResult, options: { color: boolean }): string {
  // Every field sanitized once here, whatever the lines below print.
  const result = sanitizeDeep(raw);
  const p = painter(options.color);
  const services = result.new.services.length === 1 && result.old.services.length === 1 ? oneLine(result.new.services[0]!) : `${result.new.services.length} services`;
  const out: string[] = [p.paint('bold', `iamdiff ${services}: ${sideName(result.old)} → ${sideName(result.new)}`)];
  for (const nc of result.notCompared) out.push(p.paint('dim', `not compared: ${nc.label} — ${oneLine(nc.reason)}`));
  for (const severity of SEVERITIES) {
    const ofSeverity = result.changes.filter((c) => c.severity === severity);
    if (ofSeverity.length === 0) continue;
    out.push('', p.paint(['bold', SEVERITY_STYLE[severity]], `${severity.toUpperCase()} (${ofSeverity.length})`));
    for (const kind of CHANGE_KINDS) {
      const ofKind = ofSeverity.filter((c) => c.kind === kind);
      if (ofKind.length === 0) continue;
      out.push(`  ${p.paint('bold', kind)} (${ofKind.length})`);
      for (const c of ofKind) {
        out.push(`    ${changeLine(c, p)}`);
        for (const line of impactLines(c.policies ?? [])) out.push(p.paint('dim', `      ↳ ${line}`));
      }
    }
  }
  const accepted = result.accepted ?? [];
  if (accepted.length > 0) {
    out.push('', p.paint('bold', `ACCEPTED (${accepted.length}): not counted by --fail-on or --exit-code`));
    for (const c of accepted) {
      out.push(`  ${c.severity.padEnd(6)} ${c.kind}  ${changeLine(c, p)}`);
      out.push(p.paint('dim', `      ↳ accepted: ${acceptanceText(c.acceptance)}`));
    }
  }
  if (result.policyImpact) {
    out.push('', p.paint('bold', `POLICY IMPACT (${result.policyImpact.length} ${result.policyImpact.length === 1 ? 'pattern' : 'patterns'})`));
    if (result.policyImpact.length === 0) out.push('  no policy pattern touches these changes');
    for (const line of patternSummaryLines(result.policyImpact)) out.push(`  ${line}`);
  }
  const kinds = Object.entries(result.summary).map(([k, n]) => `${n} ${k}`);
  out.push('', `Summary: ${countLine(result.changes)}${kinds.length ? `: ${kinds.join(', ')}` : ''}${result.accepted ? `; accepted: ${result.accepted.length}` : ''}`);
  return out.join('\n') + '\n';
}
