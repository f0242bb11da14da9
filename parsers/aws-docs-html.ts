import { decodeHTML } from 'entities/lib/decode.js';
import { parseAccessLevel } from '../src/model/access-level.js';
import type { Action, ActionResourceType, Catalog, ConditionKey, ResourceType } from '../src/model/catalog.js';
import { InputError } from '../src/model/errors.js';
import { normalizeCatalog, sortedByName, sortedUnique } from '../src/model/normalize.js';
import { ownString, sharedString } from '../src/text/own-string.js';
import { appendAll } from '../src/util/append-all.js';
import { findServicePrefix, firstElementContent, stripTags, tooDeepAt } from './common/html-scan.js';
import { domFragmentText, domTableRows } from './common/html-table-dom.js';
import { scanTableAt, type TableCell, type TableRow } from './common/html-table-scan.js';
import { foldSpace } from '../src/text/fold-space.js';
import { pageLayout } from './common/html-page-layout.js';
import { withoutPermissionOnly } from './common/permission-only.js';
import type { CatalogParser, ParseOptions } from './parser.js';

/**
 * One service page of the AWS Service Authorization Reference as HTML
 * (docs.aws.amazon.com/service-authorization/latest/reference/list_*.html).
 * Only its three tables are read. Each is read by one linear pass over its text
 * (html-table-scan) when it is as well-formed as the reference writes them, else through
 * a DOM that cheerio builds (html-table-dom); both give the same rows (a corpus test
 * compares them on every page). Offsets give the line of each row.
 */
export const awsDocsHtml: CatalogParser = {
  id: 'aws-docs-html',
  multiPage: true,
  title: 'AWS Service Authorization Reference page as HTML (list_<service>.html)',
  carries: ['actions', 'description', 'accessLevel', 'resourceTypes', 'resourceRequired', 'conditionKeys', 'dependentActions', 'documentationUrl', 'serviceResourceTypes', 'serviceConditionKeys'],
  detect(text) {
    return startsWithTag(text) && /<(?:html|table)\b/i.test(text) && findServicePrefix(text) !== undefined;
  },
  parse(text, options) {
    return parseAwsDocsHtml(text, options);
  },
};

/** The document's first character, white space and a byte-order mark aside, opens a tag (`<!DOCTYPE`, `<html`, `<table`). */
function startsWithTag(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d || ch === 0xfeff) continue;
    return ch === 0x3c; // <
  }
  return false;
}

/** How deep tags may nest in a table before a DOM is built (htmlparser2 and domhandler recurse; real tables nest about 10). */
const MAX_HTML_DEPTH = 256;

type TableKind = 'actions' | 'resources' | 'conditions';

/** How tables are read: `scan` when it can, else the DOM (the default); `dom` always (to compare the two). */
export type HtmlReading = 'scan' | 'dom';

// ---------------------------------------------------------------- cells

/** A cell's text, white space folded, copied out of the page (a slice would keep the whole page alive). */
function text(cell: TableCell | undefined): string {
  return cell ? ownString(foldSpace(cell.raw)) : '';
}

/** Items of a list cell: one per `<p>` (how the reference writes lists), else its words. */
function cellItems(cell: TableCell | undefined): string[] {
  const out: string[] = [];
  if (!cell) return out;
  const items = cell.paragraphs.length > 0 ? cell.paragraphs : foldSpace(cell.raw).split(' ');
  for (const item of items) {
    const folded = foldSpace(item);
    if (folded) out.push(sharedString(folded));
  }
  return out;
}

/** 1-based line of offsets met in increasing order (rows), counting line breaks once. */
function lineCounter(source: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    if (offset < at) {
      at = 0;
      line = 1;
    }
    for (let i = source.indexOf('\n', at); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
    at = offset;
    return line;
  };
}

// ---------------------------------------------------------------- tables

interface Ctx {
  file: string;
  lineOf: (row: TableRow) => number;
}

/** The one empty list every empty list of a page's actions is (frozen: nothing may add to it). */
const NONE: never[] = Object.freeze([]) as unknown as never[];

