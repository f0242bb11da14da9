import { yamlLib } from '../lazy/lazy-modules.js';
import type { Catalog } from '../model/catalog.js';
import { InputError } from '../model/errors.js';
import { normalizeCatalog } from '../model/normalize.js';
import { catalogSchema } from '../model/schema.js';
import { escapeUnsafeJson } from '../text/sanitize.js';
import { checkYamlDepth } from './yaml-depth.js';

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

/**
 * Fast path for the layout catalogToYaml writes (each value a JSON line); undefined when the
 * text departs from it (hand-edited), so the caller uses the full YAML parser.
 */
function readWrittenLayout(text: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  let map: Record<string, unknown> | undefined; // a top-level key holding nested lists
  let list: unknown[] | undefined;
  let depth = 0; // indentation of the current list's items
  try {
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const indent = line.length - line.trimStart().length;
      if (list && indent === depth && line.startsWith('- ', indent)) {
        list.push(JSON.parse(line.slice(indent + 2)));
        continue;
      }
      const m = /^( {0,2})([A-Za-z]+):(?: (.*))?$/.exec(line);
      if (!m) return undefined;
      const [, pad, key, value] = m as unknown as [string, string, string, string | undefined];
      const target = pad === '' ? data : map;
      if (!target || key in target) return undefined;
      if (pad === '') map = undefined;
      if (value !== undefined) {
        target[key] = JSON.parse(value);
        list = undefined;
      } else if (pad === '' && key === 'managedPolicies') {
        target[key] = map = {};
        list = undefined;
      } else {
        target[key] = list = [];
        depth = pad.length + 2;
      }
    }
  } catch {
    return undefined;
  }
  return data;
}

export function isSnapshotText(text: string): boolean {
  return new RegExp(`^iamdiff:\\s*['"]?${SNAPSHOT_MARKER.replace('/', '\\/')}['"]?\\s*$`, 'm').test(text);
}

/** Read a snapshot back: YAML errors and schema violations are InputErrors with a line. */
export function catalogFromYaml(text: string, file: string): Catalog {
  const fast = readWrittenLayout(text);
  if (fast && fast.iamdiff === SNAPSHOT_MARKER) {
    const { iamdiff: _marker, ...rest } = fast;
    const result = catalogSchema.safeParse(rest);
    if (result.success) return normalizeCatalog(upgradeLegacyCarries(result.data as Catalog));
  }
  checkYamlDepth(text, file);
  const lineCounter = new (yamlLib().LineCounter)();
  const doc = yamlLib().parseDocument(text, { lineCounter, prettyErrors: false });
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
  const result = catalogSchema.safeParse(rest);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    let node: unknown;
    for (let n = path.length; n >= 0 && !yamlLib().isNode(node); n--) node = doc.getIn(path.slice(0, n), true);
    const offset = yamlLib().isNode(node) && node.range ? node.range[0] : 0;
    throw new InputError(file, `snapshot does not match the catalog schema at ${path.join('.') || '(top)'}: ${issue.message}`, lineCounter.linePos(offset).line);
  }
  return normalizeCatalog(upgradeLegacyCarries(result.data as Catalog));
}
