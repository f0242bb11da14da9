import { FORMAT_OPTION, SOURCE_OPTIONS } from '../cli/common-options.js';
import { choice, parseCommandArgs } from '../cli/args.js';
import { UsageError } from '../cli/usage-error.js';
import { loadCatalogsParallel } from '../io/parallel-load.js';
import type { Catalog } from '../model/catalog.js';
import { expandPattern, expansionDelta, type GrantedAction } from '../policy/expand-patterns.js';
import { renderStructured } from '../output/structured-report.js';
import { oneLine } from '../text/sanitize.js';
import type { Command } from './command.js';
import { writeSkipped } from './skipped-note.js';

const line = (g: GrantedAction) => `  ${oneLine(g.action)}${g.accessLevel ? `  (${g.accessLevel})` : ''}`;

export const expandCommand: Command = {
  name: 'expand',
  summary: 'what action patterns grant in a catalog version; with two versions, what they newly grant',
  usage: 'iamdiff expand PATTERN... --catalog X [--catalog Y] [--format text|json] [--service PREFIX] [--input-format ID]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('expand', argv, {
      ...FORMAT_OPTION,
      ...SOURCE_OPTIONS,
      catalog: { type: 'string', multiple: true },
    });
    if (positionals.length === 0) throw new UsageError('expand: give at least one PATTERN (e.g. ecr:Describe*)');
    const paths = values.catalog ?? [];
    if (paths.length < 1 || paths.length > 2) throw new UsageError('expand: give --catalog once (what patterns grant) or twice, old then new (what they newly grant)');
    const format = choice('format', values.format, ['text', 'json'] as const, 'text');
    const skipped: string[] = [];
    const versions: Catalog[][] = [];
    for (const p of paths) {
      const catalogs = await loadCatalogsParallel(p, { service: values.service, format: values['input-format'], skipped });
      const listing = catalogs.filter((c) => c.carries.includes('actions'));
      if (listing.length === 0) throw new UsageError(`expand: ${p} does not list a service's actions (format ${catalogs[0]?.source.format})`);
      versions.push(listing);
    }
    writeSkipped(io, skipped);
    if (versions.length === 1) {
      const data = positionals.map((pattern) => ({ pattern, grants: expandPattern(pattern, versions[0]!) }));
      if (format === 'json') io.stdout.write(renderStructured(data, 'json'));
      else for (const d of data) io.stdout.write([`${oneLine(d.pattern)} grants ${d.grants.length} action${d.grants.length === 1 ? '' : 's'}`, ...d.grants.map(line)].join('\n') + '\n');
      return 0;
    }
    const data = positionals.map((pattern) => ({ pattern, ...expansionDelta(pattern, versions[0]!, versions[1]!) }));
    if (format === 'json') io.stdout.write(renderStructured(data, 'json'));
    else {
      for (const d of data) {
        const out = [`${oneLine(d.pattern)}: ${d.added.length} newly granted, ${d.removed.length} no longer granted, ${d.kept} unchanged`];
        if (d.added.length) out.push(' newly granted:', ...d.added.map(line));
        if (d.removed.length) out.push(' no longer granted:', ...d.removed.map(line));
        io.stdout.write(out.join('\n') + '\n');
      }
    }
    return 0;
  },
};
