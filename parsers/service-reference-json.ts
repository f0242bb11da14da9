import type { z } from 'zod';
import { lazySchema } from '../src/lazy/zod.js';
import type { AccessLevel } from '../src/model/access-level.js';
import type { Action, Catalog, CatalogField } from '../src/model/catalog.js';
import { normalizeCatalog } from '../src/model/normalize.js';
import { checkShape, parseJsonDocument } from './common/json-document.js';
import type { CatalogParser } from './parser.js';

/** One service document of AWS's Service Reference (`https://servicereference…/v1/<prefix>/<prefix>.json`), schema v1.2–v1.3. */
const serviceShape = lazySchema((z) => {
  const name = z.string().min(1);
  const names = z.array(z.string());
  return z.object({
  Name: z.string().regex(/^[a-z0-9-]+$/, 'a service prefix (lower-case letters, digits, -)'),
  Version: z.string().optional(),
  Actions: z.array(
    z.object({
      Name: name,
      Annotations: z.object({ Properties: z.record(z.string(), z.boolean()) }).optional(),
      ActionConditionKeys: names.optional(),
      Resources: z.array(z.object({ Name: name, ConditionKeys: names.optional() })).optional(),
      SupportedBy: z.record(z.string(), z.boolean()).optional(),
    }),
  ),
  Resources: z.array(z.object({ Name: name, ARNFormats: z.array(z.string()).min(1), ConditionKeys: names.optional() })).optional(),
  ConditionKeys: z.array(z.object({ Name: name, Types: names.optional() })).optional(),
  Operations: z.array(z.object({ Name: name, AuthorizedActions: z.array(z.object({ Name: name, Service: name })).optional() })).optional(),
  });
});
type ServiceDocument = z.infer<ReturnType<typeof serviceShape>>;

/**
 * One access level from the overlapping flags (a tagging action is also `IsWrite`), by
 * priority: Permissions management, Tagging, Write, List, otherwise Read.
 */
export function deriveAccessLevel(flags: Readonly<Record<string, boolean>>): AccessLevel {
  if (flags.IsPermissionManagement) return 'Permissions management';
  if (flags.IsTaggingOnly) return 'Tagging';
  if (flags.IsWrite) return 'Write';
  if (flags.IsList) return 'List';
  return 'Read';
}

const trueKeys = (record: Readonly<Record<string, boolean>>) => Object.keys(record).filter((k) => record[k] === true);

function toAction(a: ServiceDocument['Actions'][number]): Action {
  const flags = a.Annotations?.Properties;
  return {
    name: a.Name,
    accessLevel: flags ? deriveAccessLevel(flags) : undefined,
    accessFlags: flags ? trueKeys(flags) : undefined,
    supportedBy: a.SupportedBy ? trueKeys(a.SupportedBy) : undefined,
    // The format states no required flag: `required` stays absent (unknown).
    resourceTypes: (a.Resources ?? []).map((r) => ({ name: r.Name, conditionKeys: r.ConditionKeys ?? [] })),
    conditionKeys: a.ActionConditionKeys ?? [],
  };
}

/** The fields this document carries: SupportedBy from schema v1.3, Operations where the service publishes them. */
function carriedBy(doc: ServiceDocument): CatalogField[] {
  const fields: CatalogField[] = ['actions', 'accessLevel', 'accessFlags', 'resourceTypes', 'conditionKeys', 'serviceResourceTypes', 'arnFormats', 'serviceConditionKeys'];
  if (doc.Actions.some((a) => a.SupportedBy !== undefined)) fields.push('supportedBy');
  if (doc.Operations !== undefined) fields.push('operations');
  return fields;
}

/** A service document's text as a catalog. */
export function parseServiceReference(text: string, file: string): Catalog {
  const doc = checkShape(serviceShape, parseJsonDocument(text, file), file, 'a Service Reference service document', text);
  return normalizeCatalog({
    service: { prefix: doc.Name },
    source: { format: serviceReferenceJson.id, file, formatVersion: doc.Version },
    carries: carriedBy(doc),
    actions: doc.Actions.map(toAction),
    resourceTypes: (doc.Resources ?? []).map((r) => ({ name: r.Name, arnPattern: r.ARNFormats[0], arnFormats: r.ARNFormats, conditionKeys: r.ConditionKeys ?? [] })),
    conditionKeys: (doc.ConditionKeys ?? []).map((k) => ({ name: k.Name, type: k.Types?.length ? [...k.Types].sort().join(', ') : undefined })),
    operations: doc.Operations?.map((o) => ({ name: o.Name, actions: (o.AuthorizedActions ?? []).map((x) => `${x.Service}:${x.Name}`) })),
  });
}

/** AWS's Service Reference JSON: one document per service; a directory of them is one version. */
export const serviceReferenceJson: CatalogParser = {
  id: 'service-reference-json',
  title: "AWS's Service Reference JSON (one <prefix>.json per service: Name, Actions with Annotations, Resources with ARNFormats, ConditionKeys with Types, SupportedBy, Operations)",
  carries: ['actions', 'accessLevel', 'accessFlags', 'resourceTypes', 'conditionKeys', 'serviceResourceTypes', 'arnFormats', 'serviceConditionKeys', 'supportedBy', 'operations'],
  multiPage: true,
  detect(text) {
    const head = text.slice(0, 4000);
    return /^\s*\{/.test(head) && /"Name"\s*:/.test(head) && /"Actions"\s*:\s*\[/.test(text) && (/"Annotations"\s*:/.test(head) || /"Version"\s*:\s*"v\d/.test(text));
  },
  parse(text, options) {
    return parseServiceReference(text, options.file);
  },
};
