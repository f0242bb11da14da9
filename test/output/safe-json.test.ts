import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderStructured } from '../../src/output/structured-report.js';
import { stripControl } from '../../src/text/sanitize.js';

/** What JSON output must be: the data with every string value sanitized, stringified. */
const reference = (data: unknown) => JSON.stringify(data, (_k, v: unknown) => (typeof v === 'string' ? stripControl(v) : v), 2) + '\n';

describe('JSON output', () => {
  it('is the data with every string sanitized, whether or not a string needs it (the fast path is taken only when none does)', () => {
    const char = fc.constantFrom('a', 'Z', ' ', '"', '\\', '\n', '\t', '\u001b', '[', '2', 'J', '\u0007', '\u009b', '\u202e', '\u200b', '\u2028', '\u007f', '\ud800', 'é', '😀');
    const text = fc.array(char, { maxLength: 6 }).map((xs) => xs.join(''));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'k\u202e'), tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(fc.property(value, (data) => {
      expect(renderStructured(data, 'json')).toBe(reference(data));
    }), { numRuns: 3000 });
  });

  it('strips what a document wrote from a plain string, and leaves clean data as JSON.stringify writes it', () => {
    expect(renderStructured({ d: 'a\u001b[2Jb' }, 'json')).toBe('{\n  "d": "ab"\n}\n');
    expect(renderStructured({ d: ['x', 1, { y: 'z' }] }, 'json')).toBe(JSON.stringify({ d: ['x', 1, { y: 'z' }] }, null, 2) + '\n');
  });
});
