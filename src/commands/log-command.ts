import { choice } from '../cli/args.js';
import { parseMaxBytes } from '../cli/max-bytes.js';
import { UsageError } from '../cli/usage-error.js';
import { applyConfig } from '../config/apply-config.js';
import { loadFromSources } from '../git/git-input.js';
import { diffCatalogs } from '../diff/diff-catalogs.js';
import { filterResult } from '../diff/filter-changes.js';
import { SEVERITIES } from '../diff/change.js';
import { actionHistory, actionNotFound, canonicalActionName, sightAction, type ActionEvent, type ActionSighting } from '../history/action-history.js';
import { planVersions } from '../history/versions.js';
import { writeSkipped } from './skipped-note.js';
import { wantColor } from '../output/color.js';
import { renderMarkdownLog, type LogStep as Step } from '../output/markdown-report.js';
import { renderStructured, StructuredListWriter } from '../output/structured-report.js';
import { renderText } from '../output/text-report.js';
import { oneLine } from '../text/sanitize.js';
import type { CommandIO } from './command.js';
import type { OptionValues } from '../cli/command-spec.js';

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

/** `iamdiff log`. */
export async function run(positionals: string[], raw: OptionValues, io: CommandIO): Promise<number> {
  const values = raw as { format?: string; service?: string; 'input-format'?: string; color?: boolean; action?: string; 'min-severity'?: string; 'max-bytes'?: string };
  if (positionals.length === 0) throw new UsageError('log: name the versions (files, snapshots or a directory of snapshots)');
  const format = choice('format', values.format, ['text', 'markdown', 'json', 'yaml'] as const, 'text');
  const maxBytes = parseMaxBytes(values['max-bytes']);
  if (values.action && format === 'markdown') throw new UsageError('log: --action has no markdown form (text, json or yaml)');
  const skipped: string[] = [];
  // REV:path versions are read out of git (as diff reads them)
  const versions = await loadFromSources(positionals, skipped, (paths) => planVersions(paths, { service: values.service, format: values['input-format'], skipped }));
  writeSkipped(io, skipped);
  if (versions.length < 2 && !values.action) throw new UsageError('log: needs at least two versions');

  if (values.action) {
    // One version at a time: only what each says of the action is kept.
    const sightings: ActionSighting[] = [];
    for (const v of versions) sightings.push(sightAction(v.name, await v.load(), values.action));
    const missing = actionNotFound(sightings, values.action);
    if (missing) throw new UsageError(missing);
    const events = actionHistory(sightings);
    const action = canonicalActionName(sightings, values.action);
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
  const color = wantColor(values.color, io.stdout.isTTY, io.env);
  const list = format === 'json' || format === 'yaml' ? new StructuredListWriter(format, (s) => io.stdout.write(s)) : undefined;
  const steps: Step[] = []; // kept only for the Markdown changelog, which is written newest first
  if (format === 'text') {
    io.stdout.write(`${versions.length} versions, oldest first (undated versions first, in the order given):\n`);
    for (const v of versions) io.stdout.write(`  ${oneLine(v.name)}\n`);
  }
  // Consecutive pairs, two versions in memory at a time: memory does not grow with the history.
  let previous = await versions[0]!.load();
  for (let i = 1; i < versions.length; i++) {
    const a = versions[i - 1]!;
    const b = versions[i]!;
    const current = await b.load();
    const result = filterResult(applyConfig(diffCatalogs(a.name, previous, b.name, current), io.config), { minSeverity }); // the config's severities and acceptances, as in diff
    if (list) list.item({ from: a.name, to: b.name, notCompared: result.notCompared, summary: result.summary, changes: result.changes });
    else if (format === 'markdown') steps.push({ from: a.name, to: b.name, result });
    else io.stdout.write(`\n=== ${oneLine(a.name)} → ${oneLine(b.name)} ===\n${renderText(result, { color })}`);
    previous = current;
  }
  list?.end();
  if (format === 'markdown') io.stdout.write(renderMarkdownLog(steps, { maxBytes }));
  return 0;
}
