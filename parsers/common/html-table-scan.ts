import { decodeHTML, decodeHTMLAttribute } from 'entities/lib/decode.js';

/** A `<td>` as the reference's table logic needs it. */
export interface TableCell {
  /**
   * All its text, entities decoded. White space is as written inside a text, except that
   * the scan writes white space at the ends of texts as one space between them, and none at
   * the cell's ends: the text is only ever read with white space folded and trimmed (or, for
   * ARNs, removed), where the two are the same.
   */
  raw: string;
  /** The text of each `<p>` directly inside it, in order (how the reference writes lists). */
  paragraphs: string[];
  /** The `href` of the first `<a href>` inside it. */
  href?: string;
}

/** A `<tr>` with at least one `<td>`; header cells (`<th>`) are left out, as the DOM reading does. */
export interface TableRow {
  /** Offset of the `<tr` in the scanned text. */
  offset: number;
  cells: TableCell[];
}

/** Elements without content or end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Inline elements a `<p>` may hold without the HTML parser closing it first. */
const PHRASING = new Set(['a', 'abbr', 'b', 'br', 'code', 'em', 'i', 'kbd', 'small', 'span', 'strong', 'sub', 'sup', 'img', 'wbr']);
/** Elements whose content is not markup: left to the DOM reading. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const isWhite = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;

/** Only white space from `from` to `to`. */
function onlySpace(html: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isWhite(html.charCodeAt(i))) return false;
  return true;
}

/** The end tag's text from `from` to `end` (its `>`) names `name`: `</td>`, `</TD >`. */
function closes(html: string, from: number, end: number, name: string): boolean {
  let i = from;
  for (let k = 0; k < name.length; k++, i++) {
    let c = html.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== name.charCodeAt(k)) return false;
  }
  for (; i < end; i++) if (!isWhite(html.charCodeAt(i))) return false;
  return true;
}

const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** Characters of a tag name after its first letter (anything but white space, `/` and `>`). */
const isNameChar = (c: number) => c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x2f && c !== 0x3e;

/**
 * The position of the `>` that ends the start tag whose attributes begin at `from`, or -1 when
 * the tag is cut off or is anything but plain `name="value"`, `name='value'`, `name=value` and
 * `name` attributes (the DOM reads those). Quotes open a value only after `=`, as the HTML
 * tokenizer has it: in `<a w"x>` the quote is part of a name, and such a tag is left to the DOM.
 * Linear: each character is looked at once.
 */
function attributesEnd(html: string, from: number): number {
  let named = false; // an attribute name was read since the tag's name or the last value
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c > 0x3e) {
      named = true; // letters and the like (past `>`): most characters of a tag
      continue;
    }
    if (c === 0x3e) return i; // >
    if (isWhite(c) || c === 0x2f) continue; // white space, `/`: between attributes
    if (c === 0x22 || c === 0x27) return -1; // a quote in a name
    if (c !== 0x3d) {
      named = true;
      continue;
    }
    // `=`: the value of the name before it
    if (!named) return -1;
    named = false;
    i++;
    while (i < html.length && isWhite(html.charCodeAt(i))) i++;
    const q = html.charCodeAt(i);
    if (q === 0x22 || q === 0x27) {
      i = html.indexOf(q === 0x22 ? '"' : "'", i + 1); // to its closing quote
      if (i < 0) return -1;
      continue;
    }
    // unquoted: to white space or the `>` (a quote in it: left to the DOM)
    for (; i < html.length; i++) {
      const v = html.charCodeAt(i);
      if (v === 0x3e) return i;
      if (isWhite(v)) break;
      if (v === 0x22 || v === 0x27) return -1;
    }
  }
  return -1;
}

/** Tag names of the reference's tables, by length, kept as constants: most tags are these, and naming them allocates nothing. */
const COMMON_NAMES: readonly (readonly string[])[] = [[], ['p', 'a', 'b', 'i'], ['td', 'tr', 'th', 'br', 'em'], ['div'], ['code', 'span'], ['table', 'tbody', 'thead'], ['strong']];

