import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileActionPattern, patternMatches } from '../../src/policy/action-pattern.js';
import { expandPattern } from '../../src/policy/expand-patterns.js';
import { compileGlob } from '../../src/policy/glob-match.js';
import { action, catalog } from '../helpers/catalog-builder.js';

/** The regular expression the matcher replaced: right, but it backtracks (ecr:***********Z ran for minutes). */
function regexGlob(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
}

const short = (chars: string[], max: number) => fc.array(fc.constantFrom(...chars), { maxLength: max }).map((a) => a.join(''));

describe('the wildcard matcher', () => {
  it('agrees with the regular expression it replaced (fast-check, small inputs)', () => {
    fc.assert(
      fc.property(short(['a', 'b', 'A', '*', '?', '.', '$'], 10), short(['a', 'b', 'A', 'B', '.', '$'], 12), (glob, text) => {
        expect(compileGlob(glob).test(text)).toBe(regexGlob(glob).test(text));
      }),
      { numRuns: 5000, seed: 42 },
    );
  });

  it('agrees on whole patterns: service, colon, action', () => {
    const pattern = fc.tuple(short(['e', 'c', 'r', '*', '?', '-'], 5), short(['G', 'e', 't', '*', '?'], 8)).map(([s, a]) => `${s}:${a}`);
    fc.assert(
      fc.property(pattern, short(['e', 'c', 'r', '-'], 5), short(['G', 'e', 't', 'g'], 8), (p, service, name) => {
        const colon = p.indexOf(':');
        const expected = regexGlob(p.slice(0, colon)).test(service) && regexGlob(p.slice(colon + 1)).test(name);
        expect(patternMatches(compileActionPattern(p), service, name)).toBe(expected);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('answers runs of * and long patterns correctly (their speed is measured by npm run fuzz)', () => {
    const names = catalog('ecr', [action('GetZ'), action('Z'), action('GetAuthorizationToken')]);
    expect(expandPattern('ecr:***********Z', [names]).map((g) => g.action)).toEqual(['ecr:GetZ', 'ecr:Z']);
    expect(expandPattern('ecr:*?*?*?*?*?*?*?*?*?*?*?*?*?Z', [names])).toEqual([]);
    expect(compileGlob(`${'*a'.repeat(50_000)}*`).test('a'.repeat(50_000))).toBe(true);
    expect(compileGlob(`${'*a'.repeat(50_000)}*`).test('a'.repeat(49_999))).toBe(false);
    expect(compileGlob('*'.repeat(100_000) + 'Token').test('GetAuthorizationToken')).toBe(true);
  });
});
