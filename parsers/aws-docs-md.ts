import { parseAccessLevel } from '../src/model/access-level.js';
import type { Action, ActionResourceType, Catalog, CatalogField, ConditionKey, ResourceType } from '../src/model/catalog.js';
import { InputError } from '../src/model/errors.js';
import { normalizeCatalog } from '../src/model/normalize.js';
import { isDelimiterRow, markdownLinks, tableCells, unescapeMarkdown } from './common/markdown.js';
import { splitLines } from './common/text-lines.js';
import type { CatalogParser, ParseOptions } from './parser.js';
import { withoutPermissionOnly } from './common/permission-only.js';
import { appendAll } from '../src/util/append-all.js';

const ACTION_FIELDS: CatalogField[] = ['actions', 'description', 'accessLevel', 'resourceTypes', 'resourceRequired', 'conditionKeys', 'dependentActions', 'documentationUrl'];
const SERVICE_FIELDS: CatalogField[] = ['serviceResourceTypes', 'serviceConditionKeys'];

/** The Service Authorization Reference as markdown (awsdocs/iam-user-guide `list_*.md`). */
export const awsDocsMd: CatalogParser = {
  id: 'aws-docs-md',
  multiPage: true,
  title: 'AWS Service Authorization Reference as markdown tables',
  carries: [...ACTION_FIELDS, ...SERVICE_FIELDS],
  detect(text) {
    return /service prefix: `[^`]+`/.test(unescapeMarkdown(text.slice(0, 5000))) && /^## (Actions|Resource|Condition)/im.test(text);
  },
  parse(text, options) {
    return parseAwsDocsMd(text, options);
  },
};

type TableKind = 'actions' | 'resources' | 'conditions';

interface Row {
  line: number;
  cells: string[];
}

interface Table {
  /** Line of the header row. */
  line: number;
  rows: Row[];
}

/** Items of a cell: link texts where there are links, else whitespace-separated words; escapes removed. */
function cellItems(cell: string): string[] {
  const links = markdownLinks(cell);
  const items = links.length > 0 ? links.map((l) => l.text) : cell.split(/\s+/);
  return items.map((t) => unescapeMarkdown(t).trim()).filter(Boolean);
}

const isUrl = (s: string) => /^https?:\/\//.test(s);

/** `…#amazonec2containerregistry-repository` → `repository`: after the `#`, after its first `-`. */
function anchorName(url: string): string | undefined {
  const hash = url.indexOf('#');
  if (hash < 0 || hash === url.length - 1) return undefined;
  const rest = url.slice(hash + 1);
  const dash = rest.indexOf('-');
  return dash > 0 && dash < rest.length - 1 ? rest.slice(dash + 1) : rest;
}

/** Columns each table must have: the cells the parser reads. */
const COLUMNS: Record<TableKind, number> = { actions: 6, resources: 3, conditions: 3 };

/** Action name and documentation URL of the first cell: `[ Name ](url)`, `[url](url)` (old pages) or plain. */
function actionCell(cell: string, file: string, line: number): { name: string; url?: string } {
  const link = markdownLinks(cell)[0];
  // "Name [permission only]" marks an action with no API operation of the same name.
  const text = withoutPermissionOnly(unescapeMarkdown(link ? link.text : cell)).trim();
  let name = text;
  if (isUrl(text)) {
    // The last path segment before any `#`: `…/API_Name.html#anchor` → Name.
    const path = text.split('#', 1)[0]!;
    const m = /^(?:API_)?([A-Za-z0-9_-]+)\.html?$/.exec(path.slice(path.lastIndexOf('/') + 1));
    if (!m) throw new InputError(file, `cannot tell the action name from the link ${text}`, line);
    name = m[1]!;
  }
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new InputError(file, `"${name}" is not an action name`, line);
  return { name, url: link?.url };
}

function tableKind(header: string[]): TableKind | undefined {
  const first = unescapeMarkdown(header[0] ?? '').toLowerCase();
  if (first === 'actions') return 'actions';
  if (first.startsWith('resource types')) return 'resources';
  if (first.startsWith('condition keys')) return 'conditions';
  return undefined;
}

/** Every table of the page with its rows; a row with too few cells is a truncated table. */
function readTables(lines: string[], file: string): Map<TableKind, Table> {
  const tables = new Map<TableKind, Table>();
  for (let i = 0; i < lines.length; i++) {
    const header = tableCells(lines[i]!);
    if (!header) continue;
    const kind = tableKind(header);
    if (kind && header.length < COLUMNS[kind]) throw new InputError(file, `the ${kind} table has ${header.length} columns, expected ${COLUMNS[kind]}`, i + 1);
    const rows: Row[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const cells = tableCells(lines[j]!);
      if (!cells) break;
      if (isDelimiterRow(cells)) continue;
      if (cells.length < header.length || !lines[j]!.trimEnd().endsWith('|')) {
        throw new InputError(file, `table row has ${cells.length} of ${header.length} cells (truncated table?)`, j + 1);
      }
      rows.push({ line: j + 1, cells });
    }
    if (kind) tables.set(kind, { line: i + 1, rows });
    i = j - 1;
  }
  return tables;
}

function parseActions(rows: Row[], file: string): { actions: Action[]; referenced: Map<string, string> } {
  const actions: Action[] = [];
  const referenced = new Map<string, string>(); // anchor suffix (lower case) → resource name
  let current: Action | undefined;
  for (const { line, cells } of rows) {
    const [nameCell, descCell, levelCell, resCell, keyCell, depCell] = cells as [string, string, string, string, string, string];
    // A row with an empty first cell (or the same name again) continues the previous action.
    const continues = nameCell.trim() === '' || (current !== undefined && actionCell(nameCell, file, line).name === current.name);
    if (!continues) {
      const { name, url } = actionCell(nameCell, file, line);
      const levelText = unescapeMarkdown(levelCell).trim();
      const accessLevel = parseAccessLevel(levelText);
      if (!accessLevel) throw new InputError(file, `unknown access level "${levelText}" for ${name}`, line);
      current = { name, description: unescapeMarkdown(descCell).trim(), accessLevel, documentationUrl: url, resourceTypes: [], conditionKeys: [], dependentActions: [], line };
      actions.push(current);
    }
    if (!current) throw new InputError(file, 'continuation row before any action', line);
    const resources: ActionResourceType[] = cellItems(resCell).map((r) => ({ name: r.replace(/\*$/, '').trim(), required: r.endsWith('*'), conditionKeys: [], dependentActions: [] }));
    for (const link of markdownLinks(resCell)) {
      const anchor = anchorName(link.url);
      if (anchor) referenced.set(anchor.toLowerCase(), unescapeMarkdown(link.text).replace(/\*$/, '').trim());
    }
    const keys = cellItems(keyCell);
    const deps = cellItems(depCell);
    // Keys on a row with one resource type belong to it; otherwise to the action itself.
    if (resources.length === 1) {
      resources[0]!.conditionKeys = keys;
      resources[0]!.dependentActions = deps;
    } else {
      appendAll(current.conditionKeys!, keys);
      appendAll(current.dependentActions!, deps);
    }
    appendAll(current.resourceTypes!, resources);
  }
  return { actions, referenced };
}

/**
 * The name of a resource-types row. Old pages put a URL where the name goes; then the
 * name is the one the actions table links to whose word appears in the ARN, else the ARN's resource word.
 */
function resourceName(cell: string, arn: string, referenced: Map<string, string>, taken: Set<string>): string {
  const text = unescapeMarkdown(markdownLinks(cell)[0]?.text ?? cell).trim();
  if (!isUrl(text)) return text;
  const arnWords = new Set((arn.split(':').slice(5).join(':').match(/[A-Za-z0-9_-]+/g) ?? []).map((w) => w.toLowerCase()));
  const free = [...new Set(referenced.values())].filter((n) => !taken.has(n));
  const inArn = free.filter((n) => arnWords.has(n.toLowerCase()));
  if (inArn.length === 1) return inArn[0]!;
  if (free.length === 1) return free[0]!;
  return /^[A-Za-z0-9_-]+/.exec(arn.split(':').slice(5).join(':'))?.[0] ?? text;
}

/**
 * A page cut short (a truncated download) must not read as a shorter catalog. Its actions
 * table is followed by a resource types section and a condition keys section (a table, or
 * the sentence that says there is none); and a page whose text ends on the last row of a
 * table may have been cut at a row boundary: then every condition key of the service that
 * its tables use must be listed (real pages always list them).
 */
function checkComplete(p: { lines: string[]; file: string; prefix: string; hasActions: boolean; resourceTypes?: ResourceType[]; conditionKeys?: ConditionKey[]; actions: Action[]; lastRow: number }): void {
  if (!p.hasActions) return;
  const end = p.lines.length;
  if (!p.resourceTypes) throw new InputError(p.file, 'the page ends before its resource types section (truncated page?)', end);
  if (!p.conditionKeys) throw new InputError(p.file, 'the page ends before its condition keys section (truncated page?)', end);
  let last = end;
  while (last > 0 && p.lines[last - 1]!.trim() === '') last--;
  if (last !== p.lastRow) return; // text follows the last table: the page ends as pages do
  const listed = new Set(p.conditionKeys.map((k) => k.name.toLowerCase()));
  const own = `${p.prefix.toLowerCase()}:`;
  const used = [
    ...p.actions.flatMap((a) => [...(a.conditionKeys ?? []), ...(a.resourceTypes ?? []).flatMap((r) => r.conditionKeys ?? [])]),
    ...p.resourceTypes.flatMap((r) => r.conditionKeys ?? []),
  ];
  const missing = used.find((k) => k.toLowerCase().startsWith(own) && !listed.has(k.toLowerCase()));
  if (missing) throw new InputError(p.file, `the page ends on a table row and its condition keys table lacks ${missing}, which its tables use (truncated page?)`, end);
}

function parseAwsDocsMd(text: string, { file }: ParseOptions): Catalog {
  const lines = splitLines(text);
  const plain = unescapeMarkdown(text);
  const prefix = /service prefix: `([^`]+)`/.exec(plain)?.[1];
  if (!prefix) throw new InputError(file, 'no "(service prefix: `…`)" on the page', 1);
  const title = /^# (?:Actions, Resources, and Condition Keys for |Actions, resources, and condition keys for )?(.+?)(?:<a name=.*)?$/im.exec(text)?.[1];
  const tables = readTables(lines, file);

  const actionRows = tables.get('actions')?.rows;
  const hasActions = actionRows !== undefined;
  const { actions, referenced } = hasActions ? parseActions(actionRows, file) : { actions: [], referenced: new Map<string, string>() };

  let resourceTypes: ResourceType[] | undefined;
  const resourceRows = tables.get('resources')?.rows;
  if (resourceRows) {
    const taken = new Set<string>();
    resourceTypes = resourceRows.map(({ cells }) => {
      const arnPattern = unescapeMarkdown(cells[1]!).trim();
      const name = resourceName(cells[0]!, arnPattern, referenced, taken);
      taken.add(name);
      return { name, arnPattern, conditionKeys: cellItems(cells[2]!) };
    });
  } else if (/does not support specifying a resource ARN/.test(plain)) resourceTypes = [];

  let conditionKeys: ConditionKey[] | undefined;
  const keyRows = tables.get('conditions')?.rows;
  if (keyRows) {
    conditionKeys = keyRows.map(({ cells }) => ({
      name: cellItems(cells[0]!)[0] ?? '',
      description: unescapeMarkdown(cells[1]!).trim() || undefined,
      type: unescapeMarkdown(cells[2]!).trim() || undefined,
    }));
  } else if (/has no service-specific context keys/.test(plain)) conditionKeys = [];

  checkComplete({ lines, file, prefix, hasActions, resourceTypes, conditionKeys, actions, lastRow: [...tables.values()].reduce((n, t) => Math.max(n, t.rows.at(-1)?.line ?? t.line), 0) });

  // Pages whose actions table was replaced by a link carry no action facts at all.
  const carries: CatalogField[] = [...(hasActions ? ACTION_FIELDS : []), ...(resourceTypes ? ['serviceResourceTypes' as const] : []), ...(conditionKeys ? ['serviceConditionKeys' as const] : [])];
  return normalizeCatalog({
    service: { prefix, name: title?.trim() },
    source: { format: awsDocsMd.id, file },
    carries,
    actions,
    resourceTypes,
    conditionKeys,
  });
}
