import { parseCommandArgs, choice } from '../cli/args.js';
import { UsageError } from '../cli/usage-error.js';
import { loadCatalogs } from '../io/read-input.js';
import { renderStructured } from '../output/structured-report.js';
import { catalogToYaml } from '../snapshot/snapshot-yaml.js';
import type { Command } from './command.js';
import { writeSkipped } from './skipped-note.js';

export const parseCommand: Command = {
  name: 'parse',
  summary: 'print the normalized catalog of one or more sources',
  usage: 'iamdiff parse FILE... [--format ID] [--service PREFIX] [--label NAME] [--to yaml|json]',
  run(argv, io) {
    const { values, positionals } = parseCommandArgs('parse', argv, {
      format: { type: 'string' },
      service: { type: 'string' },
      label: { type: 'string' },
      to: { type: 'string' },
    });
    if (positionals.length === 0) throw new UsageError('parse: name at least one FILE (or - for standard input)');
    const to = choice('to', values.to, ['yaml', 'json'] as const, 'yaml');
    const skipped: string[] = [];
    const catalogs = positionals.flatMap((file) => loadCatalogs(file, { ...values, skipped }));
    writeSkipped(io, skipped);
    if (to === 'json') {
      const data = catalogs.length === 1 ? catalogs[0] : catalogs;
      io.stdout.write(renderStructured(data, 'json'));
    } else {
      io.stdout.write(catalogs.map((c) => catalogToYaml(c)).join('---\n'));
    }
    return 0;
  },
};
