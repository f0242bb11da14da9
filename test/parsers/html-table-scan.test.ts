import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awsDocsHtml, parseAwsDocsHtmlThroughDom } from '../../parsers/aws-docs-html.js';
import { domTableRows } from '../../parsers/common/html-table-dom.js';
import { normalizeCatalog } from '../../src/model/normalize.js';
import { scanTableAt, scanTableRows, type TableRow } from '../../parsers/common/html-table-scan.js';
import { foldSpace } from '../../src/text/fold-space.js';
import { corpusDir, HAS_CORPUS, NO_CORPUS } from '../helpers/corpus.js';
import { FIXTURES } from '../helpers/paths.js';

/** Rows as the table logic reads them: text folded, ARN text without white space, paragraphs folded, the link. */
function read(rows: TableRow[] | undefined) {
  return rows?.map((r) => ({ offset: r.offset, cells: r.cells.map((c) => ({ text: foldSpace(c.raw), bare: c.raw.replace(/\s+/g, ''), paragraphs: c.paragraphs.map(foldSpace), href: c.href })) }));
}

/** Every table of a page, as its text. */
function tablesOf(page: string): string[] {
  const out: string[] = [];
  for (let s = page.indexOf('<table'); s >= 0; s = page.indexOf('<table', s + 1)) {
    const e = page.indexOf('</table>', s);
    if (e > 0) out.push(page.slice(s, e + '</table>'.length));
  }
  return out;
}

