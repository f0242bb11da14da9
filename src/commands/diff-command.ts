import { choice, parseCommandArgs } from '../cli/args.js';
import { parseMaxBytes } from '../cli/max-bytes.js';
import { UsageError } from '../cli/usage-error.js';
import { CHANGE_KINDS, SEVERITIES, severityRank, type ChangeKind } from '../diff/change.js';
import { diffCatalogs } from '../diff/diff-catalogs.js';
import type { DiffResult } from '../diff/diff-result.js';
import { filterResult } from '../diff/filter-changes.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { loadVersionsParallel } from '../io/parallel-load.js';
import { selectService } from '../cli/service-option.js';
import { closeNames } from '../cli/close-names.js';
import { wantColor } from '../output/color.js';
import { renderReport, REPORT_FORMATS } from '../output/render-report.js';
import type { Catalog } from '../model/catalog.js';
import { withPolicyImpact } from '../policy/policy-impact.js';
import { loadPolicySources } from '../policy/policy-source.js';
import type { Command } from './command.js';
import { writeSkipped } from './skipped-note.js';

export const DIFF_OPTIONS = {
  format: { type: 'string', short: 'f' },
  only: { type: 'string' },
  'min-severity': { type: 'string' },
  'exit-code': { type: 'boolean' },
  'fail-on': { type: 'string' },
  service: { type: 'string' },
  'input-format': { type: 'string' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  interactive: { type: 'boolean', short: 'i' },
  policies: { type: 'string', multiple: true },
  state: { type: 'string' },
  'max-bytes': { type: 'string' },
} as const;

function parseKinds(value: string | undefined): ChangeKind[] | undefined {
  if (value === undefined) return undefined;
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
  for (const k of kinds) {
    if (!(CHANGE_KINDS as readonly string[]).includes(k)) {
      const close = closeNames(k, CHANGE_KINDS);
      throw new UsageError(`--only: unknown change kind "${k}"${close.length ? ` (did you mean ${close.join(', ')}?)` : ` (kinds: ${CHANGE_KINDS.join(', ')})`}`);
    }
  }
  return kinds as ChangeKind[];
}

export type DiffInputOptions = { service?: string; 'input-format'?: string; only?: string; 'min-severity'?: string; policies?: string[] };

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
  /** Let the event loop run at least this often (ms) while parsing. */
  yieldMs?: number;
}

/** The diff and the catalogs of both sides (the review's detail pane shows them). */
export async function loadAndDiff(oldPath: string, newPath: string, values: DiffInputOptions, skipped: string[] = [], progress?: LoadProgress): Promise<{ result: DiffResult; oldCatalogs: Catalog[]; newCatalogs: Catalog[] }> {
  if (oldPath === '-' && newPath === '-') throw new UsageError('diff: only one side can be read from standard input');
  // Usage errors before any file is read.
  const kinds = parseKinds(values.only);
  const minSeverity = values['min-severity'] === undefined ? undefined : choice('min-severity', values['min-severity'], SEVERITIES, 'low');
  const grants = loadPolicySources(policyPaths(values)); // before the catalogs: a bad policy file fails fast
  const onFiles = progress?.onFiles;
  const progressOf = onFiles && ((i: number) => (done: number, total: number) => onFiles(i === 0 ? 'old' : 'new', done, total));
  const sides = await loadVersionsParallel([oldPath, newPath], { service: values.service, format: values['input-format'], skipped, yieldMs: progress?.yieldMs }, progressOf);
  const [oldCatalogs, newCatalogs] = selectService(values.service, sides, `${oldPath} or ${newPath}`) as [Catalog[], Catalog[]];
  progress?.onCompare?.();
  const filtered = filterResult(diffCatalogs(oldPath, oldCatalogs, newPath, newCatalogs), { kinds, minSeverity });
  const result = values.policies?.length ? withPolicyImpact(filtered, grants) : filtered;
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

export const diffCommand: Command = {
  name: 'diff',
  summary: 'say what changed between two catalog versions (files, snapshots or directories)',
  usage:
    'iamdiff diff OLD NEW [--format text|markdown|html|json|yaml] [--max-bytes N] [--only KIND,...] [--min-severity LEVEL] [--exit-code] [--fail-on LEVEL] [--service PREFIX] [--input-format ID] [--output FILE [--force]] [--color|--no-color] [--interactive [--state FILE]] [--policies FILE,...]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('diff', argv, DIFF_OPTIONS);
    if (positionals.length !== 2) throw new UsageError('diff: give exactly two sources, OLD and NEW');
    const format = choice('format', values.format, REPORT_FORMATS, 'text');
    if (values['fail-on'] !== undefined) choice('fail-on', values['fail-on'], SEVERITIES, 'high');
    const maxBytes = parseMaxBytes(values['max-bytes']);
    const skipped: string[] = [];
    if (values.interactive) {
      const { reviewPaths } = await import('./review-command.js');
      const { result, code } = await reviewPaths(positionals[0]!, positionals[1]!, values, { stateFile: values.state, color: values['no-color'] ? false : values.color }, io);
      return Math.max(code, gateExitCode(result, values['exit-code'], values['fail-on']));
    }
    const result = await computeDiff(positionals[0]!, positionals[1]!, values, skipped);
    writeSkipped(io, skipped);
    const toFile = values.output !== undefined;
    const color = !toFile && wantColor(values['no-color'] ? false : values.color, io.stdout.isTTY, io.env);
    const report = renderReport(result, format, { color, maxBytes });
    if (toFile) {
      writeFileAtomic(values.output!, report, { overwrite: !!values.force });
      io.stderr.write(`wrote ${values.output} (${result.changes.length} changes)\n`);
    } else io.stdout.write(report);
    return gateExitCode(result, values['exit-code'], values['fail-on']);
  },
};
