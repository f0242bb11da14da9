import type { Change } from '../diff/change.js';
import type { DiffSide, NotCompared } from '../diff/diff-result.js';
import { wordDiff } from '../diff/word-diff.js';
import { severityCounts } from '../output/change-tree.js';
import { changeDetail, changeSubject, sideName } from '../output/describe-change.js';
import { impactLines } from '../output/policy-impact-text.js';
import { oneLine, stripControl } from '../text/sanitize.js';
import { actionFacts, safeUrl, type FactRow } from './action-facts.js';
import type { ReviewModel } from './review-model.js';
import type { TreeNode } from './review-tree.js';
import { SEVERITY_COLOR } from './style.js';
import { fitLine, seg, width, wrapLine, type Line, type Seg } from './styled-text.js';
import { thousands } from '../text/thousands.js';

export interface DetailContext {
  model: ReviewModel;
  sides: { old: DiffSide; new: DiffSide; notCompared?: NotCompared[] };
  reviewed: ReadonlySet<string>;
  exported: ReadonlySet<string>;
  /** The search, highlighted where it occurs. */
  query: string;
}

/** Segments of `text` with every occurrence of `query` in inverse. */
export function highlight(text: string, query: string, style: Omit<Seg, 'text'> = {}): Seg[] {
  const q = query.trim().toLowerCase();
  if (!q) return [seg(text, style)];
  const out: Seg[] = [];
  const lower = text.toLowerCase();
  let at = 0;
  for (let i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + q.length)) {
    if (i > at) out.push(seg(text.slice(at, i), style));
    out.push(seg(text.slice(i, i + q.length), { ...style, inverse: true }));
    at = i + q.length;
  }
  if (at < text.length) out.push(seg(text.slice(at), style));
  return out;
}

/** The documentation URL of the node's action (newer side first), if safe to show. */
export function docUrl(node: TreeNode | undefined, model: ReviewModel): string | undefined {
  const c = node ? model.all[node.items[0]!] : undefined;
  if (!c?.action || !model.lookup || node?.type === 'service' || node?.type === 'group') return undefined;
  const { before, after } = model.lookup(c.service, c.action);
  return safeUrl(after?.documentationUrl) ?? safeUrl(before?.documentationUrl);
}

/** Cells of one fact: the items of each side, what only one side has marked `−`/`+` and coloured. */
function factCells(row: FactRow, first: boolean): { left: Line[]; right: Line[] } {
  const cells = factCellsOf(row);
  const absent = (yes: boolean | undefined, lines: Line[]) => (yes ? (first ? [[seg('(no such action)', { dim: true })]] : []) : lines);
  return { left: absent(row.beforeAbsent, cells.left), right: absent(row.afterAbsent, cells.right) };
}

function factCellsOf(row: FactRow): { left: Line[]; right: Line[] } {
  const missing = (side: string[] | undefined) => (side === undefined ? [[seg('? not carried', { dim: true })]] : side.length === 0 ? [[seg('—', { dim: true })]] : undefined);
  // a side without the action compares as empty: everything on the other side is new (or gone)
  const b = row.beforeAbsent ? [] : row.before;
  const a = row.afterAbsent ? [] : row.after;
  if (row.scalar && b && a && b[0] !== a[0]) {
    if (row.label === 'description' && b[0] !== undefined && a[0] !== undefined) {
      const parts = wordDiff(b[0], a[0]);
      return {
        left: [parts.filter((p) => p.op !== 'added').map((p) => (p.op === 'removed' ? seg(p.text, { color: 'red', underline: true }) : seg(p.text)))],
        right: [parts.filter((p) => p.op !== 'removed').map((p) => (p.op === 'added' ? seg(p.text, { color: 'green', underline: true }) : seg(p.text)))],
      };
    }
    return { left: b[0] === undefined ? [] : [[seg(`− ${b[0]}`, { color: 'red', bold: true })]], right: a[0] === undefined ? [] : [[seg(`+ ${a[0]}`, { color: 'green', bold: true })]] };
  }
  const before = new Set(b ?? []);
  const after = new Set(a ?? []);
  const cells = (side: string[] | undefined, other: Set<string>, sign: string, color: 'red' | 'green', known: boolean) =>
    missing(side) ?? side!.map((item) => (known && !other.has(item) ? [seg(`${sign} ${item}`, { color, bold: true })] : [seg(`${row.scalar ? '' : '  '}${item}`)]));
  return { left: cells(row.before, after, '−', 'red', a !== undefined), right: cells(row.after, before, '+', 'green', b !== undefined) };
}

/** Old beside new: a label column and two columns, each cell wrapped to its column. */
export function sideBySide(rows: FactRow[], sides: DetailContext['sides'], total: number): Line[] {
  const label = Math.min(18, Math.max(...rows.map((r) => width(r.label))) + 1);
  const col = Math.max(8, Math.floor((total - label - 3) / 2));
  const out: Line[] = [];
  const bar = seg(' │ ', { dim: true });
  out.push([...fitLine([], label), ...fitLine([seg(`before · ${sideName(sides.old)}`, { bold: true })], col), bar, ...fitLine([seg(`after · ${sideName(sides.new)}`, { bold: true })], col)]);
  rows.forEach((row, k) => {
    const { left, right } = factCells(row, k === 0);
    const l = left.flatMap((x) => wrapLine(x, col));
    const r = right.flatMap((x) => wrapLine(x, col));
    for (let i = 0; i < Math.max(l.length, r.length); i++) {
      out.push([...fitLine(i === 0 ? [seg(row.label, { dim: true })] : [], label), ...fitLine(l[i] ?? [], col), bar, ...fitLine(r[i] ?? [], col)]);
    }
  });
  return out;
}

