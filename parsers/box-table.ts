import { parseAccessLevel } from '../src/model/access-level.js';
import type { Action, ActionResourceType, Catalog } from '../src/model/catalog.js';
import { InputError } from '../src/model/errors.js';
import { actionKey } from '../src/model/identity.js';
import { normalizeCatalog } from '../src/model/normalize.js';
import { splitLines } from './common/text-lines.js';
import type { CatalogParser, ParseOptions } from './parser.js';

type Column = 'action' | 'description' | 'accessLevel' | 'resourceTypes' | 'conditionKeys' | 'dependentActions';

const HEADERS: [RegExp, Column][] = [
  [/^actions?$/i, 'action'],
  [/^description$/i, 'description'],
  [/^access level$/i, 'accessLevel'],
  [/^resource types/i, 'resourceTypes'],
  [/^condition keys$/i, 'conditionKeys'],
  [/^dependent actions$/i, 'dependentActions'],
];

const CELL_SEPARATOR = /[│┃]/;
const isHeaderLine = (l: string) => l.trimStart().startsWith('┃');
const isBodyLine = (l: string) => l.trimStart().startsWith('│');
const isRowBorder = (l: string) => /^\s*[├┡┠╞]/.test(l);
const isBottom = (l: string) => /^\s*[└┗╘]/.test(l);

/** Cells of a body or header line, untrimmed on the right so a filled cell can be told apart. */
function cellsOf(line: string): string[] {
  const parts = line.trim().split(CELL_SEPARATOR).slice(1);
  if (parts.at(-1) === '') parts.pop();
  return parts.map((p) => p.replace(/^ /, ''));
}

/** One physical line's cells of one row group. */
interface RowGroup {
  line: number;
  lines: string[][];
}

/** Items of a list cell: one per line; a line that fills the column (width counts the right padding) continues onto the next. */
function listItems(lines: string[], width: number): string[] {
  const items: string[] = [];
  let continues = false;
  for (const raw of lines) {
    const text = raw.trimEnd();
    if (text === '') {
      continues = false;
      continue;
    }
    if (continues && items.length > 0) items[items.length - 1] += text;
    else items.push(text);
    continues = text.length >= width - 1; // filled up to the one-space padding: the item goes on
  }
  return items;
}

function joinWords(lines: string[]): string {
  return lines.map((l) => l.trim()).filter(Boolean).join(' ');
}

/** A Unicode box table of actions (as printed by `rich`): wrapped cells, `…`-truncated names. */
export const boxTable: CatalogParser = {
  id: 'box-table',
  title: 'Unicode box-drawing table of actions (wrapped cells, names truncated with …)',
  carries: ['actions', 'description', 'accessLevel', 'resourceTypes', 'conditionKeys', 'dependentActions'],
  detect(text) {
    const header = splitLines(text.slice(0, 20000)).find(isHeaderLine);
    return !!header && /┃\s*Actions?\s*┃/i.test(header) && /Access level/i.test(header);
  },
  parse(text, options) {
    return parseBoxTable(text, options);
  },
};

function parseBoxTable(text: string, { file, service }: ParseOptions): Catalog {
  const lines = splitLines(text);
  const headerIndex = lines.findIndex(isHeaderLine);
  if (headerIndex < 0) throw new InputError(file, 'no box-table header line (┃ Actions ┃ …)', 1);
  const headerCells = cellsOf(lines[headerIndex]!);
  const columns = headerCells.map((h) => HEADERS.find(([re]) => re.test(h.trim()))?.[1]);
  const widths = headerCells.map((h) => h.length);
  for (const [, col] of HEADERS) {
    if (!columns.includes(col)) throw new InputError(file, `the table has no "${col}" column`, headerIndex + 1);
  }
  if (!service) throw new InputError(file, 'the box table does not name its service: give --service PREFIX', 1);

  const dateMatch = /Last updated:\s*(\S+)/.exec(lines.slice(0, headerIndex + 1).join('\n'));
  const groups: RowGroup[] = [];
  let current: RowGroup | undefined;
  let closed = false;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBottom(line)) {
      closed = true;
      break;
    }
    if (isRowBorder(line)) {
      current = undefined;
      continue;
    }
    if (!isBodyLine(line)) {
      if (line.trim() === '') continue;
      throw new InputError(file, 'line inside the table is not a table row (truncated or damaged table?)', i + 1);
    }
    const cells = cellsOf(line);
    if (cells.length !== columns.length) {
      throw new InputError(file, `table row has ${cells.length} cells, the header has ${columns.length} (truncated or damaged table?)`, i + 1);
    }
    if (!current) groups.push((current = { line: i + 1, lines: [] }));
    current.lines.push(cells);
  }
  if (!closed) throw new InputError(file, 'table is not closed with └…┘ (truncated file?)', lines.length);

  const actions = new Map<string, Action>();
  for (const g of groups) {
    const col = (name: Column) => {
      const k = columns.indexOf(name);
      return { lines: g.lines.map((cells) => cells[k]!), width: widths[k]! };
    };
    const rawName = joinWords(col('action').lines);
    if (!rawName) throw new InputError(file, 'table row has no action name', g.line);
    const truncated = rawName.endsWith('…');
    const name = truncated ? rawName.slice(0, -1) : rawName;
    const levelText = joinWords(col('accessLevel').lines);
    const accessLevel = parseAccessLevel(levelText);
    if (!accessLevel) throw new InputError(file, `unknown access level "${levelText}" for ${rawName}`, g.line);
    const resources: ActionResourceType[] = listItems(col('resourceTypes').lines, col('resourceTypes').width).map((r) => ({
      name: r.replace(/\*$/, ''),
      required: r.endsWith('*'),
      conditionKeys: [],
      dependentActions: [],
    }));
    const keys = listItems(col('conditionKeys').lines, col('conditionKeys').width);
    const deps = listItems(col('dependentActions').lines, col('dependentActions').width);

    const key = actionKey(rawName);
    let action = actions.get(key);
    if (!action) {
      action = { name, truncated: truncated || undefined, description: joinWords(col('description').lines), accessLevel, resourceTypes: [], conditionKeys: [], dependentActions: [], line: g.line };
      actions.set(key, action);
    }
    // Keys and dependent actions of a row belong to its one resource type, or to the action itself.
    if (resources.length === 1) {
      resources[0]!.conditionKeys = keys;
      resources[0]!.dependentActions = deps;
    } else {
      action.conditionKeys!.push(...keys);
      action.dependentActions!.push(...deps);
    }
    for (const r of resources) {
      const existing = action.resourceTypes!.find((x) => x.name === r.name);
      if (existing) {
        existing.required ||= r.required;
        existing.conditionKeys!.push(...r.conditionKeys!);
        existing.dependentActions!.push(...r.dependentActions!);
      } else action.resourceTypes!.push(r);
    }
  }
  if (actions.size === 0) throw new InputError(file, 'the table has no rows', headerIndex + 1);
  return normalizeCatalog({
    service: { prefix: service },
    source: { format: boxTable.id, file, date: dateMatch?.[1] },
    carries: [...boxTable.carries],
    actions: [...actions.values()],
  });
}
