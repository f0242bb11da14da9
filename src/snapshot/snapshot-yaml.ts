import { yamlLib } from '../lazy/lazy-modules.js';
import type { Catalog } from '../model/catalog.js';
import { InputError } from '../model/errors.js';
import { normalizeCatalog } from '../model/normalize.js';
import { hasCatalogShape } from '../model/catalog-shape.js';
import { catalogSchema } from '../model/schema.js';
import { escapeUnsafeJson } from '../text/sanitize.js';
import { checkYamlDepth, withoutStackTraces } from './yaml-depth.js';

/** One value as JSON with control, bidi and zero-width characters escaped: the same data, no raw ones in the file. */
const json = (v: unknown) => escapeUnsafeJson(JSON.stringify(v));
import { upgradeLegacyCarries } from './legacy-carries.js';

/** The marker key and value that identify an iamdiff snapshot file. */
export const SNAPSHOT_MARKER = 'snapshot/1';

const HEADER = '# iamdiff snapshot: a normalized catalog, one action per line. Written by `iamdiff snapshot`; diff it with `iamdiff diff`.\n';

/** Top-level keys whose values are lists written one item per line. */
const LIST_KEYS = new Set(['actions', 'resourceTypes', 'conditionKeys', 'operations']);

/**
 * A catalog as snapshot YAML: stable key order, byte-identical for equal catalogs.
 * Each action (resource type, condition key) is one line in YAML flow style, written
 * as JSON (which YAML 1.2 accepts), so a git diff shows one line per changed action.
 */
export function catalogToYaml(catalog: Catalog): string {
  const body: Record<string, unknown> = { iamdiff: SNAPSHOT_MARKER, ...normalizeCatalog(catalog) };
  const list = (indent: string, items: unknown[]) => items.map((v) => `${indent}- ${json(v)}\n`).join('');
  let out = HEADER;
  for (const [key, value] of Object.entries(body)) {
    if (LIST_KEYS.has(key) && Array.isArray(value)) {
      out += value.length === 0 ? `${key}: []\n` : `${key}:\n${list('  ', value)}`;
    } else if (key === 'managedPolicies' && value && typeof value === 'object') {
      out += `${key}:\n`;
      for (const [sub, items] of Object.entries(value)) {
        out += (items as unknown[]).length === 0 ? `  ${sub}: []\n` : `  ${sub}:\n${list('    ', items as unknown[])}`;
      }
    } else out += `${key}: ${json(value)}\n`;
  }
  return out;
}

/** What the fast path read: the data and the line of each value, or the line where the text departs from the layout. */
type WrittenLayout = { data: Record<string, unknown>; lines: Map<string, number> } | { departsAt: number };

/**
 * Fast path for the layout catalogToYaml writes (each value a JSON line), noting the line of
 * each value (`actions.3` → its line) so schema errors are located without the YAML parser.
 * When the text departs from the layout (hand-edited), says where: the caller then uses the full YAML parser.
 */
function readWrittenLayout(text: string): WrittenLayout {
  const data: Record<string, unknown> = {};
  const lines = new Map<string, number>();
  let map: Record<string, unknown> | undefined; // a top-level key holding nested lists
  let mapKey = '';
  let list: unknown[] | undefined;
  let listKey = '';
  let depth = 0; // indentation of the current list's items
  let lineNo = 0;
  try {
    for (const line of text.split('\n')) {
      lineNo++;
      if (line === '' || line.startsWith('#')) continue;
      const indent = line.length - line.trimStart().length;
      if (list && indent === depth && line.startsWith('- ', indent)) {
        lines.set(`${listKey}.${list.length}`, lineNo);
        list.push(JSON.parse(line.slice(indent + 2)));
        continue;
      }
      const m = /^( {0,2})([A-Za-z]+):(?: (.*))?$/.exec(line);
      if (!m) return { departsAt: lineNo };
      const [, pad, key, value] = m as unknown as [string, string, string, string | undefined];
      const target = pad === '' ? data : map;
      if (!target || key in target) return { departsAt: lineNo };
      if (pad === '') map = undefined;
      const path = pad === '' ? key : `${mapKey}.${key}`;
      lines.set(path, lineNo);
      if (value !== undefined) {
        target[key] = JSON.parse(value);
        list = undefined;
      } else if (pad === '' && key === 'managedPolicies') {
        target[key] = map = {};
        mapKey = key;
        list = undefined;
      } else {
        target[key] = list = [];
        listKey = path;
        depth = pad.length + 2;
      }
    }
  } catch {
    return { departsAt: lineNo };
  }
  return { data, lines };
}