const ACTION_NAME_RE = /^[A-Za-z0-9_-]+$/;

/** A new action from the six cells of the row that names it. */
function startAction(cells: TableCell[], row: TableRow, ctx: Ctx): Action {
  const [nameCell, descCell, levelCell] = cells as [TableCell, TableCell, TableCell];
  const line = ctx.lineOf(row);
  // "Name [permission only]" marks an action with no API operation of the same name.
  const name = withoutPermissionOnly(text(nameCell));
  if (!ACTION_NAME_RE.test(name)) throw new InputError(ctx.file, `"${name}" is not an action name`, line);
  const levelText = text(levelCell);
  const accessLevel = parseAccessLevel(levelText);
  if (!accessLevel) throw new InputError(ctx.file, `unknown access level "${levelText}" for ${name}`, line);
  // Built in normal form (keys in its order, none undefined; finishAction sorts its lists), by one
  // literal per shape so every field is held in the object (fields added later spill into a second store).
  const description = text(descCell);
  return nameCell.href === undefined
    ? { name, description, accessLevel, resourceTypes: NONE, conditionKeys: NONE, dependentActions: NONE, line }
    : { name, description, accessLevel, resourceTypes: NONE, conditionKeys: NONE, dependentActions: NONE, documentationUrl: ownString(nameCell.href), line };
}

/**
 * A list as long as its items: one grown by push keeps room for 16 more, and the catalog
 * keeps its lists to the end (20,000 actions of a version: 2.5 MB of empty slots, and
 * 70,000 empty lists, which are all NONE).
 */
function exact<T>(list: T[]): T[] {
  return list.length === 0 ? NONE : list.slice();
}

/** The action's lists sorted, without repeats and without spare room, its resource types by name: the normal form, without a copy of the action. */
function finishAction(action: Action): Action {
  for (const r of action.resourceTypes!) {
    r.conditionKeys = exact(sortedUnique(r.conditionKeys)!);
    r.dependentActions = exact(sortedUnique(r.dependentActions)!);
  }
  action.resourceTypes = exact(sortedByName(action.resourceTypes!));
  action.conditionKeys = exact(sortedUnique(action.conditionKeys)!);
  action.dependentActions = exact(sortedUnique(action.dependentActions)!);
  return action;
}

/** Resource types, condition keys and dependent actions of one row (its last three cells). */
function addRowFacts(action: Action, cells: TableCell[]): void {
  const [resCell, keyCell, depCell] = cells.slice(-3);
  const resources: ActionResourceType[] = cellItems(resCell).map((r) => ({ name: sharedString(r.replace(/\*$/, '').trim()), required: r.endsWith('*'), conditionKeys: NONE, dependentActions: NONE }));
  const keys = cellItems(keyCell);
  const deps = cellItems(depCell);
  // Keys and dependent actions on a row with one resource type are that resource's;
  // on a row without one they are the action's own.
  const owner = resources.length === 1 ? resources[0]! : action;
  owner.conditionKeys = withItems(owner.conditionKeys!, keys);
  owner.dependentActions = withItems(owner.dependentActions!, deps);
  action.resourceTypes = withItems(action.resourceTypes!, resources);
}

/** `list` with `items` after it: NONE gives way to the items' own (new) array, any other list takes them in. */
function withItems<T>(list: T[], items: T[]): T[] {
  if (items.length === 0) return list;
  return list === NONE ? items : appendAll(list, items);
}

/**
 * The actions table. An action with several rows spans them with `rowspan` on its
 * first cells: a continuation row has 3 cells (resource, keys, dependent actions).
 * A row of 5 cells continues the action cell but not its description and level:
 * the reference uses these for "SCENARIO:" rows (EC2 RunInstances, CloudWatch …)
 * that restate resource sets per scenario; the model has no scenarios, so they are
 * skipped (the action's own rows already list every resource type). Any other
 * 5-cell row is read like a continuation row.
 */
