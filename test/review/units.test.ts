import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { keyToCommand, splitInput } from '../../src/review/keymap.js';
import { computeLayout } from '../../src/review/layout.js';
import { loadingFrame, loadingLines } from '../../src/review/loading-screen.js';
import { carryMarks, carryMessage, marksToSave } from '../../src/review/mark-carry.js';
import { applyItem, narrowItems, pickerItems } from '../../src/review/picker-items.js';
import { createReviewModel, NO_FILTER } from '../../src/review/review-model.js';
import { initialState } from '../../src/review/review-reducer.js';
import { buildTree, visibleRows } from '../../src/review/review-tree.js';
import { fitLine, plain, seg, wrapLine } from '../../src/review/styled-text.js';
import { openerCommand, osc52 } from '../../src/review/url-actions.js';
import { windowTop } from '../../src/review/visible-window.js';
import { actionFacts, safeUrl } from '../../src/review/action-facts.js';
import type { Action } from '../../src/model/catalog.js';
import { servicesResult } from './review-fixtures.js';

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

describe('review tree', () => {
  const { result } = servicesResult();
  const model = createReviewModel(result.changes);
  const all = model.filtered(NO_FILTER, new Set());

  it('puts every change once under group, service and action, with counts', () => {
    const tree = buildTree(model, all, 'severity');
    expect(tree.roots.map((g) => `${g.label} ${g.items.length}`)).toEqual(['HIGH 7', 'MEDIUM 3', 'LOW 2']);
    expect([...tree.leafOrder].sort((a, b) => a - b)).toEqual(all);
    const s3 = tree.serviceNodes.find((n) => n.label === 's3')!;
    expect(s3.counts).toEqual({ total: 4, bySeverity: { high: 1, medium: 2, low: 1 }, highest: 'high' });
    // an action with one change is that change; with several, a node over them
    expect(s3.children.map((c) => `${c.type} ${c.label}`)).toEqual(['action s3:GetObject', 'change s3:PutObject', 'change s3:RenameObject']);
    // by kind: a group per kind, most severe kinds first
    const byKind = buildTree(model, all, 'kind');
    expect(byKind.roots[0]!.label).toBe('access-level-changed');
    expect(byKind.roots.reduce((n, g) => n + g.items.length, 0)).toBe(all.length);
    // by service: services by name, no groups
    expect(buildTree(model, all, 'service').roots.map((n) => n.label)).toEqual(['ecr', 'kms', 'newsvc', 's3', 'sqs']);
  });

  it('shows only what open nodes hold: services closed unless there is one', () => {
    const tree = buildTree(model, all, 'severity');
    expect(visibleRows(tree, new Map()).map((r) => r.type)).toEqual(['group', 'service', 'service', 'group', 'service', 'service', 'group', 'service']);
    const open = visibleRows(tree, new Map([[tree.serviceNodes[0]!.id, true]]));
    expect(open.length).toBe(8 + 4); // the action node, its two changes, the one-change action
    const one = buildTree(model, model.filtered({ ...NO_FILTER, service: 'ecr' }, new Set()), 'severity');
    expect(visibleRows(one, new Map()).map((r) => r.label)).toEqual(['HIGH', 'ecr', 'ecr:DescribeImages', 'ecr:DescribeImages', 'ecr:DescribeImages', 'ecr:CreateRepository']);
  });
});

describe('filter picker', () => {
  const { result } = servicesResult();
  const model = createReviewModel(result.changes);

  it('lists severities, review states, kinds and services with counts; typed words narrow it', () => {
    const items = pickerItems(model, NO_FILTER, new Set([model.fp[0]!]));
    expect(items.filter((i) => i.facet === 'service').map((i) => `${i.label} ${i.count}`)).toEqual(['ecr 3', 'kms 2', 'newsvc 1', 's3 4', 'sqs 2']);
    expect(items.find((i) => i.label === '≥ high')!.count).toBe(3);
    expect(items.find((i) => i.label === 'reviewed only')!.count).toBe(1);
    expect(narrowItems(items, 'sqs').map((i) => i.label)).toEqual(['sqs']);
    expect(narrowItems(items, 'kind removed').map((i) => i.label)).toEqual(['resource-removed', 'condition-key-removed']);
    // an exact name comes first
    expect(narrowItems(items, 's3')[0]!.label).toBe('s3');
    expect(applyItem(NO_FILTER, narrowItems(items, 'sqs')[0]!)).toEqual({ ...NO_FILTER, service: 'sqs' });
    // with a filter on, the first choice clears it
    expect(pickerItems(model, { ...NO_FILTER, service: 'sqs' }, new Set())[0]).toMatchObject({ facet: 'clear' });
  });
});

