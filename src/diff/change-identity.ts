import { hash } from 'node:crypto';
import { foldSpace } from '../text/fold-space.js';
import type { Change } from './change.js';

/**
 * What a change is, independent of how it is judged or shown: its kind, service, action, subject
 * (resource, key, dependent action, policy, pattern, page… whatever fields the kind has) and the
 * before/after values. Two runs of a diff on different inputs give the same identity for the
 * same change, so marks (the review) and fingerprints (CI) can follow it across runs.
 *
 * Generic over change kinds: every string field takes part except those below, so a kind that
 * brings a new field is identified by it without a change here.
 */
const NOT_IDENTITY = new Set([
  'kind', // first, by name
  'service', // second
  'action', // third
  'rule', // the rule that judged it (fingerprints add it themselves)
  'fingerprint', // derived from the identity
  'severity', // a judgement: the rules may change
  'defaultSeverity', // the same
  'reason', // the same, in words
  'words', // derived from before/after
  'candidates', // derived from the other side
  'policies', // depends on --policies, not on the catalogs
  'acceptance', // depends on the config file
]);

/** IAM compares service prefixes and action names case-insensitively. */
const CASE_FREE = new Set(['service', 'action']);

/** A page or file counts by its name, not the directory it was read from. */
const PATH_FIELDS = new Set(['page', 'file']);

function norm(field: string, value: string): string {
  let v = foldSpace(value);
  if (CASE_FREE.has(field)) v = v.toLowerCase();
  if (PATH_FIELDS.has(field)) v = v.replace(/^.*[\\/]/, '');
  return v;
}

/** The identity as ordered `[field, value]` pairs: kind, service, action, then the other fields by name. */
export function changeIdentity(c: Change): Array<[string, string]> {
  const rec = c as unknown as Record<string, unknown>;
  const pairs: Array<[string, string]> = [
    ['kind', c.kind],
    ['service', norm('service', c.service)],
  ];
  if (c.action !== undefined) pairs.push(['action', norm('action', c.action)]);
  for (const field of Object.keys(rec).sort()) {
    const v = rec[field];
    if (NOT_IDENTITY.has(field) || typeof v !== 'string') continue;
    pairs.push([field, norm(field, v)]);
  }
  return pairs;
}

/** The identity as one string (JSON of the pairs): equal strings, same change. */
export function identityKey(c: Change): string {
  return JSON.stringify(changeIdentity(c));
}

/** A short stable fingerprint of the identity: the first 32 hex digits (128 bits) of its SHA-256. */
export function changeFingerprint(c: Change): string {
  return hash('sha256', identityKey(c), 'hex').slice(0, 32);
}
