import { severityRank, type Change, type Severity } from '../diff/change.js';
import type { DiffResult } from '../diff/diff-result.js';
import { oneLine, sanitizeDeep } from '../text/sanitize.js';
import { changeDetail, changeSubject, plainWordDiff, sideName } from './describe-change.js';
import { acceptanceText, countLine } from './text-report.js';

/** Workflow-command data: `%`, CR and LF escaped (GitHub's toolkit escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow-command property value: also `:` and `,` (GitHub's toolkit escapeProperty). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error title=…::message`, every part escaped. */
function command(level: 'error' | 'warning' | 'notice', title: string, message: string): string {
  return `::${level} title=${escapeProperty(title)}::${escapeData(message)}`;
}

/** Changes at or above the gate are errors; otherwise high and medium are warnings, low notices. */
function levelOf(severity: Severity, failOn: Severity | undefined): 'error' | 'warning' | 'notice' {
  if (failOn) return severityRank(severity) >= severityRank(failOn) ? 'error' : severity === 'low' ? 'notice' : 'warning';
  return severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'notice';
}

function detailOf(c: Change): string {
  return c.words ? plainWordDiff(c) : changeDetail(c);
}

/**
 * GitHub Actions workflow commands: one annotation per change (`::error`, `::warning`, `::notice`:
 * title the severity, rule and subject; message the change, the reason, rule and fingerprint),
 * accepted changes in a collapsed group of plain lines, expired acceptances as warnings, and one
 * summary notice last. Document text is sanitized, then escaped, so it cannot end a command early
 * or start another.
 */
export function renderGithub(raw: DiffResult, opts: { failOn?: Severity } = {}): string {
  const result = sanitizeDeep(raw);
  const out: string[] = [];
  for (const c of result.changes) {
    const title = `iamdiff ${c.severity.toUpperCase()} ${c.rule}: ${changeSubject(c)}`;
    const detail = detailOf(c);
    out.push(command(levelOf(c.severity, opts.failOn), title, `${changeSubject(c)}${detail ? `  ${detail}` : ''}\n${oneLine(c.reason)}\nrule ${c.rule} · fingerprint ${c.fingerprint ?? ''} · ${c.kind}`));
  }
  for (const e of result.expiredAcceptances ?? []) {
    out.push(command('warning', 'iamdiff: acceptance expired', `${e.source}: expired on ${e.expires} (${oneLine(e.reason)}): no longer applies (${oneLine(e.match)}; ${e.changes} changes)`));
  }
  const accepted = result.accepted ?? [];
  if (accepted.length) {
    out.push(`::group::${escapeData(`iamdiff accepted: ${accepted.length}`)}`);
    for (const c of accepted) out.push(escapeData(`${c.severity} ${c.rule} ${c.fingerprint ?? ''} ${changeSubject(c)}  ${detailOf(c)} — ${acceptanceText(c.acceptance)}`).replace(/^::/, ': :'));
    out.push('::endgroup::');
  }
  const gate = opts.failOn ? `; failing at ${opts.failOn} and above` : '';
  out.push(command('notice', 'iamdiff summary', `${sideName(result.old)} → ${sideName(result.new)}: ${countLine(result.changes)}${result.accepted ? `; accepted: ${result.accepted.length}` : ''}${gate}`));
  return out.join('\n') + '\n';
}