describe('keys', () => {
  const none = splitInput('x', {} as Key)[0]![1];
  const esc = { ...none, escape: true, meta: true };

  it('split a chunk of typed text into single keys', () => {
    expect(splitInput('jj', none).map(([i]) => i)).toEqual(['j', 'j']);
    const [, enter] = splitInput('ab\r', none)[2]!;
    expect(enter.return).toBe(true);
  });

  it('read Esc followed at once by a key (Meta-key) as Esc, then the key', () => {
    const split = splitInput('s', { ...none, meta: true });
    expect(split.map(([i, k]) => [i, k.escape])).toEqual([['', true], ['s', false]]);
    // a real arrow with meta stays one key
    expect(splitInput('', { ...none, meta: true, upArrow: true })).toHaveLength(1);
  });

  it('mean different things in search, the picker, help and the detail pane; only q quits', () => {
    const s = initialState({ reviewed: new Set(), exported: new Set() });
    expect(keyToCommand('q', none, s)).toEqual({ type: 'quit' });
    expect(keyToCommand('', esc, s)).toEqual({ type: 'escape' });
    expect(keyToCommand('q', none, { ...s, mode: 'search' })).toEqual({ type: 'search-type', text: 'q' });
    expect(keyToCommand('q', none, { ...s, mode: 'picker' })).toEqual({ type: 'picker-type', text: 'q' });
    expect(keyToCommand('', esc, { ...s, mode: 'help' })).toEqual({ type: 'escape' });
    expect(keyToCommand('j', none, { ...s, focus: 'detail' })).toEqual({ type: 'scroll', by: 1 });
    expect(keyToCommand(']', none, s)).toEqual({ type: 'jump', to: 'service', dir: 1 });
    expect(keyToCommand('{', none, s)).toEqual({ type: 'jump', to: 'group', dir: -1 });
    expect(keyToCommand(' ', none, s)).toEqual({ type: 'mark', set: 'reviewed', scope: 'node' });
    expect(keyToCommand('r', { ...none, ctrl: true }, s)).toEqual({ type: 'redo' });
    expect(keyToCommand('\u001b[31m', none, { ...s, mode: 'search' })).toBeUndefined();
    expect(keyToCommand('constructor', none, s)).toBeUndefined();
  });
});

describe('marks carried between runs', () => {
  it('keep the marks of changes still there, count the gone and the new, and keep gone marks in the file', () => {
    const saved = { reviewed: new Set(['a', 'b', 'gone']), exported: new Set(['a', 'gone']), seen: new Set(['a', 'b', 'gone', 'c']) };
    const current = new Set(['a', 'b', 'c', 'new1', 'new2']);
    const { reviewed, exported, report } = carryMarks(saved, current);
    expect([...reviewed].sort()).toEqual(['a', 'b']);
    expect([...exported]).toEqual(['a']);
    expect(report).toEqual({ firstRun: false, carried: 2, gone: 1, fresh: 2 });
    expect(carryMessage(report)).toBe('marks: 2 carried · 1 gone (changes no longer in this diff) · 2 new changes since the last run');
    const next = marksToSave(saved, current, { reviewed: new Set(['a', 'new1']), exported: new Set(), cursor: 'c' });
    expect([...next.reviewed].sort()).toEqual(['a', 'gone', 'new1']);
    expect([...next.exported]).toEqual(['gone']);
    expect([...next.seen].sort()).toEqual(['a', 'b', 'c', 'gone', 'new1', 'new2']);
    expect(next.cursor).toBe('c');
    expect(carryMessage(carryMarks(undefined, current).report)).toBeUndefined();
  });
});

