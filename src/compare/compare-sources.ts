import type { Action, Catalog, CatalogField } from '../model/catalog.js';
import { actionKey, compareNames } from '../model/identity.js';

/** The fields `compare` lines up across sources. */
export const COMPARED_FIELDS = [
  { id: 'listed', label: 'listed', carriedBy: 'actions' },
  { id: 'accessLevel', label: 'access level', carriedBy: 'accessLevel' },
  { id: 'resourceTypes', label: 'resource types', carriedBy: 'resourceTypes' },
  { id: 'conditionKeys', label: 'condition keys', carriedBy: 'conditionKeys' },
  { id: 'dependentActions', label: 'dependent actions', carriedBy: 'dependentActions' },
  { id: 'description', label: 'description', carriedBy: 'description' },
] as const satisfies readonly { id: string; label: string; carriedBy: CatalogField }[];
export type ComparedField = (typeof COMPARED_FIELDS)[number]['id'];

/** A cell of the matrix: a value, or why there is none. */
export type Cell = { value: string } | { unknown: true } | { absent: true };

/** The value of a list field the source carries but finds empty (`—` is kept for an absent action). */
export const EMPTY_LIST = 'none';

export interface SourceColumn {
  /** `box-table 2022-11-10`: format and the version the source states. */
  name: string;
  file: string;
  carries: CatalogField[];
}

export interface ActionRow {
  /** `service:Action`, canonical spelling. */
  action: string;
  cells: Record<ComparedField, Cell[]>;
  /** Fields on which two or more known values differ. */
  disagreements: ComparedField[];
}

export interface SourceMatrix {
  service: string;
  sources: SourceColumn[];
  /** Sorted by action name. */
  rows: ActionRow[];
}

