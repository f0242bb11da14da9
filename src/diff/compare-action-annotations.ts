import type { Action, CatalogField } from '../model/catalog.js';
import type { Change } from './change.js';
import { listDelta } from './list-delta.js';
import { makeChange } from './make-change.js';

/** SupportedBy entries (Service Reference) and the rule case for losing each. */
const SUPPORTED_BY_CASES: Record<string, string> = {
  'iam action last accessed': 'last accessed',
  'iam access analyzer policy generation': 'policy generation',
};

const sameFlags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const flagText = (flags: readonly string[]) => (flags.length ? flags.join(', ') : 'none');

/**
 * What changed in an action's raw access flags (reported only when the derived access
 * level stayed the same: a level change is `access-level-changed`) and in the features
 * that support it (SupportedBy). Fields both sides carry only.
 */
export function compareActionAnnotations(service: string, before: Action, after: Action, fields: ReadonlySet<CatalogField>): Change[] {
  const changes: Change[] = [];
  const action = after.name;
  if (fields.has('accessFlags') && before.accessFlags && after.accessFlags && !sameFlags(before.accessFlags, after.accessFlags) && before.accessLevel === after.accessLevel) {
    changes.push(makeChange('access-flags-changed', { service, action, before: flagText(before.accessFlags), after: flagText(after.accessFlags) }));
  }
  if (fields.has('supportedBy') && before.supportedBy && after.supportedBy) {
    const { added, removed } = listDelta(before.supportedBy, after.supportedBy);
    for (const feature of removed) changes.push(makeChange('supported-by-lost', { service, action, before: feature }, SUPPORTED_BY_CASES[feature.toLowerCase()] ?? 'other'));
    for (const feature of added) changes.push(makeChange('supported-by-gained', { service, action, after: feature }));
  }
  return changes;
}
