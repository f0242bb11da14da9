import type { Catalog } from '../model/catalog.js';
import { closeHint } from './close-names.js';
import { UsageError } from './usage-error.js';

/**
 * Each version limited to the service `--service` names. A version of one catalog keeps it
 * (a format that states no prefix took it from the flag). A prefix no version holds is a
 * usage error naming close prefixes: a CI gate must never pass because of a typo.
 */
export function selectService(service: string | undefined, versions: Catalog[][], what = 'the sources'): Catalog[][] {
  if (service === undefined) return versions;
  const selected = versions.map((all) => limitToService(service, all));
  if (!selected.some((v) => v.some((c) => c.service.prefix === service))) {
    const prefixes = versions.flatMap((v) => v.map((c) => c.service.prefix));
    throw new UsageError(`--service ${service}: no such service in ${what}${closeHint(service, prefixes)}`);
  }
  return selected;
}

/** One version's catalogs limited to `service` (a version of one catalog keeps it: a format without a prefix took it from the flag). */
export function limitToService(service: string | undefined, catalogs: Catalog[]): Catalog[] {
  return service === undefined || catalogs.length <= 1 ? catalogs : catalogs.filter((c) => c.service.prefix === service);
}
