import { CATALOG_FIELDS } from '../src/model/catalog.js';
import { catalogFromYaml, isSnapshotText } from '../src/snapshot/snapshot-yaml.js';
import type { CatalogParser } from './parser.js';

/** iamdiff's own normalized YAML snapshots (the source format is recorded inside). */
export const snapshotYaml: CatalogParser = {
  id: 'snapshot',
  title: 'iamdiff snapshot (normalized catalog in YAML)',
  carries: CATALOG_FIELDS,
  detect: isSnapshotText,
  parse(text, { file }) {
    return catalogFromYaml(text, file);
  },
};
