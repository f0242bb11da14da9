import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { keyToCommand, splitInput } from '../../src/review/keymap.js';
import { computeLayout } from '../../src/review/layout.js';
import { buildRows, createReviewModel } from '../../src/review/review-model.js';
import { initialState, reduce } from '../../src/review/review-reducer.js';
import { windowTop } from '../../src/review/visible-window.js';
import { handResult } from './review-fixtures.js';

describe('visible window', () => {
  it('scrolls as little as possible and keeps a header above the selection', () => {
    expect(windowTop(0, 5, 10, 100)).toBe(0);
    expect(windowTop(0, 10, 10, 100)).toBe(1);
    expect(windowTop(20, 15, 10, 100)).toBe(15);
    expect(windowTop(20, 15, 10, 100, true)).toBe(14);
    expect(windowTop(95, 99, 10, 100)).toBe(90);
    expect(windowTop(3, 2, 10, 5)).toBe(0);
  });
});

describe('list rows', () => {
  it('put a header before each severity and kind group, high first', () => {
    const { result } = handResult();
    const model = createReviewModel(result.changes);
    const { rows, rowOf } = buildRows(model.all);
    expect(rows[0]).toMatchObject({ type: 'header', severity: 'high', kind: 'access-level-changed', count: 1 });
    expect(rows.filter((r) => r.type === 'change')).toHaveLength(result.changes.length);
    rowOf.forEach((r, i) => expect(rows[r]).toMatchObject({ type: 'change', index: i }));
  });
});

describe('keys', () => {
  const none = splitInput('x', {} as Key)[0]![1];
  it('split a chunk of typed text into single keys', () => {
    expect(splitInput('jj', none).map(([i]) => i)).toEqual(['j', 'j']);
    const [, enter] = splitInput('ab\r', none)[2]!;
    expect(enter.return).toBe(true);
  });

  it('mean different things in search, help and the detail pane', () => {
    const s = initialState(new Set());
    expect(keyToCommand('q', none, s)).toEqual({ type: 'quit' });
    expect(keyToCommand('q', none, { ...s, overlay: 'search' })).toEqual({ type: 'search-type', text: 'q' });
    expect(keyToCommand('', { ...none, escape: true }, { ...s, overlay: 'help' })).toEqual({ type: 'help' });
    expect(keyToCommand('', { ...none, escape: true }, { ...s, filter: { ...s.filter, query: 'x' } })).toEqual({ type: 'search-cancel' });
    expect(keyToCommand('j', none, { ...s, focus: 'detail' })).toEqual({ type: 'scroll', by: 1 });
    expect(keyToCommand('\u001b[31m', none, { ...s, overlay: 'search' })).toBeUndefined();
  });

  it('cycle severity low → medium → high → low', () => {
    const { result } = handResult();
    const env = { model: createReviewModel(result.changes), listPage: 5, detailPage: 5, detailMax: 0 };
    let s = initialState(new Set());
    const seen = [];
    for (let i = 0; i < 4; i++) {
      s = reduce(s, { type: 'cycle-severity' }, env);
      seen.push(s.filter.minSeverity);
    }
    expect(seen).toEqual(['medium', 'high', 'low', 'medium']);
  });
});

describe('layout', () => {
  it('fits 80×24 stacked and goes side by side when wide', () => {
    const small = computeLayout({ columns: 80, rows: 24 });
    expect(small.wide).toBe(false);
    expect(2 + small.list.height + 1 + small.detail.height + 2).toBe(23);
    const wide = computeLayout({ columns: 160, rows: 40 });
    expect(wide.wide).toBe(true);
    expect(wide.list.width + wide.detail.width + 2).toBe(160);
  });
});
