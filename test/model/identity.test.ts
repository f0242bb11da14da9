import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames } from '../../src/model/identity.js';

/** The order compareNames defines: lower-cased by code unit, then the names themselves. */
const reference = (a: string, b: string) => {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
};

describe('compareNames', () => {
  it('orders as lower-cased code units, then as written, on names and on any text', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_:*\-[\]^`{]{0,6}$/);
    const text = fc.array(fc.constantFrom('a', 'A', 'z', 'Z', '_', '[', '`', 'é', 'É', 'İ', 'Σ', 'ß', '\u{1F600}', '0'), { maxLength: 5 }).map((xs) => xs.join(''));
    for (const arb of [name, text, fc.string()]) fc.assert(fc.property(arb, arb, (a, b) => compareNames(a, b) === reference(a, b)), { numRuns: 3000 });
  });

  it('sorts IAM names case-insensitively first', () => {
    expect(['b', 'B', 'a_', 'A', 'aB', 'ab', 'Ab', 'a'].sort(compareNames)).toEqual(['A', 'a', 'a_', 'Ab', 'aB', 'ab', 'B', 'b']);
    expect(compareNames('GetObject', 'getobject')).toBe(-1);
    expect(compareNames('x', 'x')).toBe(0);
  });
});
