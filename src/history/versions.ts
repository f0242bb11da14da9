import { loadVersionsParallel } from '../io/parallel-load.js';
import { isDirectory, type LoadOptions } from '../io/read-input.js';
import type { Catalog } from '../model/catalog.js';

/** One version of the catalog: the services it holds and what to call it. */
export interface CatalogVersion {
  name: string;
  date?: string;
  catalogs: Catalog[];
}

function versionName(c: Catalog): string {
  return `${c.source.date?.slice(0, 10) ?? c.source.label ?? c.source.file} (${c.source.format})`;
}

/**
 * Versions from the inputs: a file is one version; a directory of one service's
 * snapshots gives one version per file; a directory of many services is one version.
 * Ordered by date; undated versions first, in the order given.
 */
export async function loadVersions(inputs: string[], options: LoadOptions = {}): Promise<CatalogVersion[]> {
  const versions: CatalogVersion[] = [];
  const loaded = await loadVersionsParallel(inputs, options);
  for (const [i, input] of inputs.entries()) {
    const catalogs = loaded[i]!;
    const prefixes = new Set(catalogs.map((c) => c.service.prefix));
    if (isDirectory(input) && prefixes.size === 1 && catalogs.length > 1) {
      for (const c of catalogs) versions.push({ name: versionName(c), date: c.source.date, catalogs: [c] });
    } else {
      const dates = [...new Set(catalogs.map((c) => c.source.date?.slice(0, 10)).filter((d): d is string => !!d))].sort();
      const date = dates.at(-1);
      versions.push({ name: catalogs.length === 1 ? versionName(catalogs[0]!) : `${input}${date ? ` (${date})` : ''}`, date, catalogs });
    }
  }
  return versions
    .map((v, i) => ({ v, i }))
    .sort((a, b) => {
      const da = a.v.date ?? '';
      const db = b.v.date ?? '';
      return da < db ? -1 : da > db ? 1 : a.i - b.i;
    })
    .map(({ v }) => v);
}
