import { UsageError } from '../cli/usage-error.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { loadVersionsParallel } from '../io/parallel-load.js';
import { writeSkipped } from './skipped-note.js';
import type { Catalog } from '../model/catalog.js';
import { prepareSnapshotDir, snapshotPath } from '../snapshot/snapshot-path.js';
import { catalogFromYaml, catalogToYaml } from '../snapshot/snapshot-yaml.js';
import { oneLine } from '../text/sanitize.js';
import type { CommandIO } from './command.js';
import type { OptionValues } from '../cli/command-spec.js';

export { snapshotPath } from '../snapshot/snapshot-path.js';

/** The snapshot text of a catalog, read back before it is written: iamdiff never writes a snapshot it would refuse. */
function checkedSnapshot(c: Catalog): string {
  const text = catalogToYaml(c);
  catalogFromYaml(text, `${c.source.file} (as a snapshot)`);
  return text;
}

/** Let a pending signal (Ctrl-C, kill) be handled between two files. */
const yieldToSignals = () => new Promise<void>((r) => setImmediate(r));

/** `iamdiff snapshot`. */
export async function run(positionals: string[], raw: OptionValues, io: CommandIO): Promise<number> {
  const values = raw as { output?: string; out?: string; format?: string; 'input-format'?: string; service?: string; label?: string; force?: boolean; alongside?: string[] };
  if (positionals.length === 0) throw new UsageError('snapshot: name at least one FILE or DIR');
  if (values.output !== undefined && values.out !== undefined) throw new UsageError('snapshot: give -o/--output or --out (its older name), not both');
  const out = values.output ?? values.out;
  if (!out) throw new UsageError('snapshot: -o DIR is required (e.g. -o snapshots/)');
  if (out === '-') throw new UsageError('snapshot: -o names a directory (to print a snapshot, use iamdiff parse)');
  if (values['input-format'] !== undefined && values.format !== undefined) throw new UsageError('snapshot: give --input-format or --format (its older name), not both');
  const skipped: string[] = [];
  // Read together: a page retired in one version is left out of every version given, and of
  // these by what the --alongside versions show (retired-pages); only the positionals are written.
  const alongside = values.alongside ?? [];
  const options = { service: values.service, label: values.label, format: values['input-format'] ?? values.format };
  const catalogs = (await loadVersionsParallel([...positionals, ...alongside], { ...options, skipped })).slice(0, positionals.length).flat();
  writeSkipped(io, skipped);
  const planned = new Map<string, Catalog>();
  for (const c of catalogs) {
    const path = snapshotPath(out, c);
    const other = planned.get(path);
    if (other) throw new UsageError(`snapshot: ${c.source.file} and ${other.source.file} would both be written to ${path}; give --label`);
    planned.set(path, c);
  }
  for (const [path, c] of planned) {
    const text = checkedSnapshot(c);
    prepareSnapshotDir(out, path);
    writeFileAtomic(path, text, { overwrite: !!values.force });
    io.stdout.write(`wrote ${oneLine(path)} (${c.service.prefix}, ${c.actions.length} actions, ${c.source.format})\n`);
    await yieldToSignals();
  }
  return 0;
}
