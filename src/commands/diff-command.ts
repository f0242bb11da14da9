import { choice } from '../cli/args.js';
import type { OptionValues } from '../cli/command-spec.js';
import { DIFF_FORMATS } from '../cli/specs/diff-spec.js';
import { applyConfig, expiredNotes } from '../config/apply-config.js';
import type { IamdiffConfig } from '../config/config-types.js';
import { loadFromSources } from '../git/git-input.js';
import type { YieldEvery } from '../io/read-input.js';
import { oneLine } from '../text/sanitize.js';
import { parseMaxBytes } from '../cli/max-bytes.js';
import { UsageError } from '../cli/usage-error.js';
import { CHANGE_KINDS, SEVERITIES, severityRank } from '../diff/change.js';
import { RULE_IDS } from '../diff/severity-rules.js';
import { diffCatalogs } from '../diff/diff-catalogs.js';
import type { DiffResult } from '../diff/diff-result.js';
import { filterResult } from '../diff/filter-changes.js';
import { loadVersionsParallel } from '../io/parallel-load.js';
import { selectService } from '../cli/service-option.js';
import { closeNames } from '../cli/close-names.js';
import { wantColor } from '../output/color.js';
import { renderReport } from '../output/render-report.js';
import type { Catalog } from '../model/catalog.js';
import type { CommandIO } from './command.js';
import { writeSkipped } from './skipped-note.js';

/** `--only KIND,...`: change kinds or rule IDs, each checked (a typo names close ones). */
function parseKinds(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
  const known = [...CHANGE_KINDS, ...RULE_IDS];
  for (const k of kinds) {
    if (!known.includes(k)) {
      const close = closeNames(k, known);
      throw new UsageError(`--only: unknown change kind or rule "${k}"${close.length ? ` (did you mean ${close.join(', ')}?)` : ` (kinds: ${CHANGE_KINDS.join(', ')}; rules: iamdiff rules)`}`);
    }
  }
  return kinds;
}

export type DiffInputOptions = { service?: string; 'input-format'?: string; only?: string; 'min-severity'?: string; policies?: string[]; config?: IamdiffConfig };

/** `--policies a --policies b,c` as one list. */
export function policyPaths(values: { policies?: string[] }): string[] {
  return (values.policies ?? []).flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
}

/** Load both sides and diff them, limited by --service, --only and --min-severity. */
export async function computeDiff(oldPath: string, newPath: string, values: DiffInputOptions, skipped: string[] = []): Promise<DiffResult> {
  return (await loadAndDiff(oldPath, newPath, values, skipped)).result;
}

/** How loading goes, for the review's loading screen: files parsed per side, then the comparison. */
export interface LoadProgress {
  onFiles?(side: 'old' | 'new', done: number, total: number): void;
  onCompare?(): void;
  /** Let the event loop run at least this often while parsing. */
  yieldMs?: YieldEvery;
}

/** The diff and the catalogs of both sides (the review's detail pane shows them). */
export async function loadAndDiff(oldPath: string, newPath: string, values: DiffInputOptions, skipped: string[] = [], progress?: LoadProgress): Promise<{ result: DiffResult; oldCatalogs: Catalog[]; newCatalogs: Catalog[] }> {
  if (oldPath === '-' && newPath === '-') throw new UsageError('diff: only one side can be read from standard input');
  // Usage errors before any file is read.
  const kinds = parseKinds(values.only);
  const minSeverity = values['min-severity'] === undefined ? undefined : choice('min-severity', values['min-severity'], SEVERITIES, 'low');
  // Before the catalogs: a bad policy file fails fast. The policy modules load only when policies are given.
  const policies = values.policies?.length ? await import('../policy/policy-impact.js') : undefined;
  const grants = policies ? (await import('../policy/policy-source.js')).loadPolicySources(policyPaths(values)) : [];
  const onFiles = progress?.onFiles;
  const progressOf = onFiles && ((i: number) => (done: number, total: number) => onFiles(i === 0 ? 'old' : 'new', done, total));
  // REV:path names a snapshot (or a directory of them) at a git revision: read from git, never checked out.
  const sides = await loadFromSources([oldPath, newPath], skipped, (paths) => loadVersionsParallel(paths, { service: values.service, format: values['input-format'], skipped, yieldMs: progress?.yieldMs }, progressOf));
  const [oldCatalogs, newCatalogs] = selectService(values.service, sides, `${oldPath} or ${newPath}`) as [Catalog[], Catalog[]];
  progress?.onCompare?.();
  const diffed = applyConfig(diffCatalogs(oldPath, oldCatalogs, newPath, newCatalogs), values.config);
  const filtered = filterResult(diffed, { kinds, minSeverity });
  const result = policies ? policies.withPolicyImpact(filtered, grants) : filtered;
  return { result, oldCatalogs, newCatalogs };
}

/** 1 when the CI gate trips (--exit-code: any change; --fail-on LEVEL: a change at or above LEVEL). */
export function gateExitCode(result: DiffResult, exitCode: boolean | undefined, failOn: string | undefined): number {
  if (failOn !== undefined) {
    const level = choice('fail-on', failOn, SEVERITIES, 'high');
    if (result.changes.some((c) => severityRank(c.severity) >= severityRank(level))) return 1;
  }
  if (exitCode && result.changes.length > 0) return 1;
  return 0;
}

/** `iamdiff diff OLD NEW`: the report in one format, the CI gate as the exit code. */
export async function run(args: string[], values: OptionValues, io: CommandIO): Promise<number> {
  if (args.length !== 2) throw new UsageError('diff: give exactly two sources, OLD and NEW');
  const [oldPath, newPath] = args as [string, string];
  const format = choice('format', values.format as string | undefined, DIFF_FORMATS, 'text');
  const failOn = values['fail-on'] === undefined ? undefined : choice('fail-on', values['fail-on'] as string, SEVERITIES, 'high');
  const maxBytes = parseMaxBytes(values['max-bytes'] as string | undefined);
  const inputs = { ...(values as DiffInputOptions), config: io.config };
  if (values.interactive) {
    const { reviewPaths } = await import('./review-command.js');
    const { result, code } = await reviewPaths(oldPath, newPath, inputs, { stateFile: values.state as string | undefined, color: values.color as boolean | undefined }, io);
    return Math.max(code, gateExitCode(result, !!values['exit-code'], failOn));
  }
  const skipped: string[] = [];
  const result = await computeDiff(oldPath, newPath, inputs, skipped);
  writeSkipped(io, skipped);
  for (const note of expiredNotes(result)) io.stderr.write(`${oneLine(note)}\n`);
  const color = wantColor(values.color as boolean | undefined, io.stdout.isTTY, io.env);
  const disabled = new Set(Object.entries(io.config?.rules ?? {}).filter(([, s]) => s.value === 'none').map(([id]) => id));
  io.stdout.write(await renderReport(result, format, { color, maxBytes, failOn, exitCode: !!values['exit-code'], disabled }));
  return gateExitCode(result, !!values['exit-code'], failOn);
}
