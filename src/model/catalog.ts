import type { AccessLevel } from './access-level.js';

/**
 * Fields a source format may or may not carry. A field a format does not carry is
 * absent (unknown) on every action; a field it carries but finds empty is `[]`.
 */
export const CATALOG_FIELDS = [
  'actions',
  'description',
  'accessLevel',
  'resourceTypes',
  'conditionKeys',
  'dependentActions',
  'documentationUrl',
  'serviceResourceTypes',
  'serviceConditionKeys',
  'managedPolicies',
  // Added with the Service Reference JSON (issue #12).
  'resourceRequired',
  'accessFlags',
  'arnFormats',
  'supportedBy',
  'operations',
] as const;
export type CatalogField = (typeof CATALOG_FIELDS)[number];

/** Human names of the fields, for "not compared" notes. */
export const FIELD_LABELS: Record<CatalogField, string> = {
  actions: 'the complete list of actions',
  description: 'description',
  accessLevel: 'access level',
  resourceTypes: 'resource types of actions',
  conditionKeys: 'condition keys of actions',
  dependentActions: 'dependent actions',
  documentationUrl: 'documentation URL',
  serviceResourceTypes: 'resource types (ARN patterns)',
  serviceConditionKeys: 'service condition keys',
  managedPolicies: 'managed policies',
  resourceRequired: 'required flag of resource types',
  accessFlags: 'access flags (IsWrite, IsList, …)',
  arnFormats: 'every ARN format of a resource type',
  supportedBy: 'SupportedBy (Access Analyzer policy generation, last accessed)',
  operations: 'API operations and the actions they need',
};

/**
 * Fields only some publishers give: a diff says "not compared" for one of them only when a
 * side comes from such a publisher (a Policy Sentry page and a box table lack them both, and
 * saying so would be noise).
 */
export const PUBLISHER_FIELDS: Partial<Record<CatalogField, readonly string[]>> = {
  accessFlags: ['service-reference-json'],
  arnFormats: ['service-reference-json'],
  supportedBy: ['service-reference-json'],
  operations: ['service-reference-json'],
};

/** Fields that refine another: not compared along with it, so only the wider field is named. */
export const FIELD_PARENTS: Partial<Record<CatalogField, CatalogField>> = {
  resourceRequired: 'resourceTypes',
  arnFormats: 'serviceResourceTypes',
};

/** Where a catalog came from. */
export interface SourceInfo {
  /** Parser id, e.g. `policy-sentry-md`. */
  format: string;
  /** The file it was read from, as given on the command line (`-` for stdin). */
  file: string;
  /** The date the document states (ISO `YYYY-MM-DD` or a full timestamp), if any. */
  date?: string;
  /** A label for the version when there is no date (set by the user or taken from the file name). */
  label?: string;
  /**
   * The page is in the documentation site's layout from before 2025. Beside a page of the
   * same prefix in the current layout it is a retired copy (see merge-pages).
   */
  olderLayout?: boolean;
  /** Every page of the prefix, when the service was published on several (see merge-pages). */
  pages?: string[];
  /** Pages of the prefix left out as retired copies of a newer page (see retired-pages). */
  retired?: string[];
  /** The schema version the document states (Service Reference `Version`: `v1.2`); what it carries may depend on it. */
  formatVersion?: string;
}

/** A resource type an action takes. */
export interface ActionResourceType {
  name: string;
  /** The `*` flag of the reference: the action needs an ARN of this type; absent where the format does not carry it. */
  required?: boolean;
  conditionKeys?: string[];
  dependentActions?: string[];
}

export interface Action {
  /** Action name without the service prefix, canonical spelling. */
  name: string;
  /** The source cut the name (`BatchGetRepositoryScanningConfigur…`): `name` is the known prefix. */
  truncated?: boolean;
  description?: string;
  accessLevel?: AccessLevel;
  /**
   * Further levels the source lists beside `accessLevel` (iam-data writes
   * `Permissions management, Write`: `accessLevel` is the first, `Write` is here).
   */
  otherAccessLevels?: AccessLevel[];
  resourceTypes?: ActionResourceType[];
  /** Condition keys of the action itself (not tied to one of its resource types). */
  conditionKeys?: string[];
  /** Dependent actions of the action itself (not tied to one of its resource types). */
  dependentActions?: string[];
  documentationUrl?: string;
  /**
   * The raw access flags a source gives (Service Reference `Annotations.Properties` that are
   * true: `IsWrite`, `IsTaggingOnly`, …), sorted; `accessLevel` is derived from them.
   */
  accessFlags?: string[];
  /** Features that support the action (Service Reference `SupportedBy` entries that are true), sorted. */
  supportedBy?: string[];
  /** Other spellings the source used for this action (e.g. `describeImages`). */
  spellings?: string[];
  /** 1-based line in the source file where the action is defined. */
  line?: number;
  /** The file that defined it, when a catalog was merged from several pages. */
  file?: string;
  /**
   * When several merged pages define the action: each page's own access level and
   * description (they can disagree; the action's fields are the leading page's).
   */
  pages?: ActionPageFacts[];
}

/** What one page of a merged catalog says of an action. */
export interface ActionPageFacts {
  /** The page's file name (the same in every version's directory). */
  page: string;
  accessLevel?: AccessLevel;
  description?: string;
}

/** A resource type the service defines. */
export interface ResourceType {
  name: string;
  arnPattern?: string;
  /** Every ARN format, where the source lists several (Service Reference `ARNFormats`); `arnPattern` is the first. */
  arnFormats?: string[];
  conditionKeys?: string[];
}

/** An API operation and the actions that authorize it (Service Reference `Operations`). */
export interface Operation {
  name: string;
  /** `service:Action`, sorted. */
  actions: string[];
}

/** A condition key the service defines. */
export interface ConditionKey {
  name: string;
  type?: string;
  description?: string;
}

/** An AWS managed policy that grants some of the service's actions. */
export interface ManagedPolicy {
  arn: string;
  name: string;
}

/** What a managed-policy page says about the service. */
export interface ManagedPolicyGrants {
  policies: ManagedPolicy[];
  /** Allowed action patterns as written, wildcards included (`ecr:Describe*`). */
  patterns: string[];
}

/** One service's catalog, as read from one source. */
export interface Catalog {
  service: { prefix: string; name?: string };
  source: SourceInfo;
  /** Which fields this catalog's format carries; fields not listed are unknown. */
  carries: CatalogField[];
  actions: Action[];
  resourceTypes?: ResourceType[];
  conditionKeys?: ConditionKey[];
  managedPolicies?: ManagedPolicyGrants;
  operations?: Operation[];
}
