import { createRequire } from 'node:module';
// Types only (erased at runtime): the node types cheerio's own API is declared with.
import type { AnyNode, Element } from 'domhandler';
import { parseAccessLevel } from '../src/model/access-level.js';
import type { Action, ActionResourceType, Catalog, ConditionKey, ResourceType } from '../src/model/catalog.js';
import { InputError } from '../src/model/errors.js';
import { normalizeCatalog } from '../src/model/normalize.js';
import { pageLayout } from './common/html-page-layout.js';
import type { CatalogParser, ParseOptions } from './parser.js';
import { withoutPermissionOnly } from './common/permission-only.js';
import { findServicePrefix, firstElementContent, stripTags, tooDeepAt } from './common/html-scan.js';
import { appendAll } from '../src/util/append-all.js';

// cheerio takes ~100 ms to import: load it on the first HTML page, not on every start.
type CheerioLoad = (typeof import('cheerio'))['load'];
let cheerioLoad: CheerioLoad | undefined;
function load(...args: Parameters<CheerioLoad>): ReturnType<CheerioLoad> {
  cheerioLoad ??= (createRequire(import.meta.url)('cheerio') as typeof import('cheerio')).load;
  return cheerioLoad(...args);
}

/**
 * One service page of the AWS Service Authorization Reference as HTML
 * (docs.aws.amazon.com/service-authorization/latest/reference/list_*.html).
 * Parsed with cheerio's htmlparser2 mode (several times faster than parse5) with
 * start offsets, from which the line of each action row is computed.
 */
export const awsDocsHtml: CatalogParser = {
  id: 'aws-docs-html',
  multiPage: true,
  title: 'AWS Service Authorization Reference page as HTML (list_<service>.html)',
  carries: ['actions', 'description', 'accessLevel', 'resourceTypes', 'resourceRequired', 'conditionKeys', 'dependentActions', 'documentationUrl', 'serviceResourceTypes', 'serviceConditionKeys'],
  detect(text) {
    return /<(?:html|table)\b/i.test(text) && findServicePrefix(text) !== undefined;
  },
  parse(text, options) {
    return parseAwsDocsHtml(text, options);
  },
};

/** How deep tags may nest in a table before the DOM is built (htmlparser2 and domhandler recurse; real tables nest about 10). */
const MAX_HTML_DEPTH = 256;


type TableKind = 'actions' | 'resources' | 'conditions';

// ---------------------------------------------------------------- DOM helpers

const isElement = (n: AnyNode): n is Element => 'attribs' in n;
const childElements = (el: Element, name: string): Element[] => el.children.filter((c): c is Element => isElement(c) && c.name === name);

/** Text of a node with entities decoded and runs of white space (pretty-printing) collapsed. */
function text(node: AnyNode): string {
  return rawText(node).replace(/\s+/g, ' ').trim();
}

