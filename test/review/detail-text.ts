import type { Change } from '../../src/diff/change.js';
import type { DiffResult } from '../../src/diff/diff-result.js';
import { countChanges } from '../../src/output/change-tree.js';
import type { ActionLookup } from '../../src/review/action-lookup.js';
import { detailLines } from '../../src/review/detail-lines.js';
import { createReviewModel } from '../../src/review/review-model.js';
import type { TreeNode } from '../../src/review/review-tree.js';

/** What the review's detail pane shows for one change, `width` columns wide, as plain text (white space folded). */
export function detailText(result: DiffResult, lookup: ActionLookup | undefined, change: Change, width = 120): string {
  const model = createReviewModel(result.changes, lookup);
  const index = result.changes.indexOf(change);
  const leaf: TreeNode = { id: `c:${index}`, type: 'change', depth: 0, label: change.kind, items: [index], counts: countChanges([change]), children: [], pos: 0, change: index, withAction: true };
  const lines = detailLines(leaf, { model, sides: result, reviewed: new Set(), exported: new Set(), query: '' }, width);
  return lines.map((l) => l.map((s) => s.text).join('')).join('\n').replace(/\s+/g, ' ');
}
