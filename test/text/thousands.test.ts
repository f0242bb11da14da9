import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thousands } from '../../src/text/thousands.js';

describe('thousands', () => {
  it('writes integers as toLocaleString("en-US") does', () => {
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.integer({ min: -1e15, max: 1e15 }), fc.constantFrom(0, 999, 1000, 1025, 999_999, 1_000_000, -1234)), (x) => thousands(x) === x.toLocaleString('en-US')), { numRuns: 3000 });
    expect(thousands(1025)).toBe('1,025');
    expect(thousands(1.5)).toBe((1.5).toLocaleString('en-US'));
  });
});
