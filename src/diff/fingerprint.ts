import { hash } from 'node:crypto';
import type { Change } from './change.js';
import { identityKey } from './change-identity.js';

/** Hex digits of a fingerprint: 48 bits, short enough to paste, no collision in a diff of AWS's size. */
export const FINGERPRINT_LENGTH = 12;

/**
 * The fingerprint printed with each change and accepted in `.iamdiff.yaml`: a hash of the rule ID
 * and the change identity (service, action, subject, before/after; src/diff/change-identity.ts).
 * It ignores where the change was read from, so the same change has the same fingerprint from any
 * source format, a snapshot of it, or another run.
 */
export function changeRuleFingerprint(c: Change): string {
  return hash('sha256', `${c.rule}\n${identityKey(c)}`, 'hex').slice(0, FINGERPRINT_LENGTH);
}

/** The change with its fingerprint, kind, rule and fingerprint first (the order JSON shows). */
export function withFingerprint(c: Change): Change {
  const { kind, rule, ...rest } = c;
  return { kind, rule, fingerprint: changeRuleFingerprint(c), ...rest };
}
