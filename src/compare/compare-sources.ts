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
  rows: ActionRow[];
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
const listValue = (xs: string[]) => (xs.length ? [...xs].sort(compareNames).join(', ') : '—');

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
    case 'conditionKeys': {
      if (a.conditionKeys === undefined && !a.resourceTypes?.some((r) => r.conditionKeys)) return undefined;
      return listValue([...new Set([...(a.conditionKeys ?? []), ...(a.resourceTypes ?? []).flatMap((r) => r.conditionKeys ?? [])])]);
    }
    case 'dependentActions': {
      if (a.dependentActions === undefined && !a.resourceTypes?.some((r) => r.dependentActions)) return undefined;
      return listValue([...new Set([...(a.dependentActions ?? []), ...(a.resourceTypes ?? []).flatMap((r) => r.dependentActions ?? [])])]);
    }
  }
}

/** `box-table 2022-11-10` or `policy-sentry-md (policy-sentry-ecr)`. */
function sourceName(c: Catalog): string {
  return c.source.date ? `${c.source.format} ${c.source.date.slice(0, 10)}` : `${c.source.format} (${c.source.label ?? c.source.file})`;
}

/**
 * Line up several catalogs of one service: for each action (matched case-insensitively;
 * a name cut with `…` stands for the one full name it begins) and field, each source's
 * value, unknown where its format does not carry the field, absent where it lacks the action.
 */
export function compareSources(catalogs: Catalog[]): SourceMatrix {
  const service = catalogs[0]!.service.prefix;
  const full = new Map<string, string>(); // key → canonical name, from names not truncated
  for (const c of catalogs) for (const a of c.actions) if (!a.truncated && !full.has(actionKey(a.name))) full.set(actionKey(a.name), a.name);
  const resolve = (a: Action): string => {
    if (!a.truncated) return actionKey(a.name);
    const prefix = actionKey(a.name);
    const candidates = [...full.keys()].filter((k) => k.startsWith(prefix));
    return candidates.length === 1 ? candidates[0]! : `${prefix}…`;
  };
  const bySource = catalogs.map((c) => new Map(c.actions.map((a) => [resolve(a), a])));
  const keys = [...new Set(bySource.flatMap((m) => [...m.keys()]))];
  const rows = keys.map((key): ActionRow => {
    const name = full.get(key) ?? bySource.map((m) => m.get(key)?.name).find(Boolean)! + (key.endsWith('…') ? '…' : '');
    const cells = {} as Record<ComparedField, Cell[]>;
    const disagreements: ComparedField[] = [];
    for (const f of COMPARED_FIELDS) {
      cells[f.id] = catalogs.map((c, i): Cell => {
        const a = bySource[i]!.get(key);
        if (!c.carries.includes(f.carriedBy)) return { unknown: true };
        if (!a) return c.carries.includes('actions') ? { absent: true } : { unknown: true };
        const v = f.id === 'listed' ? 'yes' : fieldValue(a, f.id);
        return v === undefined ? { unknown: true } : { value: v };
      });
      const known = new Set(cells[f.id].flatMap((cell) => ('value' in cell ? [cell.value] : 'absent' in cell && f.id === 'listed' ? ['no'] : [])));
      if (known.size > 1) disagreements.push(f.id);
    }
    return { action: `${service}:${name}`, cells, disagreements };
  });
  rows.sort((a, b) => compareNames(a.action, b.action));
  return { service, sources: catalogs.map((c) => ({ name: sourceName(c), file: c.source.file, carries: c.carries })), rows };
}
