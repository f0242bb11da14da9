/** Reading a Unicode box-drawing table (as printed by Python `rich`) into cells by column position. */

const TOP = /^[┏┌╭╔┍┎]/;
const RULE = /^[┡├┠╞╟┝┢┣]/;
const BOTTOM = /^[└┗╰╚┕┖]/;
const BAR = /^[│┃║]$/;
/** Corners and junctions of a top border: the column boundaries. */
const JOINT = /^[┏┓┳┌┐┬╭╮╔╗╦┍┑┯┎┒┰]$/;

/** One physical line of a row: each column's text, padding removed, trailing spaces trimmed. */
export interface BoxRow {
  line: number;
  cells: string[];
}

/** The physical lines between two row borders. */
export interface BoxRowGroup {
  line: number;
  rows: BoxRow[];
}

export interface BoxHeader {
  /** Index of the top border line. */
  top: number;
  /** Index of the rule under the header. */
  rule: number;
  /** Code-point positions of the column boundaries (n + 1 for n columns). */
  bounds: number[];
  /** Left/right padding of cells (rich pads with one space). */
  pad: number;
  /** Column titles, wrapped words rejoined. */
  titles: string[];
  /** Characters a cell line can hold per column. */
  widths: number[];
}

export type BoxFailure = { line: number; detail: string };

const chars = (s: string) => Array.from(s);
const lead = (line: string) => line.trimStart().charAt(0);

function cellsAt(line: string, h: Pick<BoxHeader, 'bounds' | 'pad'>): string[] | undefined {
  const c = chars(line.trimEnd());
  const last = h.bounds.at(-1)!;
  if (c.length !== last + 1 || !h.bounds.every((p) => BAR.test(c[p] ?? ''))) return undefined;
  return h.bounds.slice(0, -1).map((p, k) => {
    const raw = c.slice(p + 1, h.bounds[k + 1]).join('');
    return (h.pad > 0 && raw.startsWith(' ') ? raw.slice(1) : raw).trimEnd();
  });
}

/** The header of the first box table in `lines`, or undefined (also when its lines do not line up). */
export function readBoxHeader(lines: string[], limit = lines.length): BoxHeader | undefined {
  const top = lines.findIndex((l, i) => i < limit && TOP.test(lead(l)));
  if (top < 0) return undefined;
  const topChars = chars(lines[top]!.trimEnd());
  const bounds = topChars.flatMap((ch, i) => (JOINT.test(ch) ? [i] : []));
  if (bounds.length < 2) return undefined;
  const rule = lines.findIndex((l, i) => i > top && !BAR.test(lead(l)));
  if (rule < 0 || !RULE.test(lead(lines[rule]!)) || rule === top + 1) return undefined;
  const first = chars(lines[top + 1]!);
  const pad = first[bounds[0]! + 1] === ' ' ? 1 : 0;
  const parts: string[][] = bounds.slice(1).map(() => []);
  for (let i = top + 1; i < rule; i++) {
    const cells = cellsAt(lines[i]!, { bounds, pad });
    if (!cells) return undefined;
    cells.forEach((c, k) => c.trim() && parts[k]!.push(c.trim()));
  }
  const titles = parts.map((p) => p.join(' '));
  const widths = bounds.slice(1).map((b, k) => b - bounds[k]! - 1 - 2 * pad);
  return { top, rule, bounds, pad, titles, widths };
}

/**
 * The row groups of the table under `header`. A file that ends inside the table
 * (no bottom border, or a last line cut short) is reported as truncated.
 */
export function readBoxRows(lines: string[], header: BoxHeader): { groups: BoxRowGroup[]; end: number } | BoxFailure {
  const groups: BoxRowGroup[] = [];
  let group: BoxRowGroup | undefined;
  const lastText = lines.reduce((n, l, i) => (l.trim() ? i : n), -1);
  for (let i = header.rule + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    const ch = lead(line);
    if (i > lastText) break;
    if (BOTTOM.test(ch)) return { groups, end: i };
    if (RULE.test(ch)) {
      if (group === undefined) return { line: lineNo, detail: 'empty row group (two row borders in a row)' };
      group = undefined;
      continue;
    }
    const cells = BAR.test(ch) ? cellsAt(line, header) : undefined;
    if (!cells) {
      if (i === lastText) break;
      return { line: lineNo, detail: `line is not a row of the table (its │ do not line up with the header's ${header.titles.length} columns)` };
    }
    if (!group) groups.push((group = { line: lineNo, rows: [] }));
    group.rows.push({ line: lineNo, cells });
  }
  return { line: Math.max(lastText, header.rule) + 1, detail: 'table is not closed (truncated file?)' };
}
