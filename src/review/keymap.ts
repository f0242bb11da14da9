import type { Key } from 'ink';
import { stripControl } from '../text/sanitize.js';
import type { ReviewCommand, ReviewState } from './review-reducer.js';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

/** Split a chunk of typed text (fast typing, paste) into one key per character. */
export function splitInput(input: string, key: Key): Array<[string, Key]> {
  const chars = Array.from(input);
  if (chars.length <= 1) return [[input, key]];
  return chars.map((ch): [string, Key] => {
    if (ch === '\r' || ch === '\n') return ['', { ...NO_KEY, return: true }];
    if (ch === '\t') return ['', { ...NO_KEY, tab: true }];
    if (ch === '\x7f' || ch === '\b') return ['', { ...NO_KEY, backspace: true }];
    return [ch, { ...NO_KEY, shift: /[A-Z]/.test(ch) }];
  });
}

/** The command a key means in the current state, if any. */
export function keyToCommand(input: string, key: Key, s: Pick<ReviewState, 'overlay' | 'focus' | 'filter'>): ReviewCommand | undefined {
  if (s.overlay === 'help') {
    if (key.escape || input === '?') return { type: 'help' };
    if (input === 'q') return { type: 'quit' };
    return undefined;
  }
  if (s.overlay === 'search') {
    if (key.escape) return { type: 'search-cancel' };
    if (key.return) return { type: 'search-accept' };
    if (key.backspace || key.delete) return { type: 'search-backspace' };
    if (key.upArrow || key.downArrow) return { type: 'move', by: key.upArrow ? -1 : 1 };
    if (key.pageUp || key.pageDown) return { type: 'move', by: key.pageUp ? 'page-up' : 'page-down' };
    const text = key.ctrl || key.meta || key.tab ? '' : stripControl(input);
    return text ? { type: 'search-type', text } : undefined;
  }
  const type = s.focus === 'detail' ? 'scroll' : 'move';
  if (key.upArrow || input === 'k') return { type, by: -1 };
  if (key.downArrow || input === 'j') return { type, by: 1 };
  if (key.pageUp) return { type, by: 'page-up' };
  if (key.pageDown) return { type, by: 'page-down' };
  if (key.home || input === 'g') return { type, by: 'top' };
  if (key.end || input === 'G') return { type, by: 'bottom' };
  if (key.tab) return { type: 'focus' };
  if (key.escape) return s.filter.query ? { type: 'search-cancel' } : { type: 'quit' };
  if (key.ctrl || key.meta) return undefined;
  switch (input) {
    case '/':
      return { type: 'search-open' };
    case 'f':
      return { type: 'cycle-kind' };
    case 's':
      return { type: 'cycle-severity' };
    case ' ':
      return { type: 'toggle-reviewed' };
    case 'u':
      return { type: 'toggle-unreviewed' };
    case 'e':
      return { type: 'export' };
    case '?':
      return { type: 'help' };
    case 'q':
      return { type: 'quit' };
  }
  return undefined;
}
