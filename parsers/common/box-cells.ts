/**
 * Rejoining the physical lines of one wrapped box-table cell.
 *
 * rich wraps at spaces; a single word wider than the column is either cut with `…`
 * (its default) or folded onto the next line (`overflow="fold"`). So a line is taken
 * to go on in the next one only when it fills the column, holds no space and does
 * not end in `…`. A word exactly as wide as the column looks the same as a fold;
 * list cells tell them apart by what their items look like (`startsItem`, `endsItem`).
 */

/** True when `line` is the first part of a word folded onto the next line. */
export function isFolded(line: string, width: number): boolean {
  return Array.from(line).length >= width && !line.includes(' ') && !line.endsWith('…');
}

/** Text of a cell: lines joined with single spaces, folded words rejoined without one. */
export function boxCellText(lines: string[], width: number): string {
  let out = '';
  let glue = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    out += (out ? glue : '') + line;
    glue = isFolded(line, width) ? '' : ' ';
  }
  return out;
}

export interface ItemShape {
  /** The line can only be the start of an item (e.g. `prefix:Name`). */
  startsItem?: (line: string) => boolean;
  /** The line can only be the end of an item (e.g. `repository*`). */
  endsItem?: (line: string) => boolean;
}

/** Items of a list cell: one per line, except where a line was folded (see above). */
export function boxCellItems(lines: string[], width: number, shape: ItemShape = {}): string[] {
  const items: string[] = [];
  let open = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      open = false;
      continue;
    }
    if (open && !shape.startsItem?.(line)) items[items.length - 1] += line;
    else items.push(line);
    open = isFolded(line, width) && !shape.endsItem?.(line);
  }
  return items;
}
