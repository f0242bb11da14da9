import { LineCounter, isNode, parseDocument, stringify } from 'yaml';
import type { Catalog } from '../model/catalog.js';
import { InputError } from '../model/errors.js';
import { normalizeCatalog } from '../model/normalize.js';
import { catalogSchema } from '../model/schema.js';

/** The marker key and value that identify an iamdiff snapshot file. */
export const SNAPSHOT_MARKER = 'snapshot/1';

const HEADER = '# iamdiff snapshot: a normalized catalog. Written by `iamdiff snapshot`; diff it with `iamdiff diff`.\n';

/** A catalog as snapshot YAML: stable key order, no line folding, byte-identical for equal catalogs. */
export function catalogToYaml(catalog: Catalog): string {
  const body = { iamdiff: SNAPSHOT_MARKER, ...normalizeCatalog(catalog) };
  return HEADER + stringify(body, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

export function isSnapshotText(text: string): boolean {
  return new RegExp(`^iamdiff:\\s*['"]?${SNAPSHOT_MARKER.replace('/', '\\/')}['"]?\\s*$`, 'm').test(text);
}

/** Read a snapshot back: YAML errors and schema violations are InputErrors with a line. */
export function catalogFromYaml(text: string, file: string): Catalog {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const line = lineCounter.linePos(first.pos[0]).line;
    throw new InputError(file, `not valid YAML: ${first.message.split('\n')[0]}`, line);
  }
  const data = doc.toJS() as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || data.iamdiff !== SNAPSHOT_MARKER) {
    throw new InputError(file, `not an iamdiff snapshot (expected "iamdiff: ${SNAPSHOT_MARKER}")`, 1);
  }
  const { iamdiff: _marker, ...rest } = data;
  const result = catalogSchema.safeParse(rest);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    let node: unknown;
    for (let n = path.length; n >= 0 && !isNode(node); n--) node = doc.getIn(path.slice(0, n), true);
    const offset = isNode(node) && node.range ? node.range[0] : 0;
    throw new InputError(file, `snapshot does not match the catalog schema at ${path.join('.') || '(top)'}: ${issue.message}`, lineCounter.linePos(offset).line);
  }
  return normalizeCatalog(result.data as Catalog);
}
