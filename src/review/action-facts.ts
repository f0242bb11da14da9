import type { Action } from '../model/catalog.js';
import { oneLine } from '../text/sanitize.js';

/** One fact of an action on both sides: a value or a list; undefined where the source does not carry it. */
export interface FactRow {
  label: string;
  before?: string[];
  after?: string[];
  /** A single value (access level, description) rather than a list of items. */
  scalar?: boolean;
  /** The action is not on that side at all. */
  beforeAbsent?: boolean;
  afterAbsent?: boolean;
}

const clean = (xs: string[]) => xs.map(oneLine);

/** Condition keys or dependent actions: the action's own, then each resource type's as `resource: item`. */
function perResource(a: Action | undefined, own: 'conditionKeys' | 'dependentActions'): string[] | undefined {
  if (!a) return undefined;
  const rows = a.resourceTypes?.filter((r) => r[own]?.length) ?? [];
  if (a[own] === undefined && rows.length === 0) return undefined;
  return clean([...(a[own] ?? []), ...rows.flatMap((r) => r[own]!.map((k) => `${r.name}: ${k}`))]);
}

/** Fields shown by name above, or not facts of the action at all. */
const KNOWN = new Set(['name', 'truncated', 'description', 'accessLevel', 'resourceTypes', 'conditionKeys', 'dependentActions', 'documentationUrl', 'spellings', 'line', 'file']);

/** `supportedBy` → `supported by`. */
const words = (field: string) => field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** Facts a format brings that this pane has no row for (flags, operations…): a row each, named after the field. */
function otherFacts(before: Action | undefined, after: Action | undefined): FactRow[] {
  const value = (a: Action | undefined, f: string): string[] | undefined => {
    const v = (a as Record<string, unknown> | undefined)?.[f];
    if (typeof v === 'string') return [oneLine(v)];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return clean(v as string[]);
    return undefined;
  };
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((f) => !KNOWN.has(f)).sort();
  return fields.flatMap((f) => {
    const [b, a] = [value(before, f), value(after, f)];
    return b === undefined && a === undefined ? [] : [{ label: words(f), before: b, after: a }];
  });
}

/** The facts of an action, old beside new: access level, resource types (`*` required), condition keys, dependent actions, any other facts its format has, description. */
export function actionFacts(before: Action | undefined, after: Action | undefined): FactRow[] {
  const level = (a?: Action) => (a?.accessLevel ? [a.accessLevel] : undefined);
  const resources = (a?: Action) => a?.resourceTypes && clean(a.resourceTypes.map((r) => `${r.name}${r.required ? '*' : ''}`));
  const description = (a?: Action) => (a?.description ? [oneLine(a.description)] : undefined);
  const absent = { beforeAbsent: !before, afterAbsent: !after };
  return ([
    { label: 'access level', before: level(before), after: level(after), scalar: true },
    { label: 'resource types', before: resources(before), after: resources(after) },
    { label: 'condition keys', before: perResource(before, 'conditionKeys'), after: perResource(after, 'conditionKeys') },
    { label: 'dependent actions', before: perResource(before, 'dependentActions'), after: perResource(after, 'dependentActions') },
    ...otherFacts(before, after),
    { label: 'description', before: description(before), after: description(after), scalar: true },
  ] as FactRow[]).map((r) => ({ ...r, ...absent }));
}

/** An http(s) URL safe to print, open or copy; anything else is refused. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const u = url.trim();
  if (!/^https?:\/\/[^\s"'<>\\^`{|}\u0000-\u001f\u007f-\u009f]+$/i.test(u)) return undefined;
  try {
    new URL(u);
    return u;
  } catch {
    return undefined;
  }
}