describe('the scan of a table reads what the DOM reads', () => {
  it('on the fixture pages, table by table and page by page', () => {
    const dir = join(FIXTURES, 'html');
    for (const f of readdirSync(dir)) {
      const page = readFileSync(join(dir, f), 'utf8');
      for (const t of tablesOf(page)) expect(read(scanTableRows(t)), f).toEqual(read(domTableRows(t)));
      const parsed = awsDocsHtml.parse(page, { file: f });
      expect(parsed, f).toEqual(parseAwsDocsHtmlThroughDom(page, { file: f }));
      expect(JSON.stringify(parsed), f).toBe(JSON.stringify(normalizeCatalog(parsed)));
    }
  });

  it('cells: paragraphs, the first link, entities, comments, white space and header cells', () => {
    const t = '<table><thead><tr><th>Actions</th><th>x</th></tr></thead><tbody>\n<tr>\n <td rowspan="2"><a id="a"></a><a href="https://x/API_A.html?a=1&amp;b=2">A</a> [permission only]</td>\n <td>Grants&nbsp;permission &lt;to&gt; do <!-- a comment --> it</td>\n <td><p>k:One</p>\n <p>k:<b>Two</b></p></td></tr>\n<tr><td></td><th>h</th><td>y</td></tr></tbody></table>';
    const rows = scanTableRows(t)!;
    expect(read(rows)).toEqual(read(domTableRows(t)));
    expect(rows[0]!.cells[0]!.href).toBe('https://x/API_A.html?a=1&b=2');
    expect(foldSpace(rows[0]!.cells[1]!.raw)).toBe('Grants permission <to> do it'); // &nbsp; is white space to \s
    expect(rows[0]!.cells[2]!.paragraphs).toEqual(['k:One', 'k:Two']);
    expect(rows[1]!.cells.map((c) => c.raw)).toEqual(['', 'y']);
  });

  it("links: 'first-cell' reads the link of a row's first cell only", () => {
    const t = '<table><tr><td><a href="u1">A</a></td><td><a href="#r">r*</a></td></tr><tr><td>B</td><td><a href="#s">s</a></td></tr></table>';
    expect(scanTableAt(t, 0)!.rows.map((r) => r.cells.map((c) => c.href))).toEqual([['u1', '#r'], [undefined, '#s']]);
    expect(scanTableAt(t, 0, { links: 'first-cell' })!.rows.map((r) => r.cells.map((c) => c.href))).toEqual([['u1', undefined], [undefined, undefined]]);
    expect(scanTableAt(`<p>x</p>${t}<p>y</p>`, 8)).toEqual({ rows: scanTableAt(t, 0)!.rows.map((r) => ({ ...r, offset: r.offset + 8 })), end: 8 + t.length });
  });

  it('pretty-printing: white space at the ends of texts becomes one space between them, none at the ends of a cell', () => {
    const t = '<table><tr><td>\n  <p>\n   a  b\n  </p>\n  <p><b>c</b>d \n e</p>\n </td><td> x<i>y</i> </td><td>\n\t</td></tr></table>';
    const rows = scanTableRows(t)!;
    expect(rows[0]!.cells.map((c) => c.raw)).toEqual(['a  b cd \n e', 'xy', '']);
    expect(rows[0]!.cells[0]!.paragraphs).toEqual(['a  b', 'cd \n e']);
    expect(read(rows)).toEqual(read(domTableRows(t)));
  });

  it('leaves to the DOM what an HTML parser would repair: unclosed or crossed elements, blocks in a <p>, nested tables', () => {
    for (const t of [
      '<table><tr><td>a<td>b</tr></table>',
      '<table><tr><td><p>a<div>b</div></p></td></tr></table>',
      '<table><tr><td><b><i>a</b></i></td></tr></table>',
      '<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>',
      '<table><tr><td><p/>a</td></tr></table>',
      '<table><tr><td><script>a</td></script></td></tr></table>',
      // quotes that open no value (a fuzzing run found the first: the scan took `"w" ></a>…` for one value)
      '<table><tr><td><a href="unclosed>></a></td><td><p><a id=k  href = "w" ></a></p></td></tr><tr><td><a title="a>b" href=\'c>d\'></a></td></tr></table>',
      '<table><tr><td><a w"x href=y>a</a></td></tr></table>',
      '<table><tr><td><a href=a"b>a</a></td></tr></table>',
      '<table><tr><td><a ="x">a</a></td></tr></table>',
    ]) expect(scanTableRows(t), t).toBeUndefined();
  });

  it('on generated tables (well-formed or not): the same rows, or none and the DOM reads it', () => {
    const text = fc.stringMatching(/^[a-z &;<>*:'"=\-.\n]{0,12}$/);
    const attrs = fc.constantFrom('', ' href', ' href=x', " HREF='y&amp;z'", ' title="a href=b" href="c"', ' href="1" href="2"', ' id=k  href = "w" ', ' data-href="no"', ' title="a>b" href=\'c>d\'', " alt='x\"y>' href=z", ' href="unclosed>');
    const inline = fc.oneof(text, text.map((s) => `<b>${s}</b>`), text.map((s) => `<a href="${s.replace(/"/g, '')}">${s}</a>`), fc.tuple(attrs, text).map(([a, s]) => `<a${a}>${s}</a>`), fc.constantFrom('<br>', '<br/>', '<!-- c -->', '&amp;', '&lt;', '&nbsp;', '<p>', '</p>', '<td>', '</span>'));
    const cell = fc.array(fc.oneof(inline, fc.array(inline, { maxLength: 3 }).map((xs) => `<p>${xs.join('')}</p>`)), { maxLength: 4 }).map((xs) => `<td>${xs.join('')}</td>`);
    const row = fc.array(fc.oneof(cell, fc.constant('<th>h</th>'), fc.constant('\n ')), { maxLength: 7 }).map((cs) => `<tr>${cs.join('')}</tr>`);
    const table = fc.array(row, { maxLength: 4 }).map((rs) => `<table><tbody>${rs.join('\n')}</tbody></table>`);
    fc.assert(
      fc.property(table, (t) => {
        const scanned = scanTableRows(t);
        if (scanned) expect(read(scanned)).toEqual(read(domTableRows(t)));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: Number(process.env.FUZZ_SEED ?? 7) },
    );
  });
});

describe('folding white space', () => {
  it('is the replacement of every run of \\s by one space, trimmed, on any text (the fast path returns already folded text as it is)', () => {
    const reference = (t: string) => t.replace(/\s+/g, ' ').trim();
    const piece = fc.oneof(fc.stringMatching(/^[a-z]{0,3}$/), fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\ufeff', '\u2028', '\u3000', '\r\n ', 'é'));
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }).map((xs) => xs.join('')), (t) => foldSpace(t) === reference(t)), { numRuns: 5000 });
    expect(foldSpace('a b')).toBe('a b');
    expect(foldSpace(' a\u00a0b ')).toBe('a b');
  });
});

describe.skipIf(!HAS_CORPUS)(`scan and DOM on every page of the HTML corpus (${HAS_CORPUS ? 'present' : NO_CORPUS})`, () => {
  it('give the same catalog for each of the 1 025 pages, and no table needs the DOM', () => {
    let pages = 0;
    for (const version of ['2025-06-01', '2026-06-14']) {
      const dir = corpusDir('sar-html', version);
      for (const f of readdirSync(dir)) {
        const page = readFileSync(join(dir, f), 'utf8');
        const read = (parse: typeof awsDocsHtml.parse) => {
          try {
            return parse(page, { file: f });
          } catch (e) {
            return (e as Error).message;
          }
        };
        const parsed = read(awsDocsHtml.parse);
        expect(parsed, `${version}/${f}`).toEqual(read(parseAwsDocsHtmlThroughDom));
        // The parser builds actions in normal form (normalizeCatalog does not copy them): keys in order, lists sorted.
        if (typeof parsed !== 'string') expect(JSON.stringify(parsed), `${version}/${f}`).toBe(JSON.stringify(normalizeCatalog(parsed)));
        for (const t of tablesOf(page)) expect(scanTableRows(t), `${version}/${f}`).toBeDefined();
        pages++;
      }
    }
    expect(pages).toBe(1025);
  }, 120_000);
});
if (!HAS_CORPUS) console.warn(NO_CORPUS);
