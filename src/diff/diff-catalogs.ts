import type { Catalog } from '../model/catalog.js';
import { CATALOG_FIELDS, FIELD_LABELS } from '../model/catalog.js';
import { InputError } from '../model/errors.js';
import type { Change } from './change.js';
import { filterResult } from './filter-changes.js';
import { compareCatalogs } from './compare-catalogs.js';
import type { DiffResult, DiffSide, NotCompared } from './diff-result.js';
import { makeChange } from './make-change.js';
import { sortChanges } from './sort-changes.js';
import { withFingerprint } from './fingerprint.js';
import { appendAll } from '../util/append-all.js';

function byPrefix(catalogs: Catalog[], path: string): Map<string, Catalog> {
  const map = new Map<string, Catalog>();
  for (const c of catalogs) {
    const other = map.get(c.service.prefix);
    if (other) throw new InputError(path, `holds two catalogs of service ${c.service.prefix} (${other.source.file} and ${c.source.file}): cannot tell which to compare; for versions of one service use iamdiff log`);
    map.set(c.service.prefix, c);
  }
  return map;
}

function side(path: string, catalogs: Catalog[]): DiffSide {
  const formats = [...new Set(catalogs.map((c) => c.source.format))];
  const dates = [...new Set(catalogs.map((c) => c.source.date).filter((d): d is string => !!d))];
  const labels = [...new Set(catalogs.map((c) => c.source.label).filter((d): d is string => !!d))];
  const s: DiffSide = { path, format: formats.length === 1 ? formats[0]! : 'mixed', services: catalogs.map((c) => c.service.prefix).sort() };
  if (dates.length === 1) s.date = dates[0];
  if (labels.length === 1 && dates.length === 0) s.label = labels[0];
  return s;
}

/** Diff two sets of catalogs, paired by service prefix. */
export function diffCatalogs(oldPath: string, oldCatalogs: Catalog[], newPath: string, newCatalogs: Catalog[]): DiffResult {
  const olds = byPrefix(oldCatalogs, oldPath);
  const news = byPrefix(newCatalogs, newPath);
  const changes: Change[] = [];
  const gaps = new Map<string, NotCompared>();
  for (const [prefix, o] of olds) {
    const n = news.get(prefix);
    if (!n) {
      changes.push(makeChange('service-removed', { service: prefix, before: o.service.name }));
      continue;
    }
    const r = compareCatalogs(o, n);
    appendAll(changes, r.changes);
    for (const g of r.gaps) {
      const id = `${g.field}\u0000${g.reason}`;
      const entry = gaps.get(id) ?? { field: g.field, label: FIELD_LABELS[g.field], reason: g.reason, services: [] };
      entry.services.push(prefix);
      gaps.set(id, entry);
    }
  }
  for (const [prefix, n] of news) {
    if (!olds.has(prefix)) changes.push(makeChange('service-added', { service: prefix, after: n.service.name }));
  }
  sortChanges(changes);
  for (let i = 0; i < changes.length; i++) changes[i] = withFingerprint(changes[i]!);
  const notCompared = [...gaps.values()].map((g) => ({ ...g, services: g.services.sort() })).sort((a, b) => CATALOG_FIELDS.indexOf(a.field) - CATALOG_FIELDS.indexOf(b.field) || (a.reason < b.reason ? -1 : 1));
  return filterResult({ old: side(oldPath, oldCatalogs), new: side(newPath, newCatalogs), notCompared, summary: {}, changes }, {});
}