/** Hand-edited snapshots (not in the written layout) go through the full YAML parser, which takes about 1 s per MB: only up to this size. */
export const HAND_EDITED_LIMIT = 128 * 1024;

/** `snapshot does not match the catalog schema at actions.3.accessLevel: …` */
function schemaError(file: string, issue: { path: PropertyKey[]; message: string }, lineOf: (path: (string | number)[]) => number): InputError {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  return new InputError(file, `snapshot does not match the catalog schema at ${path.join('.') || '(top)'}: ${issue.message}`, lineOf(path));
}

export function isSnapshotText(text: string): boolean {
  return new RegExp(`^iamdiff:\\s*['"]?${SNAPSHOT_MARKER.replace('/', '\\/')}['"]?\\s*$`, 'm').test(text);
}

/** Read a snapshot back: YAML errors and schema violations are InputErrors with a line. */
export function catalogFromYaml(text: string, file: string): Catalog {
  const fast = readWrittenLayout(text);
  if ('data' in fast && fast.data.iamdiff === SNAPSHOT_MARKER) {
    const { iamdiff: _marker, ...rest } = fast.data;
    if (hasCatalogShape(rest)) return normalizeCatalog(upgradeLegacyCarries(rest as unknown as Catalog));
    const result = catalogSchema().safeParse(rest);
    if (result.success) return normalizeCatalog(upgradeLegacyCarries(result.data as Catalog));
    // The line of the value at the path, or of the nearest enclosing one.
    throw schemaError(file, result.error.issues[0]!, (path) => {
      for (let n = path.length; n > 0; n--) {
        const line = fast.lines.get(path.slice(0, n).join('.'));
        if (line !== undefined) return line;
      }
      return 1;
    });
  }
  if (text.length > HAND_EDITED_LIMIT) {
    const at = 'departsAt' in fast ? fast.departsAt : 1;
    throw new InputError(file, `not in the layout iamdiff snapshot writes (from this line), and hand-edited snapshots are read up to ${HAND_EDITED_LIMIT / 1024} KB`, at);
  }
  checkYamlDepth(text, file);
  const lineCounter = new (yamlLib().LineCounter)();
  let doc: ReturnType<ReturnType<typeof yamlLib>['parseDocument']>;
  try {
    // uniqueKeys off: its duplicate-key check is quadratic in the keys of a map (40 s for 190 KB); the schema checks the keys that matter.
    doc = withoutStackTraces(() => yamlLib().parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: 'error' }));
  } catch (e) {
    // The depth check above errs on the deep side; this is the net below it.
    if (e instanceof RangeError) throw new InputError(file, 'YAML nested too deeply to read', 1);
    throw e;
  }
  const first = doc.errors[0];
  if (first) {
    const line = lineCounter.linePos(first.pos[0]).line;
    throw new InputError(file, `not valid YAML: ${first.message.split('\n')[0]}`, line);
  }
  let data: Record<string, unknown> | null;
  try {
    // Aliases are bounded (an alias bomb stops at 100 expansions) and must resolve.
    data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown> | null;
  } catch (e) {
    let line = 1;
    yamlLib().visit(doc, { Alias(_k, node) { if (node.range) line = lineCounter.linePos(node.range[0]).line; return yamlLib().visit.BREAK; } });
    throw new InputError(file, `not a usable YAML document: ${(e as Error).message.split('\n')[0]}`, line);
  }
  if (!data || typeof data !== 'object' || data.iamdiff !== SNAPSHOT_MARKER) {
    throw new InputError(file, `not an iamdiff snapshot (expected "iamdiff: ${SNAPSHOT_MARKER}")`, 1);
  }
  const { iamdiff: _marker, ...rest } = data;
  const result = catalogSchema().safeParse(rest);
  if (!result.success) {
    throw schemaError(file, result.error.issues[0]!, (path) => {
      let node: unknown;
      for (let n = path.length; n >= 0 && !yamlLib().isNode(node); n--) node = doc.getIn(path.slice(0, n), true);
      return lineCounter.linePos(yamlLib().isNode(node) && node.range ? node.range[0] : 0).line;
    });
  }
  return normalizeCatalog(upgradeLegacyCarries(result.data as Catalog));
}
