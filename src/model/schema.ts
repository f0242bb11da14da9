import { lazySchema } from '../lazy/zod.js';
import { ACCESS_LEVELS } from './access-level.js';
import { CATALOG_FIELDS } from './catalog.js';
import { SERVICE_PREFIX_RE } from './service-prefix.js';

/** Schema of a normalized catalog (zod, built on first use); snapshots and parsed catalogs are checked with catalog-shape first, with this for the message when that fails. */
export const catalogSchema = lazySchema((z) => {
const names = z.array(z.string().min(1));

const actionResourceType = z
  .object({
    name: z.string().min(1),
    required: z.boolean().optional(),
    conditionKeys: names.optional(),
    dependentActions: names.optional(),
  })
  .strict();

const action = z
  .object({
    name: z.string().min(1),
    truncated: z.literal(true).optional(),
    description: z.string().optional(),
    accessLevel: z.enum(ACCESS_LEVELS).optional(),
    otherAccessLevels: z.array(z.enum(ACCESS_LEVELS)).optional(),
    accessFlags: names.optional(),
    supportedBy: names.optional(),
    resourceTypes: z.array(actionResourceType).optional(),
    conditionKeys: names.optional(),
    dependentActions: names.optional(),
    documentationUrl: z.string().optional(),
    spellings: names.optional(),
    line: z.number().int().positive().optional(),
    file: z.string().optional(),
    pages: z.array(z.object({ page: z.string().min(1), accessLevel: z.enum(ACCESS_LEVELS).optional(), description: z.string().optional() }).strict()).optional(),
  })
  .strict();

return z
  .object({
    service: z.object({ prefix: z.string().regex(SERVICE_PREFIX_RE).max(64), name: z.string().optional() }).strict(),
    source: z
      .object({ format: z.string().min(1), file: z.string(), date: z.string().optional(), label: z.string().optional(), olderLayout: z.boolean().optional(), pages: z.array(z.string()).optional(), retired: z.array(z.string()).optional(), formatVersion: z.string().optional() })
      .strict(),
    carries: z.array(z.enum(CATALOG_FIELDS)),
    actions: z.array(action),
    resourceTypes: z
      .array(z.object({ name: z.string().min(1), arnPattern: z.string().optional(), arnFormats: names.optional(), conditionKeys: names.optional() }).strict())
      .optional(),
    conditionKeys: z
      .array(z.object({ name: z.string().min(1), type: z.string().optional(), description: z.string().optional() }).strict())
      .optional(),
    managedPolicies: z
      .object({ policies: z.array(z.object({ arn: z.string(), name: z.string() }).strict()), patterns: names })
      .strict()
      .optional(),
    operations: z.array(z.object({ name: z.string().min(1), actions: names }).strict()).optional(),
  })
  .strict();
});
