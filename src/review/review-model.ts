import { severityRank, type Change, type ChangeKind, type Severity } from '../diff/change.js';
import { changeFingerprint } from '../diff/change-identity.js';
import { kindRank } from '../output/change-tree.js';
import { changeDetail, changeSubject } from '../output/describe-change.js';
import type { ActionLookup } from './action-lookup.js';

/** What narrows the tree (the picker sets it). */
export interface ListFilter {
  service?: string;
  kind?: ChangeKind;
  minSeverity: Severity;
  state: 'all' | 'unreviewed' | 'reviewed';
}

export const NO_FILTER: ListFilter = { minSeverity: 'low', state: 'all' };

/** The changes of a review with what every view needs: fingerprints, services, kinds, search text. */
export interface ReviewModel {
  /** In diff order; a change is known by its index here. */
  all: Change[];
  /** Fingerprint of each change (marks are kept by these; made on first use). */
  readonly fp: string[];
  /** Index of the first change with a fingerprint. */
  readonly byFp: Map<string, number>;
  /** Services with changes, by name. */
  services: string[];
  /** Kinds present, most severe first. */
  kinds: ChangeKind[];
  lookup?: ActionLookup;
  /** Lower-case search text of a change: subject, detail, descriptions of both sides, policies. */
  haystack(i: number): string;
  /** Indices of the changes the filter lets through (the last answer is cached). */
  filtered(filter: ListFilter, reviewed: ReadonlySet<string>): number[];
}

export function createReviewModel(changes: Change[], lookup?: ActionLookup): ReviewModel {
  const all = changes;
  // Fingerprints are made on first use: a first run with no marks draws its first frame without them.
  let fps: string[] | undefined;
  let byFps: Map<string, number> | undefined;
  const fpList = () => (fps ??= all.map(changeFingerprint));
  const services = [...new Set(all.map((c) => c.service))].sort();
  const highest = new Map<ChangeKind, number>();
  for (const c of all) highest.set(c.kind, Math.max(highest.get(c.kind) ?? 0, severityRank(c.severity)));
  const kinds = [...highest.keys()].sort((a, b) => highest.get(b)! - highest.get(a)! || kindRank(a) - kindRank(b) || (a < b ? -1 : 1));
  const texts: (string | undefined)[] = new Array(all.length);
  const haystack = (i: number) => {
    let t = texts[i];
    if (t === undefined) {
      const c = all[i]!;
      const sides = c.action && lookup ? lookup(c.service, c.action) : {};
      const policies = c.policies?.flatMap((p) => [p.pattern, ...p.policies]).join('\n');
      t = texts[i] = [changeSubject(c), c.kind, changeDetail(c), c.before, c.after, sides.before?.description, sides.after?.description, policies].filter(Boolean).join('\n').toLowerCase();
    }
    return t;
  };
  let last: { filter: ListFilter; reviewed: ReadonlySet<string>; result: number[] } | undefined;
  const same = (a: ListFilter, b: ListFilter) => a.service === b.service && a.kind === b.kind && a.minSeverity === b.minSeverity && a.state === b.state;
  return {
    all,
    get fp() {
      return fpList();
    },
    get byFp() {
      if (!byFps) {
        byFps = new Map();
        fpList().forEach((f, i) => {
          if (!byFps!.has(f)) byFps!.set(f, i);
        });
      }
      return byFps;
    },
    services,
    kinds,
    lookup,
    haystack,
    filtered(filter, reviewed) {
      if (last && same(last.filter, filter) && (filter.state === 'all' || last.reviewed === reviewed)) return last.result;
      const min = severityRank(filter.minSeverity);
      const result: number[] = [];
      all.forEach((c, i) => {
        if (filter.service !== undefined && c.service !== filter.service) return;
        if (filter.kind !== undefined && c.kind !== filter.kind) return;
        if (severityRank(c.severity) < min) return;
        if (filter.state !== 'all' && reviewed.has(fpList()[i]!) !== (filter.state === 'reviewed')) return;
        result.push(i);
      });
      last = { filter: { ...filter }, reviewed, result };
      return result;
    },
  };
}

/** Indices of changes whose search text holds `query` (case-insensitive). */
export function searchMatches(model: ReviewModel, query: string): Set<number> {
  const q = query.trim().toLowerCase();
  const out = new Set<number>();
  if (!q) return out;
  for (let i = 0; i < model.all.length; i++) if (model.haystack(i).includes(q)) out.add(i);
  return out;
}

/** `≥ medium`, `kind action-added`… the active filters in words. */
export function filterWords(f: ListFilter): string[] {
  return [
    f.service !== undefined ? `service ${f.service}` : '',
    f.kind !== undefined ? `kind ${f.kind}` : '',
    f.minSeverity !== 'low' ? `≥ ${f.minSeverity}` : '',
    f.state !== 'all' ? `${f.state} only` : '',
  ].filter(Boolean);
}
