/**
 * `npm run fuzz`: long fuzz runs (not a test). For each of the nine formats, FUZZ_INPUTS
 * (default 10 000) mutants of its seeds, up to 1 MB each, go through the format's target
 * (lib/targets.ts); then the hand-made hostile documents (lib/hostile-cases.ts) at 1 MB.
 * Allowed outcomes: a catalog or a located InputError. It measures the time of each input
 * and reports, per format, internal errors and inputs up to 1 MB that took over 1 s;
 * failing inputs are written to fuzz-failures/ (to keep as fixtures in test/fixtures/hostile/).
 * Prints Markdown tables (the README's) and exits 1 when any input failed or was too slow.
 *   FUZZ_INPUTS=N  FUZZ_SEED=S  FUZZ_FORMATS=id,id  FUZZ_MAX_BYTES=bytes
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { HOSTILE_CASES } from './lib/hostile-cases.js';
import { applyEdits, mutantArb } from './lib/mutations.js';
import { fuzzTargets, ROOT, timing, type FuzzTarget } from './lib/targets.js';

const INPUTS = Number(process.env.FUZZ_INPUTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const MAX_BYTES = Number(process.env.FUZZ_MAX_BYTES ?? 1024 * 1024);
const ONLY = process.env.FUZZ_FORMATS?.split(',');
const SLOW_MS = 1000;
const OUT = join(ROOT, 'fuzz-failures');

interface Stats {
  format: string;
  inputs: number;
  catalogs: number;
  inputErrors: number;
  internal: number;
  slow: number;
  /** Slowest read (the 1 s bound applies to it) and slowest read + snapshot + diff + reports. */
  maxReadMs: number;
  maxReadBytes: number;
  maxMs: number;
  maxMsBytes: number;
  largest: number;
  totalMs: number;
}

function save(format: string, n: number, text: string, why: string): string {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${format}-${SEED}-${n}.txt`);
  writeFileSync(file, text);
  writeFileSync(`${file}.why`, why + '\n');
  return file;
}

/** Run one input: its outcome and time. */
function runOne(target: FuzzTarget, text: string, seedIndex: number): { outcome: string; ms: number; readMs: number; error?: string } {
  const t = performance.now();
  timing.readMs = 0;
  try {
    const outcome = target.run(text, seedIndex);
    return { outcome, ms: performance.now() - t, readMs: timing.readMs };
  } catch (e) {
    const err = e as Error;
    return { outcome: 'internal', ms: performance.now() - t, readMs: timing.readMs, error: `${err.name}: ${err.message}`.slice(0, 500) };
  }
}

function fuzzFormat(target: FuzzTarget): Stats {
  const s: Stats = { format: target.id, inputs: 0, catalogs: 0, inputErrors: 0, internal: 0, slow: 0, maxReadMs: 0, maxReadBytes: 0, maxMs: 0, maxMsBytes: 0, largest: 0, totalMs: 0 };
  const mutants = fc.sample(mutantArb({ seeds: target.seeds.length, tokens: target.tokens, maxBytes: MAX_BYTES }), { numRuns: INPUTS, seed: SEED });
  const reported = new Set<string>();
  mutants.forEach((m, n) => {
    const text = applyEdits(target.seeds[m.seed]!, m.edits, MAX_BYTES);
    const r = runOne(target, text, m.seed);
    s.inputs++;
    s.totalMs += r.ms;
    s.largest = Math.max(s.largest, text.length);
    if (r.ms > s.maxMs) [s.maxMs, s.maxMsBytes] = [r.ms, text.length];
    if (r.readMs > s.maxReadMs) [s.maxReadMs, s.maxReadBytes] = [r.readMs, text.length];
    if (r.outcome === 'catalog') s.catalogs++;
    else if (r.outcome === 'input-error') s.inputErrors++;
    else {
      s.internal++;
      const kind = r.error!.split('\n')[0]!.slice(0, 120);
      if (!reported.has(kind)) {
        reported.add(kind);
        process.stderr.write(`  ${target.id} #${n}: ${kind}\n    saved as ${save(target.id, n, text, r.error!)}\n`);
      }
    }
    if (r.readMs > SLOW_MS && text.length <= 1024 * 1024) {
      s.slow++;
      process.stderr.write(`  ${target.id} #${n}: read in ${Math.round(r.readMs)} ms, ${text.length} bytes; saved as ${save(target.id, n, text, `slow: ${r.readMs} ms`)}\n`);
    } else if (r.ms > 4 * SLOW_MS) process.stderr.write(`  ${target.id} #${n}: ${Math.round(r.ms)} ms with snapshot, diff and reports, ${text.length} bytes (read in ${Math.round(r.readMs)} ms)\n`);
    if ((n + 1) % 1000 === 0) process.stderr.write(`  ${target.id}: ${n + 1}/${mutants.length}\r`);
  });
  process.stderr.write('\n');
  return s;
}

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`);

const targets = fuzzTargets().filter((t) => !ONLY || ONLY.includes(t.id));
const rows: Stats[] = [];
for (const t of targets) {
  process.stderr.write(`fuzzing ${t.id} (${INPUTS} inputs, seed ${SEED})\n`);
  rows.push(fuzzFormat(t));
}

const cases = HOSTILE_CASES.filter((c) => !ONLY || ONLY.includes(c.format)).map((c) => {
  const target = targets.find((t) => t.id === c.format)!;
  const text = c.make(MAX_BYTES - 4096);
  const r = runOne(target, text, c.seedIndex ?? 0);
  if (r.outcome === 'internal') save(c.format, 0, text, `${c.name}: ${r.error}`);
  return { ...c, bytes: text.length, ...r };
});

const out: string[] = [];
out.push(`Fuzzing: ${INPUTS} mutants per format (seed ${SEED}), each up to ${kb(MAX_BYTES)}; allowed outcomes a catalog or a located InputError.`, '');
out.push('| format | inputs | catalogs | input errors | internal errors | largest | slowest read | read over 1 s (≤ 1 MB) | slowest with snapshot, diff, reports | mean |');
out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const s of rows) {
  out.push(`| \`${s.format}\` | ${s.inputs} | ${s.catalogs} | ${s.inputErrors} | ${s.internal} | ${kb(s.largest)} | ${Math.round(s.maxReadMs)} ms (${kb(s.maxReadBytes)}) | ${s.slow} | ${Math.round(s.maxMs)} ms (${kb(s.maxMsBytes)}) | ${(s.totalMs / Math.max(1, s.inputs)).toFixed(1)} ms |`);
}
out.push('', 'Hand-made hostile documents (test/fuzz/lib/hostile-cases.ts), built at about 1 MB where size matters:', '');
out.push('| format | document | bytes | outcome | read | with snapshot, diff, reports |', '| --- | --- | ---: | --- | ---: | ---: |');
for (const c of cases) out.push(`| \`${c.format}\` | ${c.name} | ${c.bytes} | ${c.outcome === 'internal' ? `**internal error**: ${c.error}` : c.outcome} | ${Math.round(c.readMs)} ms | ${Math.round(c.ms)} ms |`);
process.stdout.write(out.join('\n') + '\n');

const failed = rows.some((s) => s.internal > 0 || s.slow > 0) || cases.some((c) => c.outcome === 'internal' || (c.readMs > SLOW_MS && c.bytes <= 1024 * 1024));
process.exitCode = failed ? 1 : 0;
