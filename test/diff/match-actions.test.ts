import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/model/catalog.js';
import { compareNames } from '../../src/model/identity.js';
import { matchActions, matchAny } from '../../src/diff/match-actions.js';

const action = (name: string, truncated = false): Action => ({ name, ...(truncated ? { truncated: true } : {}) }) as Action;
const names = (m: ReturnType<typeof matchActions>) => ({
  pairs: m.pairs.map(([o, n]) => `${o.name}=${n.name}`),
  added: m.added.map((a) => a.name),
  removed: m.removed.map((a) => a.name),
  unresolved: m.unresolved.map((u) => `${u.side}:${u.action.name}:${u.candidates.join('|')}`),
});

describe('matchActions', () => {
  it('gives what pairing by maps gives, on sorted catalogs and on any lists (cut names, repeats, any order)', () => {
    const name = fc.stringMatching(/^[abAB]{1,3}$/);
    const list = fc.array(fc.tuple(name, fc.boolean(), fc.integer({ min: 0, max: 9 })), { maxLength: 8 }).map((xs) => xs.map(([n, cut, r]) => action(n, cut && r === 0)));
    const sorted = list.map((xs) => [...new Map(xs.filter((a) => !a.truncated).map((a) => [a.name.toLowerCase(), a])).values()].sort((x, y) => compareNames(x.name, y.name)));
    for (const [o, n] of [[sorted, sorted], [list, list], [sorted, list]] as const) {
      fc.assert(fc.property(o, n, (before, after) => {
        expect(names(matchActions(before, after))).toEqual(names(matchAny(before, after)));
      }), { numRuns: 2000 });
    }
  });

  it('pairs case-insensitively, in order, and lists what was added and removed', () => {
    const m = matchActions([action('DeleteThing'), action('GetThing'), action('PutThing')], [action('deletething'), action('ListThings'), action('PutThing')]);
    expect(names(m)).toEqual({ pairs: ['DeleteThing=deletething', 'PutThing=PutThing'], added: ['ListThings'], removed: ['GetThing'], unresolved: [] });
  });
});
