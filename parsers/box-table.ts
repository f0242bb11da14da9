import { parseAccessLevel } from '../src/model/access-level.js';
import type { Action, ActionResourceType, Catalog } from '../src/model/catalog.js';
import { InputError } from '../src/model/errors.js';
import { actionKey } from '../src/model/identity.js';
import { normalizeCatalog } from '../src/model/normalize.js';
import { boxCellItems, boxCellText } from './common/box-cells.js';
import { readBoxHeader, readBoxRows, type BoxHeader, type BoxRowGroup } from './common/box-grid.js';
import { splitLines } from './common/text-lines.js';
import type { CatalogParser, ParseOptions } from './parser.js';
import { appendAll } from '../src/util/append-all.js';

type Column = 'action' | 'description' | 'accessLevel' | 'resourceTypes' | 'conditionKeys' | 'dependentActions';

const COLUMNS: [Column, RegExp][] = [
  ['action', /^actions?$/i],
  ['description', /^description$/i],
  ['accessLevel', /^access level$/i],
  ['resourceTypes', /^resource types?\b/i],
  ['conditionKeys', /^condition keys$/i],
  ['dependentActions', /^dependent actions$/i],
];

/** Header lines are looked for this far into a file. */
const DETECT_LINES = 100;

/** `prefix:Name` starts a new condition key or dependent action, never a folded rest. */
const QUALIFIED = (l: string) => /^[A-Za-z0-9-]+:/.test(l);
const NAME = /^[A-Za-z0-9_-]+…?$/;

function columnsOf(h: BoxHeader): Map<Column, number> | undefined {
  const map = new Map<Column, number>();
  for (const [col, re] of COLUMNS) {
    const k = h.titles.findIndex((t) => re.test(t));
    if (k < 0) return undefined;
    map.set(col, k);
  }
  return map;
}

/** A Unicode box table of actions (as printed by `rich`): wrapped cells, `…`-truncated names. */
export const boxTable: CatalogParser = {
  id: 'box-table',
  title: 'Unicode box-drawing table of actions (wrapped cells, names truncated with …)',
  carries: ['actions', 'description', 'accessLevel', 'resourceTypes', 'resourceRequired', 'conditionKeys', 'dependentActions'],
  detect(text) {
    const header = readBoxHeader(splitLines(text.slice(0, 100_000)), DETECT_LINES);
    return !!header && header.titles.some((t) => /^actions?$/i.test(t)) && header.titles.some((t) => /^access level$/i.test(t));
  },
  parse(text, options) {
    return parseBoxTable(text, options);
  },
};

/** What one row group says. */
interface Row {
  line: number;
  name: string;
  description: string;
  level: string;
  levelLine: number;
  resources: ActionResourceType[];
  keys: string[];
  deps: string[];
}

function readRow(g: BoxRowGroup, h: BoxHeader, cols: Map<Column, number>): Row {
  const cell = (c: Column) => g.rows.map((r) => r.cells[cols.get(c)!]!);
  const width = (c: Column) => h.widths[cols.get(c)!]!;
  const levelRow = g.rows.find((r) => r.cells[cols.get('accessLevel')!]!.trim()) ?? g.rows[0]!;
  return {
    line: g.line,
    // Names hold no spaces: a wrapped name was folded.
    name: cell('action').map((l) => l.trim()).join(''),
    description: boxCellText(cell('description'), width('description')),
    level: boxCellText(cell('accessLevel'), width('accessLevel')),
    levelLine: levelRow.line,
    resources: boxCellItems(cell('resourceTypes'), width('resourceTypes'), { endsItem: (l) => l.endsWith('*') }).map((r) => ({
      name: r.replace(/\*$/, ''),
      required: r.endsWith('*'),
      conditionKeys: [],
      dependentActions: [],
    })),
    keys: boxCellItems(cell('conditionKeys'), width('conditionKeys'), { startsItem: QUALIFIED }),
    deps: boxCellItems(cell('dependentActions'), width('dependentActions'), { startsItem: QUALIFIED }),
  };
}