function changeLines(c: Change, ctx: DetailContext, w: number): Line[] {
  const out: Line[] = [];
  const wrap = (l: Line) => out.push(...wrapLine(l, w));
  wrap([seg(c.kind, { bold: true }), seg(' · '), seg(c.severity.toUpperCase(), { bold: true, color: SEVERITY_COLOR[c.severity] }), seg(` — ${oneLine(c.reason)}`, { dim: true })]);
  wrap(highlight(changeSubject(c), ctx.query, { bold: true }));
  wrap([seg('rule: ', { bold: true }), seg(oneLine(c.rule ?? c.kind)), seg(c.fingerprint ? ` · fingerprint ${c.fingerprint}` : '', { dim: true }), seg(c.defaultSeverity ? ` · default ${c.defaultSeverity}` : '', { dim: true })]);
  if (c.words) {
    wrap([seg('description: ', { bold: true }), ...c.words.map((p) => (p.op === 'added' ? seg(`{+${oneLine(p.text)}+}`, { color: 'green' }) : p.op === 'removed' ? seg(`[-${oneLine(p.text)}-]`, { color: 'red' }) : seg(stripControl(p.text).replace(/\s+/g, ' '))))]);
  } else {
    const detail = changeDetail(c);
    if (detail) wrap([seg('change: ', { bold: true }), ...highlight(detail, ctx.query)]);
  }
  // what the change is about, whatever fields its kind has (resource, key, operation…)
  for (const [field, value] of Object.entries(c)) {
    if (CHANGE_SHOWN.has(field) || typeof value !== 'string') continue;
    wrap([seg(`${field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}: `, { bold: true }), ...highlight(oneLine(value), ctx.query)]);
  }
  for (const line of impactLines(c.policies ?? [])) wrap([seg('policy: ', { bold: true }), seg(line)]);
  return out;
}

/** Fields of a change the lines above already show (or that are not about what changed). */
const CHANGE_SHOWN = new Set(['kind', 'rule', 'fingerprint', 'severity', 'defaultSeverity', 'reason', 'service', 'action', 'before', 'after', 'words', 'candidates', 'policies']);

/** Marks of a node's changes: `✓ 3/12 reviewed · 2 selected for export`. */
function marksLine(node: TreeNode, ctx: DetailContext): Line {
  if (ctx.reviewed.size === 0 && ctx.exported.size === 0) return [seg(`✓ 0/${node.items.length} reviewed`)];
  const fps = node.items.map((i) => ctx.model.fp[i]!);
  const r = fps.filter((f) => ctx.reviewed.has(f)).length;
  const e = fps.filter((f) => ctx.exported.has(f)).length;
  return [seg(`✓ ${r}/${fps.length} reviewed`, { color: r === fps.length ? 'green' : undefined }), seg(e ? ` · ${e} selected for export` : '', { color: 'magenta' })];
}

/** Everything the detail pane shows for a row, as lines `w` columns wide. */
export function detailLines(node: TreeNode | undefined, ctx: DetailContext, w: number): Line[] {
  if (!node) return [[seg('nothing selected', { dim: true })]];
  const out: Line[] = [];
  const wrap = (l: Line) => out.push(...wrapLine(l, w));
  const first = ctx.model.all[node.items[0]!]!;
  if (node.change !== undefined) out.push(...changeLines(first, ctx, w));
  else {
    wrap([seg(oneLine(node.label), { bold: true }), seg(` · ${thousands(node.counts.total)} change${node.counts.total === 1 ? '' : 's'} (${severityCounts(node.counts)})`)]);
    const kinds = new Map<string, number>();
    for (const i of node.items) kinds.set(ctx.model.all[i]!.kind, (kinds.get(ctx.model.all[i]!.kind) ?? 0) + 1);
    if (node.type === 'action') for (const i of node.items) wrap([seg('• '), seg(ctx.model.all[i]!.kind, { color: SEVERITY_COLOR[ctx.model.all[i]!.severity] }), seg(`  ${changeDetail(ctx.model.all[i]!)}`)]);
    else wrap([seg([...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${thousands(n)} ${k}`).join(', '), { dim: true })]);
  }
  wrap(marksLine(node, ctx));
  const url = docUrl(node, ctx.model);
  if (url) wrap([seg('docs: ', { bold: true }), seg(url, { underline: true }), seg('  (o opens it, y copies it)', { dim: true })]);
  if (first.action && ctx.model.lookup && node.type !== 'service' && node.type !== 'group') {
    const { before, after } = ctx.model.lookup(first.service, first.action);
    out.push([]);
    out.push(...sideBySide(actionFacts(before, after), ctx.sides, w));
  }
  // what the sources could not tell about this service
  const services = new Set(node.items.map((i) => ctx.model.all[i]!.service));
  for (const g of ctx.sides.notCompared ?? []) {
    if (node.type !== 'group' && g.services.some((s) => services.has(s))) wrap([seg(`not compared: ${oneLine(g.label)} — ${oneLine(g.reason)}`, { dim: true })]);
  }
  return out;
}
