import { oneLine } from '../text/sanitize.js';
import { thousands } from '../text/thousands.js';

/** Where loading is: files parsed per side (total known from the start), then the comparison. */
export interface LoadingState {
  oldPath: string;
  newPath: string;
  sides: Record<'old' | 'new', { done: number; total: number }>;
  phase: 'parsing' | 'comparing' | 'starting';
}

const n = thousands;

function bar(done: number, total: number, w: number): string {
  const full = total > 0 ? Math.round((done / total) * w) : 0;
  return '█'.repeat(full) + '░'.repeat(Math.max(0, w - full));
}

/** The loading screen as plain lines, `columns` wide at most. */
export function loadingLines(s: LoadingState, columns: number): string[] {
  const done = s.sides.old.done + s.sides.new.done;
  const total = s.sides.old.total + s.sides.new.total;
  const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
  const side = (name: 'old' | 'new', path: string) => {
    const { done: d, total: t } = s.sides[name];
    return `  ${name}  ${n(d).padStart(5)} / ${n(t).padEnd(5)} ${d >= t && t > 0 ? '✓' : ' '} ${oneLine(path)}`;
  };
  const phase = s.phase === 'parsing' ? 'parsing pages…' : s.phase === 'comparing' ? 'comparing the catalogs…' : 'building the tree…';
  const lines = [
    'iamdiff review · loading',
    '',
    `  pages parsed ${n(done)} / ${n(total)}  ${bar(done, total, 20)} ${pct}%`,
    side('old', s.oldPath),
    side('new', s.newPath),
    '',
    `  ${phase}`,
    '',
    '  Ctrl-C cancels',
  ];
  return lines.map((l) => (Array.from(l).length > columns ? Array.from(l).slice(0, Math.max(1, columns - 1)).join('') + '…' : l));
}

/** Draw the lines from the top-left corner, each line cleared to its end, the rest of the screen cleared. */
export function loadingFrame(lines: string[]): string {
  return `\u001b[H${lines.map((l) => `${l}\u001b[K`).join('\r\n')}\u001b[J`;
}
