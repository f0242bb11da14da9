import { createRequire } from 'node:module';
// Types only (erased at runtime): the node types cheerio's own API is declared with.
import type { AnyNode, Element } from 'domhandler';
import type { TableCell, TableRow } from './html-table-scan.js';

// cheerio takes ~100 ms to import: load it only when a page needs the DOM reading.
type CheerioLoad = (typeof import('cheerio'))['load'];
let cheerioLoad: CheerioLoad | undefined;
function load(...args: Parameters<CheerioLoad>): ReturnType<CheerioLoad> {
  cheerioLoad ??= (createRequire(import.meta.url)('cheerio') as typeof import('cheerio')).load;
  return cheerioLoad(...args);
}

const isElement = (n: AnyNode): n is Element => 'attribs' in n;
const childElements = (el: Element, name: string): Element[] => el.children.filter((c): c is Element => isElement(c) && c.name === name);

/** All the text below a node, entities decoded (comments have none). */
function rawText(node: AnyNode): string {
  if (node.nodeType === 3) return 'data' in node ? node.data : '';
  if (!('children' in node)) return '';
  let out = '';
  for (const c of node.children) out += rawText(c);
  return out;
}

/** The first descendant `<a href>`. */
function firstLink(node: Element): Element | undefined {
  for (const c of node.children) {
    if (!isElement(c)) continue;
    if (c.name === 'a' && c.attribs.href !== undefined) return c;
    const inner = firstLink(c);
    if (inner) return inner;
  }
  return undefined;
}

function cellOf(td: Element): TableCell {
  const href = firstLink(td)?.attribs.href;
  return { raw: rawText(td), paragraphs: childElements(td, 'p').map(rawText), ...(href !== undefined ? { href } : {}) };
}

/**
 * The rows of a table read through a DOM that cheerio builds (htmlparser2, with the repairs an
 * HTML parser makes): the reading of any table, well-formed or not. Rows are found through
 * thead/tbody/tfoot; a row's `<th>` cells are left out, and rows without `<td>` too.
 */
export function domTableRows(html: string): TableRow[] {
  const [table] = load(html, { xml: { xmlMode: false, withStartIndices: true } })('table').toArray();
  if (!table) return [];
  const rows: TableRow[] = [];
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name === 'tr') {
        const cells = childElements(c, 'td');
        if (cells.length > 0) rows.push({ offset: c.startIndex ?? 0, cells: cells.map(cellOf) });
      } else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

/** The text of an HTML fragment, entities decoded, through the DOM. */
export function domFragmentText(html: string): string {
  const [root] = load(`<div>${html}</div>`, { xml: { xmlMode: false } })('div').toArray();
  return root ? rawText(root) : '';
}