function rawText(node: AnyNode): string {
  if (node.nodeType === 3) return 'data' in node ? node.data : ''; // a text node; comments have no children: ''
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

/** Items of a list cell: one per `<p>` (how the reference writes lists), else its words. */
function cellItems(cell: Element | undefined): string[] {
  if (!cell) return [];
  const ps = childElements(cell, 'p');
  const items = ps.length > 0 ? ps.map(text) : text(cell).split(' ');
  return items.filter(Boolean);
}

/** Rows of a table, looking through thead/tbody, with their td cells; header rows (th) left out. */
function tableRows(table: Element): { tr: Element; cells: Element[] }[] {
  const rows: { tr: Element; cells: Element[] }[] = [];
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name === 'tr') {
        const cells = childElements(c, 'td');
        if (cells.length > 0) rows.push({ tr: c, cells });
      } else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

/** 1-based line of a character offset, by binary search over the offsets of the line breaks. */
function lineIndex(source: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) breaks.push(i);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length; // count the breaks before offset
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

// ---------------------------------------------------------------- tables

interface Ctx {
  file: string;
  lineOf: (node: AnyNode) => number;
}

const ACTION_NAME_RE = /^[A-Za-z0-9_-]+$/;

/** A new action from the six cells of the row that names it. */
function startAction(cells: Element[], tr: Element, ctx: Ctx): Action {
  const [nameCell, descCell, levelCell] = cells as [Element, Element, Element];
  const line = ctx.lineOf(tr);
  // "Name [permission only]" marks an action with no API operation of the same name.
  const name = withoutPermissionOnly(text(nameCell));
  if (!ACTION_NAME_RE.test(name)) throw new InputError(ctx.file, `"${name}" is not an action name`, line);
  const levelText = text(levelCell);
  const accessLevel = parseAccessLevel(levelText);
  if (!accessLevel) throw new InputError(ctx.file, `unknown access level "${levelText}" for ${name}`, line);
  const documentationUrl = firstLink(nameCell)?.attribs.href;
  return { name, description: text(descCell), accessLevel, documentationUrl, resourceTypes: [], conditionKeys: [], dependentActions: [], line };
}

/** Resource types, condition keys and dependent actions of one row (its last three cells). */
function addRowFacts(action: Action, cells: Element[]): void {
  const [resCell, keyCell, depCell] = cells.slice(-3);
  const resources: ActionResourceType[] = cellItems(resCell).map((r) => ({ name: r.replace(/\*$/, '').trim(), required: r.endsWith('*'), conditionKeys: [], dependentActions: [] }));
  const keys = cellItems(keyCell);
  const deps = cellItems(depCell);
  // Keys and dependent actions on a row with one resource type are that resource's;
  // on a row without one they are the action's own.
  const owner = resources.length === 1 ? resources[0]! : action;
  appendAll(owner.conditionKeys!, keys);
  appendAll(owner.dependentActions!, deps);
  appendAll(action.resourceTypes!, resources);
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
function parseActions(table: Element, ctx: Ctx): Action[] {
  const actions: Action[] = [];
  let current: Action | undefined;
  for (const { tr, cells } of tableRows(table)) {
    if (cells.length === 6) {
      current = startAction(cells, tr, ctx);
      actions.push(current);
    } else {
      if (!current) throw new InputError(ctx.file, `actions table row of ${cells.length} cells before any action`, ctx.lineOf(tr));
      if (cells.length === 5 && /^SCENARIO:/i.test(text(cells[0]!))) continue;
      if (cells.length !== 3 && cells.length !== 5) {
        throw new InputError(ctx.file, `actions table row of ${current.name} has ${cells.length} cells (expected 6, or 3 or 5 to continue it)`, ctx.lineOf(tr));
      }
    }
    addRowFacts(current, cells);
  }
  return actions;
}

function parseResourceTypes(table: Element, ctx: Ctx): ResourceType[] {
  return tableRows(table).map(({ tr, cells }) => {
    if (cells.length < 3) throw new InputError(ctx.file, `resource types row has ${cells.length} of 3 cells`, ctx.lineOf(tr));
    // ARNs hold no white space: what pretty-printing put around the <span>{</span> parts goes.
    return { name: text(cells[0]!), arnPattern: rawText(cells[1]!).replace(/\s+/g, ''), conditionKeys: cellItems(cells[2]) };
  });
}

function parseConditionKeys(table: Element, ctx: Ctx): ConditionKey[] {
  return tableRows(table).map(({ tr, cells }) => {
    if (cells.length < 3) throw new InputError(ctx.file, `condition keys row has ${cells.length} of 3 cells`, ctx.lineOf(tr));
    return { name: text(cells[0]!), description: text(cells[1]!) || undefined, type: text(cells[2]!) || undefined };
  });
}

// ---------------------------------------------------------------- page

/** `Actions, resources, and condition keys for Amazon X` (H1, else <title>) → `Amazon X`. */
function serviceName(heading: string | undefined): string | undefined {
  const raw = heading?.replace(/\s+-\s+Service Authorization Reference$/i, '');
  return raw?.replace(/^Actions, resources, and condition keys for\s+/i, '').trim() || undefined;
}

/** The text of the first `<tag>…</tag>` of the page, entities decoded (cheerio on that fragment only). */
function elementText(source: string, tag: string): string | undefined {
  const content = firstElementContent(source, tag);
  if (content === undefined || tooDeepAt(content, MAX_HTML_DEPTH) >= 0) return undefined;
  const [root] = load(`<div>${content}</div>`, { xml: { xmlMode: false } })('div').toArray();
  return root ? text(root) : undefined;
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

function parseAwsDocsHtml(source: string, { file }: ParseOptions): Catalog {
  const prefix = findServicePrefix(source);
  if (!prefix) throw new InputError(file, 'not a Service Authorization Reference page: no "(service prefix: <code>…</code>)"', 1);
  const lines = lineIndex(source);

  // Only the three tables are built into a DOM (the navigation and prose around them are
  // most of a page): each is cut out of the source and parsed alone, its offsets shifted
  // back so errors still name the page's own lines.
  const tables = new Map<TableKind, Element>();
  const offsets = new Map<Element, number>();
  let lastTableEnd = 0;
  for (let start = source.indexOf('<table'); start >= 0; ) {
    const close = source.indexOf('</table>', start);
    const next = source.indexOf('<table', start + 1);
    // A table cut off (truncated download) has no closing tag before the next table.
    if (close < 0 || (next >= 0 && next < close)) throw new InputError(file, 'table is never closed (truncated page?)', lines(start));
    const html = source.slice(start, close + '</table>'.length);
    const kind = tableKindOf(html);
    const deep = kind ? tooDeepAt(html, MAX_HTML_DEPTH) : -1;
    if (deep >= 0) throw new InputError(file, `tags nested deeper than ${MAX_HTML_DEPTH} levels`, lines(start + deep));
    if (kind && !tables.has(kind)) {
      const [table] = load(html, { xml: { xmlMode: false, withStartIndices: true } })('table').toArray();
      if (table) {
        tables.set(kind, table);
        offsets.set(table, start);
      }
    }
    lastTableEnd = close + '</table>'.length;
    start = next;
  }
  let base = 0;
  const ctx: Ctx = { file, lineOf: (node) => lines(base + (node.startIndex ?? 0)) };
  const within = <T>(table: Element, f: () => T): T => {
    base = offsets.get(table) ?? 0;
    return f();
  };

  const actionsTable = tables.get('actions');
  if (!actionsTable) throw new InputError(file, `no actions table on the page of ${prefix} (truncated page?)`, lines(source.length));
  const actions = within(actionsTable, () => parseActions(actionsTable, ctx));
  if (actions.length === 0) throw new InputError(file, 'the actions table has no actions', lines(offsets.get(actionsTable)!));

  // A section without a table says so ("does not support specifying a resource ARN",
  // "has no service-specific context keys"); neither table nor sentence: the page is cut.
  const resourcesTable = tables.get('resources');
  let resourceTypes: ResourceType[] = [];
  if (resourcesTable) resourceTypes = within(resourcesTable, () => parseResourceTypes(resourcesTable, ctx));
  else if (!/does not support specifying a resource ARN/i.test(source)) throw new InputError(file, 'no resource types table (truncated page?)', lines(source.length));
  const keysTable = tables.get('conditions');
  let conditionKeys: ConditionKey[] = [];
  if (keysTable) conditionKeys = within(keysTable, () => parseConditionKeys(keysTable, ctx));
  else if (!/has no service-specific context keys/i.test(source)) throw new InputError(file, 'no condition keys table (truncated page?)', lines(source.length));

  // Every page ends with </html> after its tables; a download cut after a table does not.
  if (!/<\/html\s*>/i.test(source.slice(lastTableEnd))) throw new InputError(file, 'the page ends without </html> after its tables (truncated page?)', lines(source.length));

  return normalizeCatalog({
    // The pages state no date (no last-updated marker), so source.date stays unset.
    service: { prefix, name: serviceName(elementText(source, 'h1') || elementText(source, 'title')) },
    source: { format: awsDocsHtml.id, file, olderLayout: pageLayout(source) === 'older' || undefined },
    carries: [...awsDocsHtml.carries],
    actions,
    resourceTypes,
    conditionKeys,
  });
}