function parseActions(rows: TableRow[], ctx: Ctx): Action[] {
  const actions: Action[] = [];
  let current: Action | undefined;
  for (const row of rows) {
    const { cells } = row;
    if (cells.length === 6) {
      current = startAction(cells, row, ctx);
      actions.push(current);
    } else {
      if (!current) throw new InputError(ctx.file, `actions table row of ${cells.length} cells before any action`, ctx.lineOf(row));
      if (cells.length === 5 && /^SCENARIO:/i.test(foldSpace(cells[0]!.raw))) continue;
      if (cells.length !== 3 && cells.length !== 5) {
        throw new InputError(ctx.file, `actions table row of ${current.name} has ${cells.length} cells (expected 6, or 3 or 5 to continue it)`, ctx.lineOf(row));
      }
    }
    addRowFacts(current, cells);
  }
  return actions.map(finishAction);
}

function parseResourceTypes(rows: TableRow[], ctx: Ctx): ResourceType[] {
  return rows.map((row) => {
    const { cells } = row;
    if (cells.length < 3) throw new InputError(ctx.file, `resource types row has ${cells.length} of 3 cells`, ctx.lineOf(row));
    // ARNs hold no white space: what pretty-printing put around the <span>{</span> parts goes.
    return { name: text(cells[0]), arnPattern: ownString(cells[1]!.raw.replace(/\s+/g, '')), conditionKeys: cellItems(cells[2]) };
  });
}

function parseConditionKeys(rows: TableRow[], ctx: Ctx): ConditionKey[] {
  return rows.map((row) => {
    const { cells } = row;
    if (cells.length < 3) throw new InputError(ctx.file, `condition keys row has ${cells.length} of 3 cells`, ctx.lineOf(row));
    return { name: text(cells[0]), description: text(cells[1]) || undefined, type: text(cells[2]) || undefined };
  });
}

// ---------------------------------------------------------------- page

/** `Actions, resources, and condition keys for Amazon X` (H1, else <title>) → `Amazon X`. */
function serviceName(heading: string | undefined): string | undefined {
  const raw = heading?.replace(/\s+-\s+Service Authorization Reference$/i, '');
  return raw?.replace(/^Actions, resources, and condition keys for\s+/i, '').trim() || undefined;
}

/** The text of the first `<tag>…</tag>` of the page, entities decoded (the DOM only for a heading with markup in it). */
function elementText(source: string, tag: string, reading: HtmlReading): string | undefined {
  const content = firstElementContent(source, tag);
  if (content === undefined) return undefined;
  if (reading === 'scan' && !content.includes('<')) return ownString(foldSpace(decodeHTML(content)));
  if (tooDeepAt(content, MAX_HTML_DEPTH) >= 0) return undefined;
  return ownString(foldSpace(domFragmentText(content)));
}

