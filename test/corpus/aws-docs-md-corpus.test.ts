import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsDocsMd } from '../../parsers/aws-docs-md.js';
import { corpusDir, HAS_CORPUS, NO_CORPUS } from '../helpers/corpus.js';

/** Rows of the actions tables counted with plain text rules, independent of the parser. */
function countActionRows(text: string): number {
  let inActions = false;
  let rows = 0;
  for (const line of text.split('\n')) {
    if (/^\| Actions \|/.test(line)) inActions = true;
    else if (!line.startsWith('|')) inActions = false;
    else if (inActions && !/^\| ---/.test(line) && !/^\|\s+\|/.test(line)) rows++;
  }
  return rows;
}

describe.skipIf(!HAS_CORPUS)(`aws-docs-md on the whole corpus (${HAS_CORPUS ? 'present' : NO_CORPUS})`, () => {
  for (const date of ['2020-01-03', '2020-10-23']) {
    it(`parses every page of ${date} and finds every action row`, () => {
      const dir = corpusDir('aws-docs-md', date);
      let actions = 0;
      let expected = 0;
      let pages = 0;
      for (const f of readdirSync(dir).sort()) {
        const text = readFileSync(join(dir, f), 'utf8');
        const c = awsDocsMd.parse(text, { file: f });
        expect(c.service.prefix, f).toMatch(/^[a-z0-9-]+$/);
        actions += c.actions.length;
        expected += countActionRows(text);
        pages++;
      }
      expect(pages).toBe(date === '2020-01-03' ? 219 : 241);
      expect(actions).toBe(expected);
      expect(actions).toBeGreaterThan(1000);
    });
  }
});
if (!HAS_CORPUS) console.warn(NO_CORPUS);