describe('styled text', () => {
  it('wraps words to a width, splits a word longer than a line, and pads or cuts a line', () => {
    const lines = wrapLine([seg('access level '), seg('Permissions management', { bold: true })], 14);
    expect(lines.map(plain)).toEqual(['access level', 'Permissions', 'management']);
    expect(wrapLine([seg('abcdefghij')], 4).map(plain)).toEqual(['abcd', 'efgh', 'ij']);
    expect(plain(fitLine([seg('abc')], 5))).toBe('abc  ');
    expect(plain(fitLine([seg('abcdef')], 4))).toBe('abcd');
    expect(plain(fitLine([seg('日本語')], 4))).toBe('日本');
    // a wide character that does not fit is left whole for the padding; astral characters are never split
    expect(plain(fitLine([seg('a日本')], 4))).toBe('a日 ');
    expect(plain(fitLine([seg('x😀y😀')], 4))).toBe('x😀y');
    expect(plain(fitLine([seg('x😀😀')], 2))).toBe('x ');
    // a combining mark takes no column
    expect(plain(fitLine([seg('éab')], 2))).toBe('éa');
    expect(wrapLine([seg('日本語テキスト')], 5).map(plain)).toEqual(['日本', '語テ', 'キス', 'ト']);
  });
});

describe('loading screen', () => {
  it('says pages parsed of the total from the start, per side, and fits the width', () => {
    const state = { oldPath: 'corpus/2025', newPath: 'corpus/2026', sides: { old: { done: 492, total: 492 }, new: { done: 10, total: 533 } }, phase: 'parsing' as const };
    const lines = loadingLines(state, 80);
    expect(lines[2]).toBe('  pages parsed 502 / 1,025  ██████████░░░░░░░░░░ 48%');
    expect(lines[3]).toBe('  old    492 / 492   ✓ corpus/2025');
    expect(lines[4]).toBe('  new     10 / 533     corpus/2026');
    for (const l of loadingLines(state, 30)) expect([...l].length).toBeLessThanOrEqual(30);
    expect(loadingFrame(['a', 'b'])).toBe('\u001b[Ha\u001b[K\r\nb\u001b[K\u001b[J');
  });
});

describe('action facts', () => {
  it('show facts a format brings that have no row of their own, named after the field', () => {
    const before = { name: 'GetObject', accessLevel: 'Read', accessFlags: ['IsRead'], supportedBy: ['IAM Access Analyzer'] } as unknown as Action;
    const after = { name: 'GetObject', accessLevel: 'Read', accessFlags: ['IsRead', 'IsList'] } as unknown as Action;
    const rows = actionFacts(before, after);
    expect(rows.map((r) => r.label)).toEqual(['access level', 'resource types', 'condition keys', 'dependent actions', 'access flags', 'supported by', 'description']);
    expect(rows.find((r) => r.label === 'access flags')).toMatchObject({ before: ['IsRead'], after: ['IsRead', 'IsList'] });
    expect(rows.find((r) => r.label === 'supported by')).toMatchObject({ before: ['IAM Access Analyzer'], after: undefined });
  });
});

describe('URLs', () => {
  it('are opened or copied only when safe: http(s), no spaces, quotes or control characters', () => {
    expect(safeUrl('https://docs.aws.amazon.com/x.html')).toBe('https://docs.aws.amazon.com/x.html');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('https://x\u001b]52;c;AAAA\u0007')).toBeUndefined();
    expect(safeUrl('https://x/"onclick')).toBeUndefined();
    expect(osc52('hé')).toBe(`\u001b]52;c;${Buffer.from('hé').toString('base64')}\u0007`);
    expect(openerCommand('https://a', 'linux')).toEqual(['xdg-open', ['https://a']]);
    expect(openerCommand('https://a', 'darwin')).toEqual(['open', ['https://a']]);
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
