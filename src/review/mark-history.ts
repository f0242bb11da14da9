/** The two kinds of marks: reviewed, and selected for export. Sets of change fingerprints. */
export interface MarkSets {
  reviewed: ReadonlySet<string>;
  exported: ReadonlySet<string>;
}

/** One bulk or single mark, undoable: the sets before and after, and what it did in words. */
export interface MarkStep {
  before: MarkSets;
  after: MarkSets;
  what: string;
}

export function markStep(before: MarkSets, after: MarkSets, what: string): MarkStep {
  return { before, after, what };
}

/** Go back one step: the marks before it, the step moved to the redo list. */
export function undo(undoList: MarkStep[], redoList: MarkStep[]): { marks: MarkSets; undo: MarkStep[]; redo: MarkStep[]; what: string } | undefined {
  const step = undoList.at(-1);
  if (!step) return undefined;
  return { marks: step.before, undo: undoList.slice(0, -1), redo: [...redoList, step], what: step.what };
}

/** Do again the last step undone. */
export function redo(undoList: MarkStep[], redoList: MarkStep[]): { marks: MarkSets; undo: MarkStep[]; redo: MarkStep[]; what: string } | undefined {
  const step = redoList.at(-1);
  if (!step) return undefined;
  return { marks: step.after, undo: [...undoList, step], redo: redoList.slice(0, -1), what: step.what };
}