/** The lower-cased tag name from `from` to `to`. */
function tagName(html: string, from: number, to: number): string {
  if (to - from < COMMON_NAMES.length) {
    const candidates = COMMON_NAMES[to - from]!;
    for (const c of candidates) if (html.startsWith(c, from)) return c;
  }
  return html.slice(from, to).toLowerCase();
}


/**
 * The value of attribute `name` in a start tag's attributes (the text after its name), entities
 * decoded; '' for an attribute without a value; the first one when it is given twice (as
 * htmlparser2 keeps it). A small tokenizer, not a regular expression: `title="… href=x"`
 * holds no attribute.
 */
function attribute(attrs: string, name: string): string | undefined {
  const ws = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  let i = 0;
  while (i < attrs.length) {
    while (i < attrs.length && (ws(attrs[i]!) || attrs[i] === '/')) i++;
    const from = i;
    while (i < attrs.length && !ws(attrs[i]!) && attrs[i] !== '=' && attrs[i] !== '/' && attrs[i] !== '>') i++;
    if (i === from) {
      i++;
      continue;
    }
    const attr = attrs.slice(from, i).toLowerCase();
    let j = i;
    while (j < attrs.length && ws(attrs[j]!)) j++;
    let value = '';
    if (attrs[j] === '=') {
      j++;
      while (j < attrs.length && ws(attrs[j]!)) j++;
      const q = attrs[j];
      if (q === '"' || q === "'") {
        const close = attrs.indexOf(q, j + 1);
        value = attrs.slice(j + 1, close < 0 ? attrs.length : close);
        i = close < 0 ? attrs.length : close + 1;
      } else {
        const from2 = j;
        while (j < attrs.length && !ws(attrs[j]!) && attrs[j] !== '>') j++;
        value = attrs.slice(from2, j);
        i = j;
      }
    }
    if (attr === name) return decodeHTMLAttribute(value);
  }
  return undefined;
}

/** A `<td>` being scanned: what the reader gets, and the state of its text. */
interface ScanCell extends TableCell {
  depth: number;
  /** The text of the `<p>` open directly inside the cell. */
  paragraph: string | undefined;
  /** White space seen since the last text of the cell (of the paragraph): written as one space before the next text. */
  rawSpace: boolean;
  paragraphSpace: boolean;
}

/**
 * The text from `from` to `to` added to the cell. White space at either end of it is not
 * copied: it is remembered, and written as one space before the cell's next text, so a cell's
 * raw text neither begins nor ends with pretty-printing. (A function of its own, not a closure:
 * the scan's variables stay out of a closure's context.)
 */
function addText(cell: ScanCell, html: string, from: number, to: number): void {
  if (to <= from) return;
  let a = from;
  while (a < to && isWhite(html.charCodeAt(a))) a++;
  if (a === to) {
    cell.rawSpace = cell.paragraphSpace = true;
    return;
  }
  let b = to;
  while (isWhite(html.charCodeAt(b - 1))) b--;
  const before = a > from;
  let piece = html.slice(a, b);
  if (piece.includes('&')) piece = decodeHTML(piece);
  cell.raw += (cell.rawSpace || before) && cell.raw !== '' ? ' ' + piece : piece;
  cell.rawSpace = b < to;
  if (cell.paragraph !== undefined) {
    cell.paragraph += (cell.paragraphSpace || before) && cell.paragraph !== '' ? ' ' + piece : piece;
    cell.paragraphSpace = b < to;
  }
}

/**
 * The rows of the `<table>…</table>` that starts at `from`, read by a single linear pass over
 * its text (no DOM), and the offset just past its `</table>`: what a page of the reference
 * holds, several times faster than building a DOM and with no garbage beyond the rows. It
 * reads only well-formed tables, every element closed in order, as the reference's pages are
 * written; on anything an HTML parser would have to repair (an element closed out of order or
 * not at all, a block inside a `<p>`, a nested table, raw-text elements) it returns undefined
 * and the caller builds a DOM with cheerio, whose reading this one matches (a test compares
 * them on every page of the corpus). Offsets are `html`'s: a page is scanned in place.
 * `links: 'first-cell'` reads the `href` of a row's first cell only (all a reader may need).
 */
