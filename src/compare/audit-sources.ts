import type { Catalog } from '../model/catalog.js';
import { compareNames } from '../model/identity.js';
import { COMPARED_FIELDS, compareSources, type ComparedField, type SourceColumn, type SourceMatrix } from './compare-sources.js';

/** One source of an audit: what was named on the command line, and the services it holds. */
export interface AuditSource extends SourceColumn {
  services: number;
  actions: number;
}

/** One service across the sources that hold it. */
export interface ServiceAudit {
  service: string;
  /** 1-based numbers of the sources that hold the service. */
  sources: number[];
  actions: number;
  withDisagreements: number;
  perField: Record<ComparedField, number>;
}

/** Actions (or services) listed by exactly these sources and not by the others that hold their service. */
export interface ListingGroup {
  /** 1-based source numbers that list them. */
  listedBy: number[];
  /** Source numbers that hold the service (or, for services, every source) but do not list them. */
  missingFrom: number[];
  items: string[];
}

export interface SourceAudit {
  sources: AuditSource[];
  /** Services several sources hold, by name. */
  services: ServiceAudit[];
  /** Actions disagreeing on each field, over all services. */
  perField: Record<ComparedField, number>;
  actions: number;
  withDisagreements: number;
  /** Services only some sources hold. */
  servicesOnlyIn: ListingGroup[];
  /** Actions of a shared service that only some of the sources holding it list (never counting a source that does not list actions). */
  actionsOnlyIn: ListingGroup[];
}

const source = (n: number) => n + 1;

function group(groups: Map<string, ListingGroup>, listedBy: number[], missingFrom: number[], item: string): void {
  const key = listedBy.join(',');
  const g = groups.get(key) ?? { listedBy, missingFrom, items: [] };
  g.items.push(item);
  groups.set(key, g);
}

const sortGroups = (groups: Map<string, ListingGroup>) =>
  [...groups.values()].map((g) => ({ ...g, items: g.items.sort(compareNames) })).sort((a, b) => b.items.length - a.items.length || a.listedBy.join().localeCompare(b.listedBy.join()));

/**
 * Line up whole catalogs (one list of catalogs per source): per service the matrix of
 * compareSources, summed per field and service; services and actions only some sources list.
 */
export function auditSources(columns: SourceColumn[], perSource: Catalog[][]): SourceAudit {
  const byService = new Map<string, (Catalog | undefined)[]>();
  perSource.forEach((catalogs, i) => {
    for (const c of catalogs) {
      const row = byService.get(c.service.prefix) ?? new Array<Catalog | undefined>(perSource.length).fill(undefined);
      row[i] = c;
      byService.set(c.service.prefix, row);
    }
  });
  const perField = Object.fromEntries(COMPARED_FIELDS.map((f) => [f.id, 0])) as Record<ComparedField, number>;
  const services: ServiceAudit[] = [];
  const serviceGroups = new Map<string, ListingGroup>();
  const actionGroups = new Map<string, ListingGroup>();
  let actions = 0;
  let withDisagreements = 0;
  for (const [prefix, row] of [...byService].sort(([a], [b]) => compareNames(a, b))) {
    const holding = row.flatMap((c, i) => (c ? [i] : []));
    if (holding.length < perSource.length) group(serviceGroups, holding.map(source), row.flatMap((c, i) => (c ? [] : [source(i)])), prefix);
    if (holding.length < 2) continue;
    const matrix = compareSources(holding.map((i) => row[i]!));
    const s = serviceAudit(prefix, holding, matrix);
    services.push(s);
    actions += s.actions;
    withDisagreements += s.withDisagreements;
    for (const f of COMPARED_FIELDS) perField[f.id] += s.perField[f.id];
    for (const r of matrix.rows) {
      const listed = r.cells.listed;
      const lists = listed.flatMap((cell, k) => ('value' in cell ? [source(holding[k]!)] : []));
      const lacks = listed.flatMap((cell, k) => ('absent' in cell ? [source(holding[k]!)] : []));
      if (lacks.length > 0 && lists.length > 0) group(actionGroups, lists, lacks, r.action);
    }
  }
  const sources = columns.map((c, i): AuditSource => ({ ...c, services: perSource[i]!.length, actions: perSource[i]!.reduce((n, x) => n + x.actions.length, 0) }));
  return { sources, services, perField, actions, withDisagreements, servicesOnlyIn: sortGroups(serviceGroups), actionsOnlyIn: sortGroups(actionGroups) };
}

function serviceAudit(service: string, holding: number[], m: SourceMatrix): ServiceAudit {
  const perField = Object.fromEntries(COMPARED_FIELDS.map((f) => [f.id, m.rows.filter((r) => r.disagreements.includes(f.id)).length])) as Record<ComparedField, number>;
  return { service, sources: holding.map(source), actions: m.rows.length, withDisagreements: m.rows.filter((r) => r.disagreements.length > 0).length, perField };
}
