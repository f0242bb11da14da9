import type { Catalog, CatalogField } from '../model/catalog.js';
import type { Change } from './change.js';
import { makeChange } from './make-change.js';

/** A multivalued type (`ArrayOfString`, `ArrayOfARN`) needs `ForAnyValue:` / `ForAllValues:`. */
const multivalued = (type: string) => /^ArrayOf/i.test(type);

/** The rule case of a type change: towards a multivalued type, away from one, or another change. */
function typeCase(before: string, after: string): string {
  if (!multivalued(before) && multivalued(after)) return 'now multivalued';
  if (multivalued(before) && !multivalued(after)) return 'no longer multivalued';
  return 'other';
}

/** Service condition keys present on both sides whose type changed (both types known). */
export function compareKeyTypes(before: Catalog, after: Catalog, fields: ReadonlySet<CatalogField>): Change[] {
  if (!fields.has('serviceConditionKeys') || !before.conditionKeys || !after.conditionKeys) return [];
  const service = after.service.prefix;
  const afterTypes = new Map(after.conditionKeys.map((k) => [k.name.toLowerCase(), k.type]));
  const changes: Change[] = [];
  for (const k of before.conditionKeys) {
    const type = afterTypes.get(k.name.toLowerCase());
    if (k.type === undefined || type === undefined || k.type.toLowerCase() === type.toLowerCase()) continue;
    changes.push(makeChange('condition-key-type-changed', { service, key: k.name, before: k.type, after: type }, typeCase(k.type, type)));
  }
  return changes;
}
