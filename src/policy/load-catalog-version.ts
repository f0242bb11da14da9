import { loadVersionsParallel } from '../io/parallel-load.js';
import type { LoadOptions } from '../io/read-input.js';
import type { Catalog } from '../model/catalog.js';
import { InputError } from '../model/errors.js';

/**
 * One catalog version to match patterns against (`expand`, `check`): the services of a
 * file, snapshot or directory that list their actions, each service once. A directory of
 * one service's versions names no single version and is refused.
 */
export async function loadCatalogVersion(path: string, options: Pick<LoadOptions, 'service' | 'format' | 'skipped'>): Promise<Catalog[]> {
  return (await loadCatalogVersions([path], options))[0]!;
}

/** Several versions read together, so retired pages are told apart alike in all (see retired-pages). */
export async function loadCatalogVersions(paths: string[], options: Pick<LoadOptions, 'service' | 'format' | 'skipped'>): Promise<Catalog[][]> {
  const versions = await loadVersionsParallel(paths, options);
  return versions.map((all, i) => listingCatalogs(paths[i]!, all));
}

function listingCatalogs(path: string, all: Catalog[]): Catalog[] {
  const listing = all.filter((c) => c.carries.includes('actions'));
  if (listing.length === 0) throw new InputError(path, `does not list a service's actions (format ${all[0]?.source.format ?? 'none'}): give a catalog`);
  const seen = new Map<string, Catalog>();
  for (const c of listing) {
    const other = seen.get(c.service.prefix);
    if (other) throw new InputError(path, `holds two catalogs of service ${c.service.prefix} (${other.source.file} and ${c.source.file}): name one version`);
    seen.set(c.service.prefix, c);
  }
  return listing;
}
