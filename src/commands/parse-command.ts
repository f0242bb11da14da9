import { choice } from '../cli/args.js';
import { UsageError } from '../cli/usage-error.js';
import { loadCatalogs } from '../io/read-input.js';
import { renderStructured } from '../output/structured-report.js';
import { catalogToYaml } from '../snapshot/snapshot-yaml.js';
import type { CommandIO } from './command.js';
import type { OptionValues } from '../cli/command-spec.js';
import { writeSkipped } from './skipped-note.js';

/** `iamdiff parse`. */
export function run(positionals: string[], raw: OptionValues, io: CommandIO): number {
  const values = raw as { format?: string; 'input-format'?: string; service?: string; label?: string; to?: string };
  if (positionals.length === 0) throw new UsageError('parse: name at least one FILE (or - for standard input)');
  const to = choice('to', values.to, ['yaml', 'json'] as const, 'yaml');
  const skipped: string[] = [];
  if (values['input-format'] !== undefined && values.format !== undefined) throw new UsageError('parse: give --input-format or --format (its older name), not both');
  const catalogs = positionals.flatMap((file) => loadCatalogs(file, { service: values.service, label: values.label, format: values['input-format'] ?? values.format, skipped }));
  writeSkipped(io, skipped);
  if (to === 'json') {
    const data = catalogs.length === 1 ? catalogs[0] : catalogs;
    io.stdout.write(renderStructured(data, 'json'));
  } else {
    io.stdout.write(catalogs.map((c) => catalogToYaml(c)).join('---\n'));
  }
  return 0;
}
