import { SEVERITIES, severityRank, type ChangeKind, type Severity } from '../diff/change.js';
import { NO_FILTER, type ListFilter, type ReviewModel } from './review-model.js';

/** One choice of the filter picker. */
export type PickerItem =
  | { facet: 'clear'; label: string; count: number }
  | { facet: 'severity'; value: Severity; label: string; count: number }
  | { facet: 'state'; value: ListFilter['state']; label: string; count: number }
  | { facet: 'kind'; value?: ChangeKind; label: string; count: number }
  | { facet: 'service'; value?: string; label: string; count: number };

const counted = new WeakMap<ReviewModel, { services: Map<string, number>; kinds: Map<string, number>; atLeast: Map<Severity, number> }>();

function counts(model: ReviewModel) {
  let c = counted.get(model);
  if (!c) {
    const services = new Map<string, number>();
    const kinds = new Map<string, number>();
    const atLeast = new Map<Severity, number>(SEVERITIES.map((s) => [s, 0]));
    for (const ch of model.all) {
      services.set(ch.service, (services.get(ch.service) ?? 0) + 1);
      kinds.set(ch.kind, (kinds.get(ch.kind) ?? 0) + 1);
      for (const s of SEVERITIES) if (severityRank(ch.severity) >= severityRank(s)) atLeast.set(s, atLeast.get(s)! + 1);
    }
    counted.set(model, (c = { services, kinds, atLeast }));
  }
  return c;
}

/** Every choice: clear, severities, review states, kinds (most severe first), services (by name). */
export function pickerItems(model: ReviewModel, filter: ListFilter, reviewed: ReadonlySet<string>): PickerItem[] {
  const c = counts(model);
  const marked = model.fp.filter((f) => reviewed.has(f)).length;
  const items: PickerItem[] = [];
  const active = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
  if (active) items.push({ facet: 'clear', label: 'clear every filter', count: model.all.length });
  for (const s of [...SEVERITIES].reverse()) items.push({ facet: 'severity', value: s, label: s === 'low' ? 'any severity' : `≥ ${s}`, count: c.atLeast.get(s)! });
  items.push({ facet: 'state', value: 'unreviewed', label: 'unreviewed only', count: model.all.length - marked });
  items.push({ facet: 'state', value: 'reviewed', label: 'reviewed only', count: marked });
  items.push({ facet: 'state', value: 'all', label: 'reviewed or not', count: model.all.length });
  if (filter.kind !== undefined) items.push({ facet: 'kind', label: 'every kind', count: model.all.length });
  for (const k of model.kinds) items.push({ facet: 'kind', value: k, label: k, count: c.kinds.get(k) ?? 0 });
  if (filter.service !== undefined) items.push({ facet: 'service', label: 'every service', count: model.all.length });
  for (const s of model.services) items.push({ facet: 'service', value: s, label: s, count: c.services.get(s) ?? 0 });
  return items;
}

/** The items whose `facet label` holds every word typed (case-insensitive); a service named exactly comes first. */
export function narrowItems(items: PickerItem[], text: string): PickerItem[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return items;
  const hits = items.filter((it) => {
    const hay = `${it.facet} ${it.label}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const exact = hits.findIndex((it) => it.label.toLowerCase() === text.trim().toLowerCase());
  if (exact > 0) hits.unshift(...hits.splice(exact, 1));
  return hits;
}

/** The filter after choosing an item. */
export function applyItem(filter: ListFilter, item: PickerItem): ListFilter {
  switch (item.facet) {
    case 'clear':
      return { ...NO_FILTER };
    case 'severity':
      return { ...filter, minSeverity: item.value };
    case 'state':
      return { ...filter, state: item.value };
    case 'kind':
      return { ...filter, kind: item.value };
    case 'service':
      return { ...filter, service: item.value };
  }
}

/** Whether an item is the filter in force (shown with a dot). */
export function isActive(filter: ListFilter, item: PickerItem): boolean {
  switch (item.facet) {
    case 'clear':
      return false;
    case 'severity':
      return filter.minSeverity === item.value;
    case 'state':
      return filter.state === item.value;
    case 'kind':
      return filter.kind === item.value;
    case 'service':
      return filter.service === item.value;
  }
}
