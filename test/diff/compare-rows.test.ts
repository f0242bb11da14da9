import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/model/catalog.js';
import { CONDITION_KEY_ROWS, DEPENDENT_ACTION_ROWS, rowChanges } from '../../src/diff/compare-rows.js';

const action = (own: string[], resources: [string, string[]][]): Action => ({
  name: 'PutThing',
  conditionKeys: own,
  dependentActions: [],
  resourceTypes: resources.map(([name, keys]) => ({ name, required: true, conditionKeys: keys, dependentActions: [] })),
});
const kinds = (before: Action, after: Action) => rowChanges(CONDITION_KEY_ROWS, 'svc', 'PutThing', before, after).map((c) => `${c.kind} ${c.key} ${c.resource ?? ''}${c.before ?? ''}→${c.after ?? ''}`);

describe('condition keys across the rows of an action', () => {
  it('rows alike: no change', () => {
    expect(kinds(action(['aws:A'], [['thing', ['k:1']]]), action(['aws:A'], [['thing', ['k:1']]]))).toEqual([]);
  });

  it('the same list on another resource row is a move, not nothing', () => {
    expect(kinds(action([], [['thing', ['k:1']]]), action([], [['other', ['k:1']]]))).toEqual(['condition-key-moved k:1 thing→other']);
  });

  it('a key gone from every row is removed from each; a new one added to each', () => {
    expect(kinds(action(['k:2'], [['thing', ['k:1']]]), action(['k:2'], [['thing', ['k:3']]]))).toEqual(['condition-key-removed k:1 thing→', 'condition-key-added k:3 thing→']);
    expect(rowChanges(DEPENDENT_ACTION_ROWS, 'svc', 'PutThing', action([], []), action([], []))).toEqual([]);
  });
});