/** Counts for the summary line. */
export interface MatrixSummary {
  actions: number;
  withDisagreements: number;
  /** Actions disagreeing on each field, in COMPARED_FIELDS order. */
  perField: Record<ComparedField, number>;
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
const listValue = (xs: string[]) => (xs.length ? [...new Set(xs)].sort(compareNames).join(', ') : EMPTY_LIST);

/** The action's own entries of a list field and those on its resource types, or undefined when the source gives none. */
function mergedList(own: string[] | undefined, perResource: (string[] | undefined)[]): string | undefined {
  if (own === undefined && perResource.every((x) => x === undefined)) return undefined;
  return listValue([...(own ?? []), ...perResource.flatMap((x) => x ?? [])]);
}

function fieldValue(a: Action, field: ComparedField): string | undefined {
  switch (field) {
    case 'listed':
      return 'yes';
    case 'accessLevel':
      return a.accessLevel;
    case 'description':
      return a.description === undefined ? undefined : fold(a.description);
    case 'resourceTypes':
      return a.resourceTypes && listValue(a.resourceTypes.map((r) => `${r.name}${r.required ? '*' : ''}`));
    case 'conditionKeys':
      return mergedList(a.conditionKeys, (a.resourceTypes ?? []).map((r) => r.conditionKeys));
    case 'dependentActions':
      return mergedList(a.dependentActions, (a.resourceTypes ?? []).map((r) => r.dependentActions));
  }
}

/** `box-table 2022-11-10` or `policy-sentry-md (policy-sentry-ecr)`. */
export function sourceName(c: Catalog): string {
  return c.source.date ? `${c.source.format} ${c.source.date.slice(0, 10)}` : `${c.source.format} (${c.source.label ?? c.source.file})`;
}

/**
 * Each source's actions by row key. A cut name (`BatchGetRepositoryScanningConfigur…`)
 * takes the key of the one full name it begins among the other sources' actions (not its
 * own source's: those are other actions); otherwise it keeps its own key, `prefix…`.
 */
function actionsByKey(catalogs: Catalog[]): Map<string, Action>[] {
  const fullNames = catalogs.map((c) => new Set(c.actions.filter((a) => !a.truncated).map((a) => actionKey(a.name))));
  const allFull = new Set(fullNames.flatMap((s) => [...s]));
  return catalogs.map((c, i) => {
    const byKey = new Map<string, Action>();
    for (const a of c.actions) if (!a.truncated) byKey.set(actionKey(a.name), a);
    for (const a of c.actions) {
      if (!a.truncated) continue;
      const cut = actionKey(a.name);
      const candidates = [...allFull].filter((k) => k.startsWith(cut) && !fullNames[i]!.has(k));
      const key = candidates.length === 1 && !byKey.has(candidates[0]!) ? candidates[0]! : `${cut}…`;
      byKey.set(key, a);
    }
    return byKey;
  });
}

/** The spelling to show: the first full name a source gives, else the cut name with `…`. */
function displayName(key: string, bySource: Map<string, Action>[]): string {
  const actions = bySource.map((m) => m.get(key)).filter((a): a is Action => a !== undefined);
  const full = actions.find((a) => !a.truncated);
  return full ? full.name : `${actions[0]!.name}…`;
}

function cellOf(c: Catalog, a: Action | undefined, field: (typeof COMPARED_FIELDS)[number]): Cell {
  if (!c.carries.includes('actions')) return { unknown: true };
  if (!a) return { absent: true };
  if (!c.carries.includes(field.carriedBy)) return { unknown: true };
  const v = fieldValue(a, field.id);
  return v === undefined ? { unknown: true } : { value: v };
}

/** `dxcon, dxcon*, dxlag` as the names alone: `dxcon, dxlag`. */
const namesOnly = (value: string) => (value === EMPTY_LIST ? value : [...new Set(value.split(', ').map((n) => n.replace(/\*$/, '')))].join(', '));

/** Known values of a field (an absent action counts as `listed: no`); two different ones are a disagreement. */
function knownValues(field: ComparedField, cells: Cell[]): Set<string> {
  return new Set(cells.flatMap((cell) => ('value' in cell ? [cell.value] : 'absent' in cell && field === 'listed' ? ['no'] : [])));
}

/**
 * Line up several catalogs of one service: for each action (matched case-insensitively;
 * a name cut with `…` stands for the one full name it begins) and field, each source's
 * value, unknown where its format does not carry the field, absent where it lacks the action.
 */
export function compareSources(catalogs: Catalog[]): SourceMatrix {
  const service = catalogs[0]!.service.prefix;
  const bySource = actionsByKey(catalogs);
  const keys = [...new Set(bySource.flatMap((m) => [...m.keys()]))];
  const everyCarriesRequired = catalogs.every((c) => !c.carries.includes('resourceTypes') || c.carries.includes('resourceRequired'));
  const rows = keys.map((key): ActionRow => {
    const cells = {} as Record<ComparedField, Cell[]>;
    const disagreements: ComparedField[] = [];
    for (const f of COMPARED_FIELDS) {
      cells[f.id] = catalogs.map((c, i) => cellOf(c, bySource[i]!.get(key), f));
      const known = knownValues(f.id, cells[f.id]);
      // A source that states no required flag (Service Reference) agrees on the names alone.
      // (The reference may list a type twice, required and optional: dxcon, dxcon*; names alone, it is one.)
      const values = f.id === 'resourceTypes' && !everyCarriesRequired ? new Set([...known].map(namesOnly)) : known;
      if (values.size > 1) disagreements.push(f.id);
    }
    return { action: `${service}:${displayName(key, bySource)}`, cells, disagreements };
  });
  rows.sort((a, b) => compareNames(a.action, b.action));
  return { service, sources: catalogs.map((c) => ({ name: sourceName(c), file: c.source.file, carries: c.carries })), rows };
}

/** How many actions, how many with a disagreement, and how many per field. */
export function summarizeMatrix(m: SourceMatrix): MatrixSummary {
  const perField = {} as Record<ComparedField, number>;
  for (const f of COMPARED_FIELDS) perField[f.id] = m.rows.filter((r) => r.disagreements.includes(f.id)).length;
  return { actions: m.rows.length, withDisagreements: m.rows.filter((r) => r.disagreements.length > 0).length, perField };
}
