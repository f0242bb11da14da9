import { CHANGE_KINDS, severityRank, type Change, type ChangeKind, type Severity } from '../diff/change.js';
import { changeSubject } from '../output/describe-change.js';
import type { ActionLookup } from './action-lookup.js';
import { changeKey } from './change-key.js';

/** What narrows the list. */
export interface ListFilter {
  kind: ChangeKind | 'all';
  minSeverity: Severity;
  /** Search text; matched case-insensitively against action names and descriptions. */
  query: string;
  unreviewedOnly: boolean;
}

/** The changes of a review, in list order, with cached keys and search text. */
export interface ReviewModel {
  /** Severity (high first), then kind, then diff order. */
  all: Change[];
  /** Kinds present, in CHANGE_KINDS order. */
  kinds: ChangeKind[];
  keyOf(c: Change): string;
  /** The changes the filter lets through (the last answer is cached). */
  shown(filter: ListFilter, reviewed: ReadonlySet<string>): Change[];
}

const kindOrder = new Map(CHANGE_KINDS.map((k, i) => [k, i]));

/** Group order: severity, high first, then kind. */
export function compareGroups(a: Change, b: Change): number {
  return severityRank(b.severity) - severityRank(a.severity) || kindOrder.get(a.kind)! - kindOrder.get(b.kind)!;
}

export function createReviewModel(changes: Change[], lookup?: ActionLookup): ReviewModel {
  const all = changes.map((c, i) => ({ c, i })).sort((x, y) => compareGroups(x.c, y.c) || x.i - y.i).map((x) => x.c);
  const kinds = CHANGE_KINDS.filter((k) => changes.some((c) => c.kind === k));
  const keys = new Map<Change, string>();
  const keyOf = (c: Change) => {
    let k = keys.get(c);
    if (k === undefined) keys.set(c, (k = changeKey(c)));
    return k;
  };
  const texts = new Map<Change, string>();
  const haystack = (c: Change) => {
    let t = texts.get(c);
    if (t === undefined) {
      const sides = c.action && lookup ? lookup(c.service, c.action) : {};
      const policies = c.policies?.flatMap((p) => [p.pattern, ...p.policies]).join('\n');
      t = [changeSubject(c), c.before, c.after, c.candidates?.join(' '), sides.before?.description, sides.after?.description, policies].filter(Boolean).join('\n').toLowerCase();
      texts.set(c, t);
    }
    return t;
  };
  let last: { filter: ListFilter; reviewed: ReadonlySet<string>; result: Change[] } | undefined;
  const same = (a: ListFilter, b: ListFilter) => a.kind === b.kind && a.minSeverity === b.minSeverity && a.query === b.query && a.unreviewedOnly === b.unreviewedOnly;
  return {
    all,
    kinds,
    keyOf,
    shown(filter, reviewed) {
      if (last && same(last.filter, filter) && (!filter.unreviewedOnly || last.reviewed === reviewed)) return last.result;
      const min = severityRank(filter.minSeverity);
      const q = filter.query.trim().toLowerCase();
      const result = all.filter(
        (c) =>
          (filter.kind === 'all' || c.kind === filter.kind) &&
          severityRank(c.severity) >= min &&
          (!filter.unreviewedOnly || !reviewed.has(keyOf(c))) &&
          (q === '' || haystack(c).includes(q)),
      );
      last = { filter: { ...filter }, reviewed, result };
      return result;
    },
  };
}

/** A line of the list: a group header or a change. */
export type ListRow = { type: 'header'; severity: Severity; kind: ChangeKind; count: number } | { type: 'change'; change: Change; index: number };

/** Rows with a header before each severity+kind group; `rowOf[i]` is the row of shown change i. */
export function buildRows(shown: Change[]): { rows: ListRow[]; rowOf: number[] } {
  const rows: ListRow[] = [];
  const rowOf: number[] = new Array(shown.length);
  let header: Extract<ListRow, { type: 'header' }> | undefined;
  shown.forEach((c, index) => {
    if (!header || header.severity !== c.severity || header.kind !== c.kind) {
      header = { type: 'header', severity: c.severity, kind: c.kind, count: 0 };
      rows.push(header);
    }
    header.count++;
    rowOf[index] = rows.length;
    rows.push({ type: 'change', change: c, index });
  });
  return { rows, rowOf };
}
