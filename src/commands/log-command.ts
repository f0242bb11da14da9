import { COLOR_OPTIONS, FORMAT_OPTION, SOURCE_OPTIONS } from '../cli/common-options.js';
import { choice, parseCommandArgs } from '../cli/args.js';
import { parseMaxBytes } from '../cli/max-bytes.js';
import { UsageError } from '../cli/usage-error.js';
import { diffCatalogs } from '../diff/diff-catalogs.js';
import { filterResult } from '../diff/filter-changes.js';
import { SEVERITIES } from '../diff/change.js';
import { actionHistory, canonicalActionName, type ActionEvent } from '../history/action-history.js';
import { loadVersions } from '../history/versions.js';
import { writeSkipped } from './skipped-note.js';
import { wantColor } from '../output/color.js';
import { renderMarkdownLog } from '../output/markdown-report.js';
import { renderStructured } from '../output/structured-report.js';
import { renderText } from '../output/text-report.js';
import { oneLine } from '../text/sanitize.js';
import type { Command } from './command.js';

function eventLine(e: ActionEvent): string {
  const v = (s?: string) => oneLine(s ?? '');
  switch (e.event) {
    case 'absent':
      return 'not present';
    case 'appeared':
    case 'reappeared':
      return `${e.event}${e.accessLevel ? ` (${e.accessLevel})` : ''}`;
    case 'access-level-changed':
      return `access level ${v(e.before)} → ${v(e.accessLevel)}`;
    case 'removed':
      return 'removed';
    case 'unchanged':
      return `present${e.accessLevel ? ` (${e.accessLevel})` : ''}${e.detail ? `; ${e.detail}` : ''}`;
    case 'not-listed':
      return `unknown: ${v(e.detail)}`;
  }
}

export const logCommand: Command = {
  name: 'log',
  summary: 'order catalog versions by date and show what changed between each consecutive pair',
  usage: 'iamdiff log SOURCE|DIR... [--action service:Action] [--format text|markdown|json|yaml] [--max-bytes N] [--min-severity LEVEL] [--service PREFIX] [--input-format ID] [--color|--no-color]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('log', argv, {
      ...FORMAT_OPTION,
      ...SOURCE_OPTIONS,
      ...COLOR_OPTIONS,
      action: { type: 'string' },
      'min-severity': { type: 'string' },
      'max-bytes': { type: 'string' },
    });
    if (positionals.length === 0) throw new UsageError('log: name the versions (files, snapshots or a directory of snapshots)');
    const format = choice('format', values.format, ['text', 'markdown', 'json', 'yaml'] as const, 'text');
    const maxBytes = parseMaxBytes(values['max-bytes']);
    if (values.action && format === 'markdown') throw new UsageError('log: --action has no markdown form (text, json or yaml)');
    const skipped: string[] = [];
    const versions = await loadVersions(positionals, { service: values.service, format: values['input-format'], skipped });
    writeSkipped(io, skipped);
    if (versions.length < 2 && !values.action) throw new UsageError('log: needs at least two versions');

    if (values.action) {
      const events = actionHistory(versions, values.action);
      const action = canonicalActionName(versions, values.action);
      if (format !== 'text') {
        const data = { action, versions: versions.map((v) => v.name), events };
        io.stdout.write(renderStructured(data, format as 'json' | 'yaml'));
        return 0;
      }
      io.stdout.write(`${oneLine(action)}: history across ${versions.length} versions\n`);
      for (const e of events) io.stdout.write(`  ${oneLine(e.version).padEnd(36)} ${eventLine(e)}\n`);
      if (!events.some((e) => e.event === 'appeared')) io.stdout.write('  (never listed)\n');
      return 0;
    }

    const minSeverity = values['min-severity'] === undefined ? undefined : choice('min-severity', values['min-severity'], SEVERITIES, 'low');
    const color = wantColor(values['no-color'] ? false : values.color, io.stdout.isTTY, io.env);
    const steps = [];
    for (let i = 1; i < versions.length; i++) {
      const a = versions[i - 1]!;
      const b = versions[i]!;
      const result = filterResult(diffCatalogs(a.name, a.catalogs, b.name, b.catalogs), { minSeverity });
      steps.push({ from: a.name, to: b.name, result });
    }
    if (format === 'markdown') {
      io.stdout.write(renderMarkdownLog(steps, { maxBytes }));
      return 0;
    }
    if (format !== 'text') {
      const data = steps.map((s) => ({ from: s.from, to: s.to, notCompared: s.result.notCompared, summary: s.result.summary, changes: s.result.changes }));
      io.stdout.write(renderStructured(data, format));
      return 0;
    }
    io.stdout.write(`${versions.length} versions, oldest first (undated versions first, in the order given):\n`);
    for (const v of versions) io.stdout.write(`  ${oneLine(v.name)}\n`);
    for (const s of steps) io.stdout.write(`\n=== ${oneLine(s.from)} → ${oneLine(s.to)} ===\n${renderText(s.result, { color })}`);
    return 0;
  },
};
