import type { SavedReview } from './review-state.js';

/** How saved marks met this run's changes. */
export interface CarryReport {
  /** No saved review to carry from. */
  firstRun: boolean;
  /** Marks of changes still in the diff. */
  carried: number;
  /** Marks of changes no longer in the diff (kept in the file, not shown). */
  gone: number;
  /** Changes no earlier run showed. */
  fresh: number;
}

/** The marks that apply to the changes of this run, and how many were carried, gone and new. */
export function carryMarks(saved: SavedReview | undefined, current: ReadonlySet<string>): { reviewed: Set<string>; exported: Set<string>; report: CarryReport } {
  if (!saved) return { reviewed: new Set(), exported: new Set(), report: { firstRun: true, carried: 0, gone: 0, fresh: current.size } };
  const reviewed = new Set([...saved.reviewed].filter((f) => current.has(f)));
  const exported = new Set([...saved.exported].filter((f) => current.has(f)));
  let fresh = 0;
  for (const f of current) if (!saved.seen.has(f)) fresh++;
  return { reviewed, exported, report: { firstRun: false, carried: reviewed.size, gone: saved.reviewed.size - reviewed.size, fresh } };
}

/** What to save: this run's marks, plus the saved marks of changes not in this run (another run may show them again). */
export function marksToSave(saved: SavedReview | undefined, current: ReadonlySet<string>, marks: { reviewed: ReadonlySet<string>; exported: ReadonlySet<string>; cursor?: string }): SavedReview {
  const keep = (set: ReadonlySet<string> | undefined) => [...(set ?? [])].filter((f) => !current.has(f));
  return {
    reviewed: new Set([...keep(saved?.reviewed), ...marks.reviewed]),
    exported: new Set([...keep(saved?.exported), ...marks.exported]),
    seen: new Set([...(saved?.seen ?? []), ...current]),
    cursor: marks.cursor,
  };
}

/** `marks: 812 carried · 3 gone (changes no longer in this diff) · 41 new changes since the last run`. */
export function carryMessage(r: CarryReport): string | undefined {
  if (r.firstRun) return undefined;
  return `marks: ${r.carried} carried · ${r.gone} gone (changes no longer in this diff) · ${r.fresh} new change${r.fresh === 1 ? '' : 's'} since the last run`;
}