/** A table's kind from its first header cell, read off the raw HTML. */
function tableKindOf(html: string): TableKind | undefined {
  const th = firstElementContent(html, 'th');
  const head = stripTags(th ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  if (head === 'actions') return 'actions';
  if (head.startsWith('resource types')) return 'resources';
  if (head.startsWith('condition keys')) return 'conditions';
  return undefined;
}

/** The rows of a table the scan could not read, through the DOM (after checking its nesting, which the DOM builders recurse on); offsets are the page's. */
function domRows(start: number, html: string, file: string, lineOf: (offset: number) => number): TableRow[] {
  const deep = tooDeepAt(html, MAX_HTML_DEPTH);
  if (deep >= 0) throw new InputError(file, `tags nested deeper than ${MAX_HTML_DEPTH} levels`, lineOf(start + deep));
  const rows = domTableRows(html);
  for (const row of rows) row.offset += start;
  return rows;
}

/** The page says `phrase`, in any case (as written first: a plain search; any other case: the slower case-free one). */
function says(source: string, phrase: string): boolean {
  return source.includes(phrase) || new RegExp(phrase, 'i').test(source);
}

function parseAwsDocsHtml(source: string, { file }: ParseOptions, reading: HtmlReading = 'scan'): Catalog {
  const prefix = findServicePrefix(source);
  if (!prefix) throw new InputError(file, 'not a Service Authorization Reference page: no "(service prefix: <code>…</code>)"', 1);
  const lineOf = lineCounter(source);
  const ctx: Ctx = { file, lineOf: (row) => lineOf(row.offset) };

  // Only the three tables are read (the navigation and prose around them are most of a
  // page): each is cut out of the source and read alone, its offsets shifted back so errors
  // still name the page's own lines.
  const tables = new Map<TableKind, { start: number; rows: TableRow[] | undefined; html: string }>();
  let lastTableEnd = 0;
  for (let start = source.indexOf('<table'); start >= 0; ) {
    // A well-formed table is scanned in place, which finds its end; any other is cut out by its
    // tags and read through the DOM when it is one of the three.
    const scanned = reading === 'scan' ? scanTableAt(source, start, { links: 'first-cell' }) : undefined; // only an action's name links
    let end = scanned?.end;
    if (end === undefined) {
      const close = source.indexOf('</table>', start);
      const next = source.indexOf('<table', start + 1);
      // A table cut off (truncated download) has no closing tag before the next table.
      if (close < 0 || (next >= 0 && next < close)) throw new InputError(file, 'table is never closed (truncated page?)', lineOf(start));
      end = close + '</table>'.length;
    }
    const html = source.slice(start, end);
    const kind = tableKindOf(html);
    if (kind && !tables.has(kind)) tables.set(kind, { start, rows: scanned?.rows, html });
    lastTableEnd = end;
    start = source.indexOf('<table', end);
  }
  const rowsOf = (kind: TableKind) => {
    const t = tables.get(kind);
    return t && (t.rows ?? domRows(t.start, t.html, file, lineOf));
  };

  const actionRows = rowsOf('actions');
  if (!actionRows) throw new InputError(file, `no actions table on the page of ${prefix} (truncated page?)`, lineOf(source.length));
  const actions = parseActions(actionRows, ctx);
  if (actions.length === 0) throw new InputError(file, 'the actions table has no actions', lineOf(tables.get('actions')!.start));

  // A section without a table says so ("does not support specifying a resource ARN",
  // "has no service-specific context keys"); neither table nor sentence: the page is cut.
  const resourceRows = rowsOf('resources');
  let resourceTypes: ResourceType[] = [];
  if (resourceRows) resourceTypes = parseResourceTypes(resourceRows, ctx);
  else if (!says(source, 'does not support specifying a resource ARN')) throw new InputError(file, 'no resource types table (truncated page?)', lineOf(source.length));
  const keyRows = rowsOf('conditions');
  let conditionKeys: ConditionKey[] = [];
  if (keyRows) conditionKeys = parseConditionKeys(keyRows, ctx);
  else if (!says(source, 'has no service-specific context keys')) throw new InputError(file, 'no condition keys table (truncated page?)', lineOf(source.length));

  // Every page ends with </html> after its tables; a download cut after a table does not.
  if (!/<\/html\s*>/i.test(source.slice(lastTableEnd))) throw new InputError(file, 'the page ends without </html> after its tables (truncated page?)', lineOf(source.length));

  return normalizeCatalog(
    {
      // The pages state no date (no last-updated marker), so source.date stays unset.
      service: { prefix: ownString(prefix), name: serviceName(elementText(source, 'h1', reading) || elementText(source, 'title', reading)) },
      source: { format: awsDocsHtml.id, file, olderLayout: pageLayout(source) === 'older' || undefined },
      carries: [...awsDocsHtml.carries],
      actions,
      resourceTypes,
      conditionKeys,
    },
    { actionsInNormalForm: true },
  );
}

/** The same page read with every table through the DOM (to check the scan against). */
export function parseAwsDocsHtmlThroughDom(source: string, options: ParseOptions): Catalog {
  return parseAwsDocsHtml(source, options, 'dom');
}
