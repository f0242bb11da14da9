import { join } from 'node:path';
import { parseCommandArgs } from '../cli/args.js';
import { UsageError } from '../cli/usage-error.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { loadVersionsParallel } from '../io/parallel-load.js';
import { writeSkipped } from './skipped-note.js';
import type { Catalog } from '../model/catalog.js';
import { catalogToYaml } from '../snapshot/snapshot-yaml.js';
import type { Command } from './command.js';

/** `<prefix>/<date-or-label>.<format>.yaml`, the date cut to its day. */
export function snapshotPath(outDir: string, catalog: Catalog): string {
  const version = catalog.source.date?.slice(0, 10) ?? catalog.source.label ?? 'undated';
  const safe = version.replace(/[^A-Za-z0-9._-]+/g, '-');
  return join(outDir, catalog.service.prefix, `${safe}.${catalog.source.format}.yaml`);
}

export const snapshotCommand: Command = {
  name: 'snapshot',
  summary: 'write normalized YAML snapshots of sources (one file per service)',
  usage: 'iamdiff snapshot FILE|DIR... --out DIR [--alongside DIR]... [--format ID] [--service PREFIX] [--label NAME] [--force]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('snapshot', argv, {
      out: { type: 'string', short: 'o' },
      format: { type: 'string' },
      service: { type: 'string' },
      label: { type: 'string' },
      force: { type: 'boolean', default: false },
      alongside: { type: 'string', multiple: true },
    });
    if (positionals.length === 0) throw new UsageError('snapshot: name at least one FILE or DIR');
    if (!values.out) throw new UsageError('snapshot: --out DIR is required (e.g. --out snapshots/)');
    const skipped: string[] = [];
    // Read together: a page retired in one version is left out of every version given, and of
    // these by what the --alongside versions show (retired-pages); only the positionals are written.
    const { alongside = [], ...options } = values;
    const catalogs = (await loadVersionsParallel([...positionals, ...alongside], { ...options, skipped })).slice(0, positionals.length).flat();
    writeSkipped(io, skipped);
    const planned = new Map<string, Catalog>();
    for (const c of catalogs) {
      const path = snapshotPath(values.out, c);
      const other = planned.get(path);
      if (other) throw new UsageError(`snapshot: ${c.source.file} and ${other.source.file} would both be written to ${path}; give --label`);
      planned.set(path, c);
    }
    for (const [path, c] of planned) {
      writeFileAtomic(path, catalogToYaml(c), { overwrite: values.force });
      io.stdout.write(`wrote ${path} (${c.service.prefix}, ${c.actions.length} actions, ${c.source.format})\n`);
    }
    return 0;
  },
};
