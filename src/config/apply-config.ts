import type { Change } from '../diff/change.js';
import type { AcceptedChange, DiffResult, ExpiredAcceptance } from '../diff/diff-result.js';
import { filterResult } from '../diff/filter-changes.js';
import { compileGlob } from '../policy/glob-match.js';
import type { AcceptEntry, IamdiffConfig } from './config-types.js';

/** Today as YYYY-MM-DD (UTC): an acceptance applies through its `expires` day. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whether an acceptance entry covers a change: its fingerprint, or every field it names. */
export function acceptMatches(e: AcceptEntry, c: Change): boolean {
  if (e.fingerprint !== undefined && e.fingerprint !== c.fingerprint) return false;
  if (e.rule !== undefined && e.rule !== c.rule) return false;
  if (e.kind !== undefined && e.kind !== c.kind) return false;
  if (e.service !== undefined && e.service.toLowerCase() !== c.service.toLowerCase()) return false;
  if (e.action !== undefined && (c.action === undefined || !compileGlob(e.action).test(c.action))) return false;
  return true;
}

/** `fingerprint 1a2b3c4d5e6f` or `service: ec2, rule: description-changed`. */
function matchText(e: AcceptEntry): string {
  if (e.fingerprint) return `fingerprint ${e.fingerprint}`;
  return (['rule', 'kind', 'service', 'action'] as const)
    .filter((f) => e[f] !== undefined)
    .map((f) => `${f}: ${e[f]}`)
    .join(', ');
}

const base = (file: string) => file.replace(/^.*[\\/]/, '');

/**
 * The diff as the config judges it: rule severities overridden (`none` drops the rule's changes,
 * an override keeps the rule's own as `defaultSeverity`), accepted changes moved to `accepted`
 * (when the config has an accept list), acceptances past their date listed in `expiredAcceptances`.
 */
export function applyConfig(result: DiffResult, config: IamdiffConfig | undefined, day = today()): DiffResult {
  if (!config) return result;
  const judged: Change[] = [];
  for (const c of result.changes) {
    const setting = config.rules[c.rule]?.value;
    if (setting === 'none') continue;
    judged.push(setting && setting !== c.severity ? { ...c, severity: setting, defaultSeverity: c.severity } : c);
  }
  if (config.accept.length === 0) return filterResult({ ...result, changes: judged }, {});
  const live = config.accept.filter((e) => e.expires === undefined || day <= e.expires);
  const expired = config.accept.filter((e) => e.expires !== undefined && day > e.expires);
  const changes: Change[] = [];
  const accepted: AcceptedChange[] = [];
  for (const c of judged) {
    const e = live.find((a) => acceptMatches(a, c));
    if (e) accepted.push({ ...c, acceptance: { reason: e.reason, ...(e.expires ? { expires: e.expires } : {}), source: `${base(config.file)}:${e.line}`, match: matchText(e) } });
    else changes.push(c);
  }
  const expiredAcceptances: ExpiredAcceptance[] = expired.map((e) => ({ reason: e.reason, expires: e.expires!, source: `${base(config.file)}:${e.line}`, match: matchText(e), changes: changes.filter((c) => acceptMatches(e, c)).length }));
  const out: DiffResult = { ...result, changes, accepted };
  if (expiredAcceptances.length) out.expiredAcceptances = expiredAcceptances;
  return filterResult(out, {});
}

/** One stderr note per acceptance past its date: it no longer applies. */
export function expiredNotes(result: DiffResult): string[] {
  return (result.expiredAcceptances ?? []).map((e) => `iamdiff: note: ${e.source}: acceptance expired on ${e.expires} (${e.reason}): no longer applies (${e.match}; ${e.changes} change${e.changes === 1 ? '' : 's'} it matched counted again)`);
}
