import type { TerminalSize } from './use-terminal-size.js';

/** Pane sizes for a terminal. */
export interface Layout {
  tooSmall: boolean;
  width: number;
  /** Rows drawn: one less than the terminal, so ink never has to clear the whole screen. */
  height: number;
  /** List and detail side by side (wide terminals) or stacked. */
  wide: boolean;
  body: number;
  list: { width: number; height: number };
  detail: { width: number; height: number };
}

export const MIN_SIZE = { columns: 40, rows: 12 };
const HEADER = 2;
const FOOTER = 2;

export function computeLayout({ columns, rows }: TerminalSize): Layout {
  const width = Math.max(1, columns);
  const height = Math.max(1, rows - 1);
  const tooSmall = columns < MIN_SIZE.columns || rows < MIN_SIZE.rows;
  const body = Math.max(0, height - HEADER - FOOTER);
  const wide = width >= 120;
  if (wide) {
    const lw = Math.floor(width * 0.45);
    // the detail pane has a title line and a left border
    return { tooSmall, width, height, wide, body, list: { width: lw, height: body }, detail: { width: width - lw - 2, height: Math.max(0, body - 1) } };
  }
  const lh = Math.max(1, Math.floor((body - 1) / 2));
  return { tooSmall, width, height, wide, body, list: { width, height: lh }, detail: { width, height: Math.max(0, body - 1 - lh) } };
}
