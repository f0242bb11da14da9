import { basename } from 'node:path';
import { CATALOG_FIELDS, FIELD_PARENTS, PUBLISHER_FIELDS, type Catalog, type CatalogField } from '../model/catalog.js';
import type { Change } from './change.js';
import { compareAction, sameActionFacts } from './compare-action.js';
import { compareActionAnnotations } from './compare-action-annotations.js';
import { compareArnFormats } from './compare-arn-formats.js';
import { compareKeyTypes } from './compare-key-types.js';
import { compareOperations } from './compare-operations.js';
import { compareManagedPolicies } from './compare-managed-policies.js';
import { compareServiceDefinitions } from './compare-service.js';
import { makeChange } from './make-change.js';
import { matchActions } from './match-actions.js';
import { resourceTypeRenames, withRenamedResources } from './resource-type-renames.js';
import { appendAll } from '../util/append-all.js';

export interface FieldGap {
  field: CatalogField;
  reason: string;
}

/** A publisher's own field only when a side is from that publisher; a refining field only when the field it refines is compared. */
function gapWorthSaying(field: CatalogField, before: Catalog, after: Catalog, compared: ReadonlySet<CatalogField>): boolean {
  const publishers = PUBLISHER_FIELDS[field];
  if (publishers && !publishers.includes(before.source.format) && !publishers.includes(after.source.format)) return false;
  const parent = FIELD_PARENTS[field];
  return parent === undefined || compared.has(parent);
}

/** What comparableFields answered, by what it depends on: a whole-AWS diff asks 460 times about the same two formats. */
const comparable = new Map<string, { fields: Set<CatalogField>; gaps: FieldGap[] }>();

/** Fields both catalogs carry, and for the others which side's format lacks them (the same objects for the same formats: do not change them). */
export function comparableFields(before: Catalog, after: Catalog): { fields: ReadonlySet<CatalogField>; gaps: readonly FieldGap[] } {
  const key = JSON.stringify([before.source.format, before.source.formatVersion, before.carries, after.source.format, after.source.formatVersion, after.carries]);
  let known = comparable.get(key);
  if (!known) comparable.set(key, (known = fieldsCarried(before, after)));
  return known;
}

function fieldsCarried(before: Catalog, after: Catalog): { fields: Set<CatalogField>; gaps: FieldGap[] } {
  const fields = new Set<CatalogField>();
  const gaps: FieldGap[] = [];
  for (const field of CATALOG_FIELDS) {
    const lacking = [before, after].filter((c) => !c.carries.includes(field)).map((c) => (c.source.formatVersion ? `${c.source.format} ${c.source.formatVersion}` : c.source.format));
    if (lacking.length === 0) fields.add(field);
    else if (field !== 'managedPolicies' && gapWorthSaying(field, before, after, fields)) gaps.push({ field, reason: `${[...new Set(lacking)].join(' and ')} ${lacking.length > 1 && lacking[0] !== lacking[1] ? 'do' : 'does'} not carry it` });
  }
  return { fields, gaps };
}

/** Every change between two catalogs of one service. */
export function compareCatalogs(before: Catalog, after: Catalog): { changes: Change[]; gaps: readonly FieldGap[] } {
  const { fields, gaps } = comparableFields(before, after);
  const service = after.service.prefix;
  const changes: Change[] = [];
  const match = matchActions(before.actions, after.actions);
  if (fields.has('actions')) {
    for (const a of match.added) changes.push(makeChange('action-added', { service, action: a.name, after: a.accessLevel }));
    for (const a of match.removed) changes.push(makeChange('action-removed', { service, action: a.name, before: a.accessLevel }));
  }
  for (const u of match.unresolved) {
    changes.push(makeChange('action-unresolved', { service, action: `${u.action.name}…`, [u.side === 'old' ? 'before' : 'after']: `${u.action.name}…`, candidates: u.candidates }));
  }
  const pages = [basename(before.source.file), basename(after.source.file)] as const;
  const renames = resourceTypeRenames(before, after, fields);
  for (const [o, n] of match.pairs) if (!sameActionFacts(o, n)) appendAll(changes, compareAction(service, withRenamedResources(o, renames), n, fields, pages));
  if (fields.has('accessFlags') || fields.has('supportedBy')) for (const [o, n] of match.pairs) appendAll(changes, compareActionAnnotations(service, o, n, fields));
  appendAll(changes, compareServiceDefinitions(before, after, fields, renames));
  appendAll(changes, compareArnFormats(before, after, fields));
  appendAll(changes, compareKeyTypes(before, after, fields));
  appendAll(changes, compareOperations(before, after, fields));
  if (fields.has('managedPolicies')) appendAll(changes, compareManagedPolicies(before, after));
  return { changes, gaps };
}

