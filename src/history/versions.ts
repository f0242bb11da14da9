import { limitToService, selectService } from '../cli/service-option.js';
import { loadPagesParallel } from '../io/parallel-load.js';
import { isDirectory, listFiles, loadCatalogFile, loadDirectoryMember, mergeVersion, versionSupersessions, type LoadOptions } from '../io/read-input.js';
import type { Catalog } from '../model/catalog.js';
import type { Supersession } from '../model/retired-pages.js';

/** One version of the catalog: what to call it, its date, and how to read its services. */
export interface PlannedVersion {
  name: string;
  date?: string;
  /** Reads the version again (merged knowing every other version's retired pages, limited by --service). */
  load(): Promise<Catalog[]>;
}

function versionName(c: Catalog): string {
  return `${c.source.date?.slice(0, 10) ?? c.source.label ?? c.source.file} (${c.source.format})`;
}

/**
 * The versions of the inputs, in order, without holding them: each input is read once to
 * learn its versions' names and dates and which pages it shows retired, then let go, so a
 * log over N versions holds two at a time (`load()` reads one again when its turn comes).
 * A file is one version; a directory of one service's snapshots gives one version per file;
 * a directory of many services is one version. `--service` limits every version to that
 * service (an error when none has it). A managed-policy page is not a catalog version:
 * beside catalogs it is left out, with a note in `skipped` (pages alone form their own
 * history). Ordered by date; undated versions first, in the order given.
 */
export async function planVersions(inputs: string[], options: LoadOptions = {}): Promise<PlannedVersion[]> {
  const shown: Supersession[][] = [];
  const planned: (Omit<PlannedVersion, 'load'> & { input: number; file?: string; listsActions: boolean; prefixes: string[] })[] = [];
  for (const [i, input] of inputs.entries()) {
    const pages = await loadPagesParallel(input, options);
    shown.push(versionSupersessions(pages));
    const catalogs = mergeVersion(pages);
    const prefixes = [...new Set(catalogs.map((c) => c.service.prefix))];
    const listsActions = (cs: Catalog[]) => cs.some((c) => c.carries.includes('actions'));
    if (isDirectory(input) && prefixes.length === 1 && catalogs.length > 1) {
      // One service's versions: each file is one (read again by its own path).
      for (const file of listFiles(input)) {
        const c = loadDirectoryMember(file, { ...options, skipped: [] });
        if (c) planned.push({ name: versionName(c), date: c.source.date, input: i, file, listsActions: listsActions([c]), prefixes });
      }
    } else {
      const dates = [...new Set(catalogs.map((c) => c.source.date?.slice(0, 10)).filter((d): d is string => !!d))].sort();
      const date = dates.at(-1);
      const name = catalogs.length === 1 ? versionName(catalogs[0]!) : `${input}${date ? ` (${date})` : ''}`;
      planned.push({ name, date, input: i, listsActions: listsActions(catalogs), prefixes });
    }
  }
  if (options.service !== undefined) selectService(options.service, planned.map((p) => p.prefixes.map((prefix) => ({ service: { prefix } }) as Catalog)), inputs.join(', '));
  const kept = planned.some((p) => p.listsActions) ? planned.filter((p) => p.listsActions) : planned;
  for (const p of planned) if (!kept.includes(p)) options.skipped?.push(`${p.name}: a managed-policy page is not a catalog version (compare two of them with iamdiff diff)`);
  const elsewhere = (i: number) => shown.filter((_, j) => j !== i).flat();
  const quiet = { ...options, skipped: [] }; // notes were given on the first reading
  return kept
    .map((p, order) => ({ p, order }))
    .sort((a, b) => {
      const da = a.p.date ?? '';
      const db = b.p.date ?? '';
      return da < db ? -1 : da > db ? 1 : a.order - b.order;
    })
    .map(({ p }) => ({
      name: p.name,
      date: p.date,
      async load() {
        const catalogs = p.file ? [loadCatalogFile(p.file, quiet)] : mergeVersion(await loadPagesParallel(inputs[p.input]!, quiet), elsewhere(p.input));
        return limitToService(options.service, catalogs);
      },
    }));
}
