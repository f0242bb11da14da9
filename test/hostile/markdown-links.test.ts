/** The linear link scanner against the regular expression it replaced (quadratic on unclosed `[`). */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { markdownLinks } from '../../parsers/common/markdown.js';
function ref(cell: string) {
  const out = [];
  const re = /\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)/g;
  for (let m = re.exec(cell); m; m = re.exec(cell)) out.push({ text: m[1]!.trim(), url: m[2]! });
  return out;
}
it('finds the same links as the regular expression it replaced (small cells, where that one is fast)', () => {
  fc.assert(fc.property(fc.array(fc.constantFrom('[', ']', '(', ')', '\\', ' ', 'a', '\n'), { maxLength: 30 }).map((a) => a.join('')), (cell) => {
    expect(markdownLinks(cell)).toEqual(ref(cell));
  }), { numRuns: 3000 });
});
