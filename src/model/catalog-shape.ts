import { ACCESS_LEVELS } from './access-level.js';
import { CATALOG_FIELDS } from './catalog.js';
import { SERVICE_PREFIX_RE } from './service-prefix.js';

/**
 * A plain check that `data` has the shape catalogSchema (schema.ts, zod) accepts, for the
 * common case: every catalog a parser makes and every snapshot iamdiff wrote passes it, in a
 * fraction of zod's time and without loading zod. When it fails, the caller asks zod, which
 * says where and why. A test holds the two to the same verdict on generated catalogs.
 */
export function hasCatalogShape(data: unknown): boolean {
  if (!isObject(data) || !onlyKeys(data, CATALOG_KEYS)) return false;
  const { service, source, carries, actions, resourceTypes, conditionKeys, managedPolicies, operations } = data;
  if (!isObject(service) || !onlyKeys(service, SERVICE_KEYS)) return false;
  if (typeof service.prefix !== 'string' || service.prefix.length > 64 || !SERVICE_PREFIX_RE.test(service.prefix) || !optString(service.name)) return false;
  if (!isObject(source) || !onlyKeys(source, SOURCE_KEYS) || !nonEmpty(source.format) || typeof source.file !== 'string') return false;
  if (!optString(source.date) || !optString(source.label) || !optString(source.formatVersion)) return false;
  if (source.olderLayout !== undefined && typeof source.olderLayout !== 'boolean') return false;
  if (!optList(source.pages, isString) || !optList(source.retired, isString)) return false;
  if (!Array.isArray(carries) || !carries.every((f) => CARRIED.has(f as string))) return false;
  if (!Array.isArray(actions) || !actions.every(isAction)) return false;
  if (!optList(resourceTypes, (r) => isObject(r) && onlyKeys(r, RESOURCE_TYPE_KEYS) && nonEmpty(r.name) && optString(r.arnPattern) && optNames(r.arnFormats) && optNames(r.conditionKeys))) return false;
  if (!optList(conditionKeys, (k) => isObject(k) && onlyKeys(k, CONDITION_KEY_KEYS) && nonEmpty(k.name) && optString(k.type) && optString(k.description))) return false;
  if (managedPolicies !== undefined) {
    if (!isObject(managedPolicies) || !onlyKeys(managedPolicies, MANAGED_KEYS) || !isNames(managedPolicies.patterns)) return false;
    if (!Array.isArray(managedPolicies.policies) || !managedPolicies.policies.every((p) => isObject(p) && onlyKeys(p, POLICY_KEYS) && isString(p.arn) && isString(p.name))) return false;
  }
  return optList(operations, (o) => isObject(o) && onlyKeys(o, OPERATION_KEYS) && nonEmpty(o.name) && isNames(o.actions));
}

type Obj = Record<string, unknown>;

const CATALOG_KEYS = new Set(['service', 'source', 'carries', 'actions', 'resourceTypes', 'conditionKeys', 'managedPolicies', 'operations']);
const SERVICE_KEYS = new Set(['prefix', 'name']);
const SOURCE_KEYS = new Set(['format', 'file', 'date', 'label', 'olderLayout', 'pages', 'retired', 'formatVersion']);
const ACTION_KEYS = new Set(['name', 'truncated', 'description', 'accessLevel', 'otherAccessLevels', 'accessFlags', 'supportedBy', 'resourceTypes', 'conditionKeys', 'dependentActions', 'documentationUrl', 'spellings', 'line', 'file', 'pages']);
const ACTION_RESOURCE_KEYS = new Set(['name', 'required', 'conditionKeys', 'dependentActions']);
const PAGE_KEYS = new Set(['page', 'accessLevel', 'description']);
const RESOURCE_TYPE_KEYS = new Set(['name', 'arnPattern', 'arnFormats', 'conditionKeys']);
const CONDITION_KEY_KEYS = new Set(['name', 'type', 'description']);
const MANAGED_KEYS = new Set(['policies', 'patterns']);
const POLICY_KEYS = new Set(['arn', 'name']);
const OPERATION_KEYS = new Set(['name', 'actions']);
const CARRIED: ReadonlySet<string> = new Set(CATALOG_FIELDS);
const LEVELS: ReadonlySet<string> = new Set(ACCESS_LEVELS);

const isObject = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const nonEmpty = (x: unknown): boolean => typeof x === 'string' && x.length > 0;
const optString = (x: unknown): boolean => x === undefined || typeof x === 'string';
const isNames = (x: unknown): boolean => Array.isArray(x) && x.every(nonEmpty);
const optNames = (x: unknown): boolean => x === undefined || isNames(x);
const optList = (x: unknown, item: (v: unknown) => boolean): boolean => x === undefined || (Array.isArray(x) && x.every(item));
const isLevel = (x: unknown): boolean => typeof x === 'string' && LEVELS.has(x);

/** No key beyond those allowed (zod's strict objects). */
function onlyKeys(o: Obj, allowed: ReadonlySet<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}

function isAction(a: unknown): boolean {
  if (!isObject(a) || !onlyKeys(a, ACTION_KEYS) || !nonEmpty(a.name)) return false;
  if (a.truncated !== undefined && a.truncated !== true) return false;
  if (!optString(a.description) || !optString(a.documentationUrl) || !optString(a.file)) return false;
  if (a.accessLevel !== undefined && !isLevel(a.accessLevel)) return false;
  if (!optList(a.otherAccessLevels, isLevel) || !optNames(a.accessFlags) || !optNames(a.supportedBy) || !optNames(a.spellings)) return false;
  if (!optNames(a.conditionKeys) || !optNames(a.dependentActions)) return false;
  if (a.line !== undefined && !(typeof a.line === 'number' && Number.isInteger(a.line) && a.line > 0)) return false;
  if (!optList(a.resourceTypes, (r) => isObject(r) && onlyKeys(r, ACTION_RESOURCE_KEYS) && nonEmpty(r.name) && (r.required === undefined || typeof r.required === 'boolean') && optNames(r.conditionKeys) && optNames(r.dependentActions))) return false;
  return optList(a.pages, (p) => isObject(p) && onlyKeys(p, PAGE_KEYS) && nonEmpty(p.page) && (p.accessLevel === undefined || isLevel(p.accessLevel)) && optString(p.description));
}
