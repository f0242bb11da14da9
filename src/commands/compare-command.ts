import { COLOR_OPTIONS, FORMAT_OPTION, SOURCE_OPTIONS } from '../cli/common-options.js';
import { choice, parseCommandArgs } from '../cli/args.js';
import { UsageError } from '../cli/usage-error.js';
import { compareSources } from '../compare/compare-sources.js';
import { renderCompareJson } from '../compare/render-compare-json.js';
import { renderCompareMarkdown } from '../compare/render-compare-markdown.js';
import { renderCompareText } from '../compare/render-compare-text.js';
import { loadCatalogsParallel } from '../io/parallel-load.js';
import { wantColor } from '../output/color.js';
import type { Command } from './command.js';
import { writeSkipped } from './skipped-note.js';

export const compareCommand: Command = {
  name: 'compare',
  summary: 'line up several sources of one service and show where they disagree',
  usage: 'iamdiff compare SOURCE SOURCE... [--format text|markdown|json] [--service PREFIX] [--only-disagreements] [--input-format ID] [--color|--no-color]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('compare', argv, {
      ...FORMAT_OPTION,
      ...SOURCE_OPTIONS,
      ...COLOR_OPTIONS,
      'only-disagreements': { type: 'boolean' },
    });
    if (positionals.length < 2) throw new UsageError('compare: give at least two sources of the same service');
    const format = choice('format', values.format, ['text', 'markdown', 'json'] as const, 'text');
    const skipped: string[] = [];
    const loaded = [];
    for (const p of positionals) loaded.push(...(await loadCatalogsParallel(p, { service: values.service, format: values['input-format'], skipped })));
    writeSkipped(io, skipped);
    const prefixes = [...new Set(loaded.map((c) => c.service.prefix))];
    const service = values.service ?? (prefixes.length === 1 ? prefixes[0] : undefined);
    if (!service) throw new UsageError(`compare: the sources hold several services (${prefixes.join(', ')}); choose one with --service`);
    const catalogs = loaded.filter((c) => c.service.prefix === service);
    if (catalogs.length < 2) throw new UsageError(`compare: fewer than two sources hold service ${service}`);
    const matrix = compareSources(catalogs);
    const only = !!values['only-disagreements'];
    if (format === 'json') io.stdout.write(renderCompareJson(matrix, { onlyDisagreements: only }));
    else if (format === 'markdown') io.stdout.write(renderCompareMarkdown(matrix, { onlyDisagreements: only }));
    else io.stdout.write(renderCompareText(matrix, { color: wantColor(values['no-color'] ? false : values.color, io.stdout.isTTY, io.env), onlyDisagreements: only }));
    return 0;
  },
};
