import { resolve } from 'node:path';
import type { OptionValues } from '../cli/command-spec.js';
import { UsageError } from '../cli/usage-error.js';
import { appendAcceptances } from '../config/append-acceptances.js';
import { findConfigFile } from '../config/load-config.js';
import { changeFingerprint } from '../diff/change-identity.js';
import { changeDetail, changeSubject } from '../output/describe-change.js';
import { defaultStateFile, openReviewStore } from '../review/review-state.js';
import { oneLine } from '../text/sanitize.js';
import type { CommandIO } from './command.js';
import { computeDiff, type DiffInputOptions } from './diff-command.js';

/** The review marks (change identities marked reviewed) of a state file; an error when there are none. */
function reviewedMarks(file: string): ReadonlySet<string> {
  const store = openReviewStore(file);
  if (store.warning) throw new UsageError(`accept --marked: ${store.warning}`);
  if (!store.initial || store.initial.reviewed.size === 0) throw new UsageError(`accept --marked: no changes marked reviewed in ${file} (mark them in iamdiff review first)`);
  return store.initial.reviewed;
}

/**
 * `iamdiff accept OLD NEW --reason TEXT`: the fingerprints of the diff's changes (those not yet
 * accepted, after --only/--min-severity/--service, or only those marked reviewed with --marked)
 * appended to the config file in force, or to a new `.iamdiff.yaml` in the working directory.
 */
export async function run(args: string[], raw: OptionValues, io: CommandIO): Promise<number> {
  const values = raw as DiffInputOptions & { reason?: string; expires?: string; marked?: boolean; state?: string; config?: string };
  if (args.length !== 2) throw new UsageError('accept: give exactly two sources, OLD and NEW');
  const [oldPath, newPath] = args as [string, string];
  const reason = values.reason?.trim();
  if (!reason) throw new UsageError('accept: --reason TEXT is required (why these changes are accepted)');
  if (values.expires !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(values.expires) || Number.isNaN(Date.parse(`${values.expires}T00:00:00Z`)))) throw new UsageError(`accept: --expires must be a date YYYY-MM-DD (got "${values.expires}")`);
  if (values.state !== undefined && !values.marked) throw new UsageError('accept: --state names the marks file of --marked');
  const file = findConfigFile(raw.config as string | undefined, process.cwd()) ?? resolve('.iamdiff.yaml');
  const marks = values.marked ? reviewedMarks(values.state ?? defaultStateFile()) : undefined;
  const result = await computeDiff(oldPath, newPath, { ...values, config: io.config });
  const changes = marks ? result.changes.filter((c) => marks.has(changeFingerprint(c))) : result.changes;
  const entries = changes.map((c) => ({
    fingerprint: c.fingerprint!,
    reason,
    ...(values.expires ? { expires: values.expires } : {}),
    comment: oneLine(`${changeSubject(c)} ${c.rule} ${changeDetail(c)}`).slice(0, 160),
  }));
  const unique = [...new Map(entries.map((e) => [e.fingerprint, e])).values()];
  if (unique.length === 0) {
    io.stderr.write(`accept: nothing to add (${result.accepted?.length ?? 0} already accepted${marks ? ', none of the marked changes is in this diff unaccepted' : ''})\n`);
    return 0;
  }
  appendAcceptances(file, unique);
  io.stderr.write(`accepted ${unique.length} change${unique.length === 1 ? '' : 's'} in ${oneLine(file)}${result.accepted?.length ? ` (${result.accepted.length} were already)` : ''}\n`);
  return 0;
}
