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

/** The facts of an action, old beside new: access level, resource types (`*` required), condition keys, dependent actions, description. */
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
