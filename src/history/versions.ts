import { loadVersionsParallel } from '../io/parallel-load.js';
import { isDirectory, type LoadOptions } from '../io/read-input.js';
import type { Catalog } from '../model/catalog.js';
import { selectService } from '../cli/service-option.js';

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
 * `--service` limits every version to that service (an error when none has it).
 * A managed-policy page is not a catalog version: beside catalogs it is left out, with a
 * note in `skipped` (pages alone form their own history). Ordered by date; undated
 * versions first, in the order given.
 */
export async function loadVersions(inputs: string[], options: LoadOptions = {}): Promise<CatalogVersion[]> {
  const all: CatalogVersion[] = [];
  const loaded = selectService(options.service, await loadVersionsParallel(inputs, options), inputs.join(', '));
  for (const [i, input] of inputs.entries()) {
    const catalogs = loaded[i]!;
    if (catalogs.length === 0) continue;
    const prefixes = new Set(catalogs.map((c) => c.service.prefix));
    if (isDirectory(input) && prefixes.size === 1 && catalogs.length > 1) {
      for (const c of catalogs) all.push({ name: versionName(c), date: c.source.date, catalogs: [c] });
    } else {
      const dates = [...new Set(catalogs.map((c) => c.source.date?.slice(0, 10)).filter((d): d is string => !!d))].sort();
      const date = dates.at(-1);
      all.push({ name: catalogs.length === 1 ? versionName(catalogs[0]!) : `${input}${date ? ` (${date})` : ''}`, date, catalogs });
    }
  }
  const listsActions = (v: CatalogVersion) => v.catalogs.some((c) => c.carries.includes('actions'));
  const versions = all.some(listsActions) ? all.filter(listsActions) : all;
  for (const v of all) if (!versions.includes(v)) options.skipped?.push(`${v.name}: a managed-policy page is not a catalog version (compare two of them with iamdiff diff)`);
  return versions
    .map((v, i) => ({ v, i }))
    .sort((a, b) => {
      const da = a.v.date ?? '';
      const db = b.v.date ?? '';
      return da < db ? -1 : da > db ? 1 : a.i - b.i;
    })
    .map(({ v }) => v);
}
