import { parseCommandArgs } from '../cli/args.js';
import { UsageError } from '../cli/usage-error.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { loadVersionsParallel } from '../io/parallel-load.js';
import { writeSkipped } from './skipped-note.js';
import type { Catalog } from '../model/catalog.js';
import { prepareSnapshotDir, snapshotPath } from '../snapshot/snapshot-path.js';
import { catalogFromYaml, catalogToYaml } from '../snapshot/snapshot-yaml.js';
import { oneLine } from '../text/sanitize.js';
import type { Command } from './command.js';

export { snapshotPath } from '../snapshot/snapshot-path.js';

/** The snapshot text of a catalog, read back before it is written: iamdiff never writes a snapshot it would refuse. */
function checkedSnapshot(c: Catalog): string {
  const text = catalogToYaml(c);
  catalogFromYaml(text, `${c.source.file} (as a snapshot)`);
  return text;
}

/** Let a pending signal (Ctrl-C, kill) be handled between two files. */
const yieldToSignals = () => new Promise<void>((r) => setImmediate(r));

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
      const text = checkedSnapshot(c);
      prepareSnapshotDir(values.out, path);
      writeFileAtomic(path, text, { overwrite: values.force });
      io.stdout.write(`wrote ${oneLine(path)} (${c.service.prefix}, ${c.actions.length} actions, ${c.source.format})\n`);
      await yieldToSignals();
    }
    return 0;
  },
};