export function scanTableAt(html: string, from: number, { links = 'every' }: { links?: 'every' | 'first-cell' } = {}): { rows: TableRow[]; end: number } | undefined {
  const rows: TableRow[] = [];
  const stack: string[] = [];
  let row: TableRow | undefined;
  let cell: ScanCell | undefined;
  let pos = from;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) break; // the table never closed
    if (cell) addText(cell, html, pos, lt);
    const next = html[lt + 1];
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) return undefined;
      pos = end + 3;
      continue;
    }
    if (next === '/') {
      // The element it closes must be the one open (else an HTML parser would repair it):
      // compared in place, without cutting the name out, as this is most tags. `</td>` right
      // after the name is looked at first; `</td >` and the like take the search for `>`.
      const name = stack.pop();
      if (name === undefined) return undefined;
      let end = lt + 2 + name.length;
      if (html.charCodeAt(end) !== 0x3e || !closes(html, lt + 2, end, name)) {
        end = html.indexOf('>', lt);
        if (end < 0 || !closes(html, lt + 2, end, name)) return undefined;
      }
      if (name === 'p' && cell && cell.paragraph !== undefined && stack.length === cell.depth) {
        cell.paragraphs.push(cell.paragraph);
        cell.paragraph = undefined;
      } else if (name === 'td' && cell) {
        row!.cells.push(cell); // as it is: its scan state is of no use to the reader, and no copy is made
        cell = undefined;
      } else if (name === 'tr' && row) {
        if (row.cells.length > 0) rows.push(row);
        row = undefined;
      }
      pos = end + 1;
      if (stack.length === 0) return !row && !cell ? { rows, end: pos } : undefined; // the table closed
      continue;
    }
    if (!isLetter(html.charCodeAt(lt + 1))) {
      if (next === '!' || next === '?') return undefined; // declarations, CDATA: the DOM's
      // `<` that starts no tag is text (`a < b`), as an HTML parser reads it.
      if (cell) addText(cell, html, lt, lt + 1);
      pos = lt + 1;
      continue;
    }
    let nameEnd = lt + 2;
    while (nameEnd < html.length && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    // `<td>`: no attributes, the name ends the tag. Else the attributes, quotes and all, to the `>`.
    const end = html.charCodeAt(nameEnd) === 0x3e ? nameEnd : attributesEnd(html, nameEnd);
    if (end < 0) return undefined;
    const name = tagName(html, lt + 1, nameEnd);
    const selfClosing = html.charCodeAt(end - 1) === 0x2f; // '/'
    pos = end + 1;
    if (RAW_TEXT.has(name)) return undefined;
    if (cell && cell.paragraph !== undefined && !PHRASING.has(name)) return undefined; // would close the <p> first
    const top = stack.length > 0 ? stack[stack.length - 1] : undefined; // (no read past the end: it would deoptimize the loop)
    if ((name === 'table') !== (stack.length === 0)) return undefined; // the table itself, and no table inside it
    if (name === 'tr') {
      if (row || (top !== 'table' && top !== 'tbody' && top !== 'thead' && top !== 'tfoot')) return undefined;
      row = { offset: lt, cells: [] };
    } else if (name === 'td' || name === 'th') {
      if (top !== 'tr' || cell) return undefined;
      if (name === 'td') cell = { raw: '', paragraphs: [], depth: stack.length + 1, paragraph: undefined, rawSpace: false, paragraphSpace: false };
    } else if (name === 'p' && cell && stack.length === cell.depth) {
      cell.paragraph = '';
      cell.paragraphSpace = false;
    } else if (name === 'a' && cell && cell.href === undefined && (links === 'every' || row!.cells.length === 0)) {
      const href = attribute(html.slice(nameEnd, end), 'href');
      if (href !== undefined) cell.href = href;
    }
    if (VOID.has(name)) continue;
    if (selfClosing) return undefined; // `<p/>` and the like: HTML ignores the slash; leave it to the DOM
    stack.push(name);
  }
  return undefined; // the table never closed
}

/** The rows of a text that is one table, from its `<table` to its `</table>` (scanTableAt). */
export function scanTableRows(html: string): TableRow[] | undefined {
  const scanned = html.startsWith('<') ? scanTableAt(html, 0) : undefined;
  return scanned && scanned.end === html.length ? scanned.rows : undefined;
}
