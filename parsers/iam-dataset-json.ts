import { basename } from 'node:path';
import type { z } from 'zod';
import { lazySchema } from '../src/lazy/zod.js';
import { parseAccessLevel } from '../src/model/access-level.js';
import type { Action, ActionResourceType, Catalog } from '../src/model/catalog.js';
import { InputError } from '../src/model/errors.js';
import { compareNames } from '../src/model/identity.js';
import { mergePagesByPrefix } from '../src/model/merge-pages.js';
import { normalizeCatalog } from '../src/model/normalize.js';
import { checkShape } from './common/json-document.js';
import { forEachTopLevelValue } from './common/json-stream.js';
import type { MultiCatalogParser } from './multi-catalog-parser.js';


/** One service of the iam-dataset / parliament `iam_definition.json`. */
const serviceShape = lazySchema((z) => {
  const names = z.array(z.string());
  return z.object({
  prefix: z.string().regex(/^[a-z0-9-]+$/, 'a service prefix (lower-case letters, digits, -)'),
  service_name: z.string().optional(),
  privileges: z.array(
    z.object({
      privilege: z.string().min(1),
      description: z.string().optional(),
      access_level: z.string().refine((s) => parseAccessLevel(s) !== undefined, 'an access level (List, Read, Tagging, Write, Permissions management)'),
      resource_types: z.array(z.object({ resource_type: z.string(), condition_keys: names.optional(), dependent_actions: names.optional() })),
    }),
  ),
  resources: z.array(z.object({ resource: z.string().min(1), arn: z.string().optional(), condition_keys: names.optional() })),
  conditions: z.array(z.object({ condition: z.string().min(1), description: z.string().optional(), type: z.string().optional() })),
  });
});
type Service = z.infer<ReturnType<typeof serviceShape>>;

/**
 * A privilege as an action: a `resource_type` ending in `*` is required; the entry with an
 * empty `resource_type` holds the action's own condition keys and dependent actions.
 */
function toAction(p: Service['privileges'][number]): Action {
  const own = p.resource_types.filter((r) => r.resource_type === '');
  const resourceTypes: ActionResourceType[] = p.resource_types
    .filter((r) => r.resource_type !== '')
    .map((r) => ({ name: r.resource_type.replace(/\*$/, ''), required: r.resource_type.endsWith('*'), conditionKeys: r.condition_keys ?? [], dependentActions: r.dependent_actions ?? [] }));
  return {
    name: p.privilege,
    description: p.description,
    accessLevel: parseAccessLevel(p.access_level),
    resourceTypes,
    conditionKeys: own.flatMap((r) => r.condition_keys ?? []),
    dependentActions: own.flatMap((r) => r.dependent_actions ?? []),
  };
}

function toCatalog(s: Service, file: string, label: string): Catalog {
  return normalizeCatalog({
    service: { prefix: s.prefix, name: s.service_name },
    source: { format: iamDatasetJson.id, file, label },
    carries: [...iamDatasetJson.carries],
    actions: s.privileges.map(toAction),
    resourceTypes: s.resources.map((r) => ({ name: r.resource, arnPattern: r.arn, conditionKeys: r.condition_keys ?? [] })),
    conditionKeys: s.conditions.map((c) => ({ name: c.condition, type: c.type, description: c.description })),
  });
}

/** The iam-dataset / parliament JSON: every service of AWS in one array, read one service at a time. */
export const iamDatasetJson: MultiCatalogParser = {
  id: 'iam-dataset-json',
  title: 'the iam-dataset / parliament JSON (iam_definition.json: one array of all services, privileges with resource_types)',
  carries: ['actions', 'description', 'accessLevel', 'resourceTypes', 'resourceRequired', 'conditionKeys', 'dependentActions', 'serviceResourceTypes', 'serviceConditionKeys'],
  detectHead(head) {
    return /^\uFEFF?\s*\[/.test(head) && /"privileges"\s*:/.test(head) && /"prefix"\s*:/.test(head) && /"access_level"\s*:/.test(head);
  },
  parseFile(file, options) {
    const name = file === '-' ? '<stdin>' : file;
    const label = options.label ?? (file === '-' ? 'stdin' : basename(file).replace(/\.[^.]+$/, ''));
    const catalogs: Catalog[] = [];
    const serviceNames = new Map<string, string[]>();
    forEachTopLevelValue(file, name, 'array', (value, index) => {
      const service = checkShape(serviceShape, value, name, 'an iam-dataset service', undefined, [index]);
      if (options.service && service.prefix !== options.service) return;
      catalogs.push(toCatalog(service, name, label));
      serviceNames.set(service.prefix, [...(serviceNames.get(service.prefix) ?? []), service.service_name ?? service.prefix]);
    }, options.bytes);
    if (catalogs.length === 0 && !options.service) throw new InputError(name, 'the array holds no services');
    // Several services share a prefix (ses v1 and v2, elasticloadbalancing v1 and v2): IAM knows one namespace per prefix.
    // The one with the shortest name leads ("Amazon SES" before "Amazon Pinpoint Email Service"), as the
    // reference's shortest page name does (list_amazonses before list_amazonpinpointemailservice).
    const leadFirst = (a: Catalog, b: Catalog) => compareNames(a.service.prefix, b.service.prefix) || (a.service.name ?? '').length - (b.service.name ?? '').length || compareNames(a.service.name ?? '', b.service.name ?? '');
    return mergePagesByPrefix(catalogs.sort(leadFirst), new Set([iamDatasetJson.id])).map((c) => {
      const services = serviceNames.get(c.service.prefix)!;
      return services.length > 1 ? { ...c, source: { ...c.source, pages: services.map((s) => `${name} (${s})`).sort() } } : c;
    });
  },
};
