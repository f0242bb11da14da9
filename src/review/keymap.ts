import type { Key } from 'ink';
import { stripControl } from '../text/sanitize.js';
import type { ReviewCommand, ReviewState } from './review-reducer.js';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};
const ESCAPE: Key = { ...NO_KEY, escape: true, meta: true };

const isNamedKey = (k: Key) => k.upArrow || k.downArrow || k.leftArrow || k.rightArrow || k.pageUp || k.pageDown || k.home || k.end || k.return || k.tab || k.backspace || k.delete;

/**
 * One key per character of a chunk (fast typing, paste). Escape followed at once by a
 * character arrives as Meta+character (`\x1bs`): it is read as Escape, then the character,
 * so a quick Esc s never turns into an unknown Alt-s.
 */
export function splitInput(input: string, key: Key): Array<[string, Key]> {
  if (key.meta && !key.escape && !key.ctrl && !isNamedKey(key) && Array.from(input).length === 1) {
    return [['', ESCAPE], ...splitInput(input, { ...NO_KEY, shift: /[A-Z]/.test(input) })];
  }
  const chars = Array.from(input);
  if (chars.length <= 1) return [[input, key]];
  return chars.map((ch): [string, Key] => {
    if (ch === '\r' || ch === '\n') return ['', { ...NO_KEY, return: true }];
    if (ch === '\t') return ['', { ...NO_KEY, tab: true }];
    if (ch === '\x7f' || ch === '\b') return ['', { ...NO_KEY, backspace: true }];
    return [ch, { ...NO_KEY, shift: /[A-Z]/.test(ch) }];
  });
}

/** Text typed into the search or the picker: printable characters only. */
function typed(input: string, key: Key): string {
  return key.ctrl || key.meta || key.tab ? '' : stripControl(input);
}

/** The command a key means in the current state, if any. Only `q` quits; Esc leaves a mode. */
export function keyToCommand(input: string, key: Key, s: Pick<ReviewState, 'mode' | 'focus'>): ReviewCommand | undefined {
  if (key.escape) return { type: 'escape' };
  if (s.mode === 'help') {
    if (input === '?') return { type: 'help' };
    if (input === 'q') return { type: 'quit' };
    return undefined;
  }
  if (s.mode === 'search') {
    if (key.return) return { type: 'search-accept' };
    if (key.backspace || key.delete) return { type: 'search-backspace' };
    if (key.downArrow || key.upArrow) return { type: 'search-next', dir: key.upArrow ? -1 : 1 };
    const text = typed(input, key);
    return text ? { type: 'search-type', text } : undefined;
  }
  if (s.mode === 'picker') {
    if (key.return) return { type: 'picker-accept' };
    if (key.backspace || key.delete) return { type: 'picker-backspace' };
    if (key.upArrow || key.downArrow) return { type: 'picker-move', by: key.upArrow ? -1 : 1 };
    if (key.pageUp || key.pageDown) return { type: 'picker-move', by: key.pageUp ? -10 : 10 };
    const text = typed(input, key);
    return text ? { type: 'picker-type', text } : undefined;
  }
  const type = s.focus === 'detail' ? 'scroll' : 'move';
  if (key.upArrow || input === 'k') return { type, by: -1 };
  if (key.downArrow || input === 'j') return { type, by: 1 };
  if (key.pageUp) return { type, by: 'page-up' };
  if (key.pageDown) return { type, by: 'page-down' };
  if (key.home || input === 'g') return { type, by: 'top' };
  if (key.end || input === 'G') return { type, by: 'bottom' };
  if (key.rightArrow || input === 'l') return { type: 'expand' };
  if (key.leftArrow || input === 'h') return { type: 'collapse' };
  if (key.return) return { type: 'toggle-open' };
  if (key.tab) return { type: 'focus' };
  if (key.ctrl) return input === 'r' ? { type: 'redo' } : undefined;
  if (key.meta) return undefined;
  const simple: Record<string, ReviewCommand> = {
    ']': { type: 'jump', to: 'service', dir: 1 },
    '[': { type: 'jump', to: 'service', dir: -1 },
    '}': { type: 'jump', to: 'group', dir: 1 },
    '{': { type: 'jump', to: 'group', dir: -1 },
    '+': { type: 'open-all', open: true },
    '-': { type: 'open-all', open: false },
    ' ': { type: 'mark', set: 'reviewed', scope: 'node' },
    A: { type: 'mark', set: 'reviewed', scope: 'shown' },
    x: { type: 'mark', set: 'exported', scope: 'node' },
    X: { type: 'mark', set: 'exported', scope: 'shown' },
    u: { type: 'undo' },
    U: { type: 'redo' },
    '/': { type: 'search-open' },
    n: { type: 'search-next', dir: 1 },
    N: { type: 'search-next', dir: -1 },
    f: { type: 'picker-open' },
    F: { type: 'clear-filters' },
    s: { type: 'cycle-order' },
    e: { type: 'export' },
    o: { type: 'open-url' },
    y: { type: 'copy-url' },
    '?': { type: 'help' },
    q: { type: 'quit' },
  };
  return Object.hasOwn(simple, input) ? simple[input] : undefined;
}
