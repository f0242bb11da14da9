import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../model/errors.js';
import { oneLine } from '../text/sanitize.js';

/** A command-line source: a path as given, or `REV:path` read out of git into a temporary directory. */
export interface GitInput {
  /** What to read. */
  path: string;
  /** `REV:path` as written, when the source came from git. */
  spec?: string;
}

/** `HEAD~1:snapshots`: a revision (not starting with `-`), a colon, a path; a file of that name wins. */
const REV_PATH = /^([^:\s-][^:\s]*):(.*)$/;

function git(args: string[], input?: string): { ok: boolean; out: Buffer; err: string } {
  const r = spawnSync('git', args, { input, maxBuffer: 1 << 30 });
  if (r.error) throw new InputError(args.join(' '), `cannot run git: ${r.error.message}`);
  return { ok: r.status === 0, out: r.stdout, err: r.stderr.toString('utf8').trim().split('\n')[0] ?? '' };
}

const temps: string[] = [];
let cleanupInstalled = false;

/** A temporary directory removed when the process exits. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamdiff-git-'));
  temps.push(dir);
  if (!cleanupInstalled) {
    cleanupInstalled = true;
    process.on('exit', () => {
      for (const t of temps) rmSync(t, { recursive: true, force: true });
    });
  }
  return dir;
}

/**
 * The objects of `git cat-file --batch` output, in order: `<oid> blob <size>\n<content>\n` each.
 * One git process for a whole directory of snapshots.
 */
function readBatch(out: Buffer, count: number, spec: string): Buffer[] {
  const blobs: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    if (header[1] !== 'blob') throw new InputError(spec, `git cat-file: unexpected object (${oneLine(header.join(' '))})`);
    const size = Number(header[2]);
    blobs.push(out.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return blobs;
}

/**
 * Resolve a source: a path that exists (or `-`) is itself; `REV:path` is read with git without
 * checking anything out (git cat-file for a file; git ls-tree and one git cat-file --batch for a
 * directory) into a temporary directory that keeps the path's own name (a directory named by a
 * date still dates its version). Anything else is left for the reader to report.
 */
export function gitInputPath(p: string): GitInput {
  if (p === '-' || existsSync(p)) return { path: p };
  const m = REV_PATH.exec(p);
  if (!m) return { path: p };
  const [, rev, path] = m as unknown as [string, string, string];
  const inRepo = git(['rev-parse', '--is-inside-work-tree']);
  if (!inRepo.ok) throw new InputError(p, 'no such file, and not REV:path inside a git repository');
  if (!git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).ok) throw new InputError(p, `git: no revision "${rev}"`);
  const object = `${rev}:${path}`;
  const type = git(['cat-file', '-t', object]);
  if (!type.ok) throw new InputError(p, `git: no "${path || '.'}" at ${rev}`);
  const name = basename(path.replace(/\/+$/, '')) || 'root';
  const root = join(tempDir(), name);
  const kind = type.out.toString('utf8').trim();
  if (kind === 'blob') {
    mkdirSync(dirname(root), { recursive: true });
    writeFileSync(root, git(['cat-file', 'blob', object]).out);
    return { path: root, spec: p };
  }
  if (kind !== 'tree') throw new InputError(p, `git: ${path} at ${rev} is a ${kind}, not a file or directory`);
  // every regular file below: `<mode> blob <oid>\t<path>\0`
  const entries = git(['ls-tree', '-r', '-z', object])
    .out.toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, t, oid] = line.slice(0, tab).split(' ') as [string, string, string];
      return { mode, type: t, oid, file: line.slice(tab + 1) };
    })
    .filter((e) => e.type === 'blob' && e.mode !== '120000' && !e.file.split('/').includes('..'));
  mkdirSync(root, { recursive: true });
  const batch = git(['cat-file', '--batch'], entries.map((e) => e.oid).join('\n') + '\n');
  const blobs = readBatch(batch.out, entries.length, p);
  entries.forEach((e, i) => {
    const target = join(root, e.file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, blobs[i]!);
  });
  return { path: root, spec: p };
}

/** Text with the temporary paths of git inputs put back as the `REV:path` the user wrote. */
function unGitPaths(text: string, inputs: readonly GitInput[]): string {
  let t = text;
  for (const i of inputs) if (i.spec) t = t.split(i.path).join(i.spec);
  return t;
}

/**
 * Load sources that may be `REV:path`: `load` gets the readable paths; errors name the sources
 * as written, and so do the notes it pushed onto `skipped`.
 */
export async function loadFromSources<T>(sources: readonly string[], skipped: string[], load: (paths: string[]) => Promise<T>): Promise<T> {
  const inputs = sources.map((s) => gitInputPath(s));
  const from = skipped.length;
  const out = await withGitErrors(inputs, () => load(inputs.map((i) => i.path)));
  for (let i = from; i < skipped.length; i++) skipped[i] = unGitPaths(skipped[i]!, inputs);
  return out;
}

/** Run a load; errors (and notes) about files of git inputs name them by `REV:path`. */
async function withGitErrors<T>(inputs: readonly GitInput[], load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof InputError && inputs.some((i) => i.spec)) {
      const err = new InputError(unGitPaths(e.file, inputs), unGitPaths(e.detail, inputs), e.line);
      err.name = e.name;
      throw err;
    }
    throw e;
  }
}