/** The date of a `Last updated: …` line (found by plain search: the lazy regular expression was quadratic on a line of spaces). */
function lastUpdated(line: string): string | undefined {
  const at = line.toLowerCase().indexOf('last updated:');
  if (at < 0) return undefined;
  const value = line.slice(at + 'last updated:'.length).trim();
  return /[\n\r\u2028\u2029]/.test(value) ? undefined : value;
}

/** Resource types of each action by name, so an action over thousands of row groups merges in linear time. */
const resourcesByName = new WeakMap<Action, Map<string, ActionResourceType>>();

/** Adds one row group to its action: keys of a row with resource types go to those types, else to the action. */
function mergeRow(action: Action, row: Row): void {
  if (row.resources.length === 0) {
    appendAll(action.conditionKeys!, row.keys);
    appendAll(action.dependentActions!, row.deps);
  }
  let byName = resourcesByName.get(action);
  if (!byName) resourcesByName.set(action, (byName = new Map(action.resourceTypes!.map((x) => [x.name, x]))));
  for (const r of row.resources) {
    let target = byName.get(r.name);
    if (!target) {
      action.resourceTypes!.push((target = r));
      byName.set(r.name, r);
    }
    else target.required ||= r.required;
    appendAll(target.conditionKeys!, row.keys);
    appendAll(target.dependentActions!, row.deps);
  }
  if (!action.description && row.description) action.description = row.description;
}

function parseBoxTable(text: string, { file, service }: ParseOptions): Catalog {
  if (!service?.trim()) throw new InputError(file, 'the box table does not name its service: give --service PREFIX', 1);
  const lines = splitLines(text);
  const header = readBoxHeader(lines);
  if (!header) throw new InputError(file, 'no box table with a header row (┃ Actions ┃ … ┃) found', 1);
  const cols = columnsOf(header);
  if (!cols) {
    const missing = COLUMNS.filter(([, re]) => !header.titles.some((t) => re.test(t))).map(([c]) => c);
    throw new InputError(file, `the table lacks the column(s) ${missing.join(', ')}`, header.top + 2);
  }
  const read = readBoxRows(lines, header);
  if ('detail' in read) throw new InputError(file, read.detail, read.line);
  const date = lines
    .slice(0, header.top)
    .map(lastUpdated)
    .find(Boolean);

  const actions = new Map<string, Action>();
  let previous: Action | undefined;
  for (const g of read.groups) {
    const row = readRow(g, header, cols);
    // A group with an empty name cell goes on with the action above it.
    if (!row.name && !previous) throw new InputError(file, 'the first row of the table has no action name', row.line);
    if (row.name && !NAME.test(row.name)) throw new InputError(file, `"${row.name}" is not an action name`, row.line);
    const action = row.name ? actions.get(actionKey(row.name)) : previous;
    const level = row.level ? parseAccessLevel(row.level) : action?.accessLevel;
    if (!level) {
      const what = row.level ? `unknown access level "${row.level}"` : 'no access level';
      throw new InputError(file, `${what} for ${row.name || action!.name}`, row.levelLine);
    }
    if (action && action.accessLevel !== level) {
      throw new InputError(file, `${action.name} has access level ${level} here but ${action.accessLevel} at line ${action.line}`, row.levelLine);
    }
    const target = action ?? {
      name: row.name.replace(/…$/, ''),
      truncated: row.name.endsWith('…') || undefined,
      accessLevel: level,
      resourceTypes: [],
      conditionKeys: [],
      dependentActions: [],
      line: row.line,
    };
    if (!action) actions.set(actionKey(row.name), target);
    mergeRow(target, row);
    previous = target;
  }
  if (actions.size === 0) throw new InputError(file, 'the table has no rows', header.rule + 1);
  return normalizeCatalog({
    service: { prefix: service.trim() },
    source: { format: boxTable.id, file, date },
    carries: [...boxTable.carries],
    actions: [...actions.values()],
  });
}
