import { searchMatches, type ReviewModel } from './review-model.js';
import type { ReviewState, View } from './review-reducer.js';
import { cursorRow } from './review-reducer.js';
import { buildTree, visibleRows, type ReviewTree, type TreeNode } from './review-tree.js';

/**
 * The view of a state, remembering the last tree (filter, order, marks when the filter
 * looks at them), rows (tree, open nodes) and search matches, so a key that moves the
 * cursor rebuilds nothing.
 */
export function createViewCache(model: ReviewModel): (s: ReviewState) => View {
  let treeKey: unknown[] = [];
  let tree: ReviewTree | undefined;
  let rowsKey: unknown[] = [];
  let rows: TreeNode[] = [];
  let matchKey: string | undefined;
  let matches: ReadonlySet<number> = new Set();
  const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return (s) => {
    const f = s.filter;
    const tk = [f.service, f.kind, f.minSeverity, f.state, s.order, f.state === 'all' ? undefined : s.marks.reviewed];
    if (!tree || !same(tk, treeKey)) {
      tree = buildTree(model, model.filtered(f, s.marks.reviewed), s.order);
      treeKey = tk;
    }
    const rk = [tree, s.expanded];
    if (!same(rk, rowsKey)) {
      rows = visibleRows(tree, s.expanded);
      rowsKey = rk;
    }
    if (s.query !== matchKey) {
      matches = searchMatches(model, s.query);
      matchKey = s.query;
    }
    return { tree, rows, sel: cursorRow(s.cursor, rows), matches };
  };
}
