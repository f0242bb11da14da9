import type { Severity } from '../diff/change.js';
import { changeDetail } from '../output/describe-change.js';
import { oneLine } from '../text/sanitize.js';
import { highlight } from './detail-lines.js';
import type { ReviewModel } from './review-model.js';
import { isOpen, pathTo, type ReviewTree, type TreeNode } from './review-tree.js';
import { SEVERITY_COLOR } from './style.js';
import { fitLine, seg, type Line, type Seg } from './styled-text.js';
import { thousands } from '../text/thousands.js';

/** What a row needs besides its node. */
export interface RowContext {
  model: ReviewModel;
  tree: ReviewTree;
  expanded: ReadonlyMap<string, boolean>;
  reviewed: ReadonlySet<string>;
  exported: ReadonlySet<string>;
  query: string;
  matches: ReadonlySet<number>;
}

const n = thousands;
const TAG: Record<Severity, string> = { high: 'HIGH', medium: 'MED ', low: 'LOW ' };
const sevTag = (s: Severity): Seg => seg(TAG[s], { color: SEVERITY_COLOR[s], bold: s === 'high' });

/** `✓` all reviewed, `·` some, ` ` none; the same with `●`/`∘` for the export selection. */
function markCells(node: TreeNode, ctx: RowContext): Seg[] {
  if (ctx.reviewed.size === 0 && ctx.exported.size === 0) return [seg('  ')];
  let r = 0;
  let e = 0;
  for (const i of node.items) {
    const f = ctx.model.fp[i]!;
    if (ctx.reviewed.has(f)) r++;
    if (ctx.exported.has(f)) e++;
  }
  const n = node.items.length;
  return [seg(r === n ? '✓' : r > 0 ? '·' : ' ', { color: 'green' }), seg(e === n ? '●' : e > 0 ? '∘' : ' ', { color: 'magenta' })];
}

/** One row of the tree: cursor, marks, indent, open/closed, label, counts or the change. */
export function rowLine(node: TreeNode, ctx: RowContext, selected: boolean, focused: boolean, w: number): Line {
  const out: Seg[] = [seg(selected ? '›' : ' '), ...markCells(node, ctx), seg(' ' + '  '.repeat(node.depth))];
  if (node.change !== undefined) {
    const c = ctx.model.all[node.change]!;
    out.push(seg(node.children.length ? '' : '  '), sevTag(c.severity), seg(' '));
    if (node.withAction) out.push(...highlight(oneLine(node.label), ctx.query, { bold: true }), seg('  '));
    out.push(...highlight(c.kind, ctx.query, { color: SEVERITY_COLOR[c.severity] }));
    const detail = changeDetail(c);
    if (detail) out.push(seg('  '), ...highlight(detail, ctx.query, { dim: !selected }));
  } else {
    const open = isOpen(ctx.tree, ctx.expanded, node);
    out.push(seg(open ? '▾ ' : '▸ ', { dim: true }));
    out.push(...highlight(oneLine(node.label), node.type === 'group' ? '' : ctx.query, { bold: true, color: node.type === 'group' && ctx.tree.order === 'severity' ? SEVERITY_COLOR[node.counts.highest] : undefined }));
    const { total, bySeverity } = node.counts;
    const levels = (['high', 'medium', 'low'] as const).filter((l) => bySeverity[l] > 0);
    if (node.type === 'group') out.push(seg(`  ${node.children.length} service${node.children.length === 1 ? '' : 's'} · ${n(total)} change${total === 1 ? '' : 's'}`, { dim: true }));
    else out.push(seg(` (${n(total)})  `, { dim: true }));
    // the count at each level, the highest first, in its colour
    if (node.type !== 'group') levels.forEach((l, i) => out.push(seg(`${i ? ' · ' : ''}${n(bySeverity[l])} ${l}`, { color: SEVERITY_COLOR[l], bold: i === 0 && l === 'high' })));
    if (ctx.matches.size) {
      const hits = node.items.filter((i) => ctx.matches.has(i)).length;
      if (hits) out.push(seg(`  ${hits} match${hits === 1 ? '' : 'es'}`, { color: 'magenta' }));
    }
  }
  const line = fitLine(out, w);
  return selected ? line.map((s) => ({ ...s, inverse: focused ? !s.inverse : s.inverse, bold: focused ? s.bold : true })) : line;
}

/** The sticky breadcrumb: `HIGH › ec2 › ec2:RunInstances · change 12 of 5,099`. */
export function breadcrumb(node: TreeNode | undefined, tree: ReviewTree): string {
  if (!node) return 'no changes match the filters (f picks filters, F clears them)';
  const path = pathTo(node)
    .filter((n) => n.type !== 'change' || n.withAction)
    .map((n) => oneLine(n.label));
  const pos = (tree.leafPos.get(node.items[0]!) ?? 0) + 1;
  const n = tree.leafOrder.length;
  const where = node.change !== undefined ? `change ${thousands(pos)} of ${thousands(n)}` : `${thousands(node.items.length)} of ${thousands(n)} changes`;
  return `${path.join(' › ')} · ${where}`;
}
