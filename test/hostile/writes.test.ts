import { spawn, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAll, writeFileAtomic, WriteError } from '../../src/io/atomic-write.js';
import { installSignalCleanup, pendingTemps, trackTemp } from '../../src/io/temp-files.js';
import { catalogFromYaml, catalogToYaml } from '../../src/snapshot/snapshot-yaml.js';
import { action, catalog } from '../helpers/catalog-builder.js';
import { CLI, fixturePath, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { IS_ROOT, mountTmpfs, type Tmpfs } from '../helpers/tmpfs.js';

const work = mkdtempSync(join(tmpdir(), 'iamdiff-writes-'));
chmodSync(work, 0o755); // the unprivileged user of the EACCES test must reach its directory
const mounts: Tmpfs[] = [];
afterAll(() => {
  mounts.forEach((m) => m.unmount());
  rmSync(work, { recursive: true, force: true });
});

/** Every file below `dir`, hidden ones (temporary files) included. */
function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

const oneLineError = (stderr: string) => stderr.trimEnd().split('\n').length === 1 && !/\n\s+at /.test(stderr);

const fullDisk = mountTmpfs('8k');
if (fullDisk) mounts.push(fullDisk);

describe('a full disk', () => {
  it.skipIf(!fullDisk)('diff --output: one line, exit code 2, no "wrote", no temporary file, no partial report (tmpfs of 8 KB)', () => {
    const out = join(fullDisk!.dir, 'report.json');
    const r = runCli(['diff', fixturePath('aws-docs-ecr.md'), fixturePath('policy-sentry-ecr.md'), '--format', 'json', '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`iamdiff: ${out}: cannot write: no space left on device (ENOSPC)\n`);
    expect(r.stderr).not.toMatch(/wrote/);
    expect(allFiles(fullDisk!.dir)).toEqual([]);
  });

  it.skipIf(!fullDisk)('snapshot: the snapshots that fit are whole, the one that does not is absent, no temporary file', () => {
    const out = join(fullDisk!.dir, 'snaps');
    const r = runCli(['snapshot', fixturePath('box-table-ecr.txt'), fixturePath('typedoc-AwsEcrActions.md'), fixturePath('policy-sentry-ecr.md'), '--service', 'ecr', '--out', out]);
    expect(r.code).toBe(2);
    expect(oneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(/: cannot write: no space left on device \(ENOSPC\)\n$/);
    const files = allFiles(out);
    expect(files.some((f) => f.includes('.tmp-'))).toBe(false);
    // what was reported written is there and reads back whole
    const wrote = r.stdout.trim().split('\n').filter(Boolean).map((l) => /^wrote (\S+)/.exec(l)![1]!);
    expect(files.map((f) => join(out, f)).sort()).toEqual(wrote.sort());
    for (const f of wrote) expect(catalogFromYaml(readFileSync(f, 'utf8'), f).service.prefix).toBe('ecr');
  });

  it('without a tmpfs too: a write that takes part of the data and then fails is an error, never a short file', () => {
    // The fallback where mounting is not allowed: a write function that behaves like a full disk.
    const target = join(work, 'short.txt');
    let calls = 0;
    const fullAfter64k = (fd: number, b: Buffer, o: number, l: number) => {
      if (calls++ > 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return Math.min(l, 65536); // the first write takes 64 KB of it, as the kernel does before the disk fills
    };
    expect(() => writeFileAtomic(target, 'x'.repeat(200_000), { write: fullAfter64k })).toThrow(WriteError);
    expect(() => writeFileAtomic(target, 'x'.repeat(200_000), { write: () => 0 })).toThrow(/no space left on device/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(work).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('writeAll loops over short writes until all is written', () => {
    const file = join(work, 'all.bin');
    const fd = openSync(file, 'w');
    const data = Buffer.from('abcdefghij'.repeat(1000));
    const pieces: number[] = [];
    writeAll(fd, data, (f, b, o, l) => {
      const n = Math.min(l, 777);
      pieces.push(n);
      return writeSync(f, b, o, n);
    });
    expect(readFileSync(file)).toEqual(data);
    expect(pieces.length).toBe(Math.ceil(data.length / 777));
  });
});

const readOnly = mountTmpfs('64k', { ro: true });
if (readOnly) mounts.push(readOnly);

describe('a read-only or forbidden directory', () => {
  it.skipIf(!readOnly)('EROFS: one line naming the file, exit code 2', () => {
    const out = join(readOnly!.dir, 'report.md');
    const r = runCli(['diff', fixturePath('aws-docs-ecr.md'), fixturePath('policy-sentry-ecr.md'), '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`iamdiff: ${out}: cannot write: read-only file system (EROFS)\n`);
    const snap = runCli(['snapshot', fixturePath('policy-sentry-ecr.md'), '--out', join(readOnly!.dir, 'snaps')]);
    expect(snap.code).toBe(2);
    expect(oneLineError(snap.stderr)).toBe(true);
    expect(snap.stderr).toMatch(/read-only file system|EROFS/);
    expect(snap.stderr).not.toMatch(/internal error/);
  });

  it.skipIf(!IS_ROOT)('EACCES: run as an unprivileged user in a directory it may not write', () => {
    const dir = join(work, 'locked');
    mkdirSync(dir);
    chmodSync(dir, 0o755); // root's: others may read, not write
    const out = join(dir, 'report.md');
    const r = spawnSync(process.execPath, [CLI, 'diff', fixturePath('aws-docs-ecr.md'), fixturePath('policy-sentry-ecr.md'), '--output', out], {
      cwd: ROOT,
      uid: 65534,
      gid: 65534,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stderr).toBe(`iamdiff: ${out}: cannot write: permission denied (EACCES)\n`);
    expect(r.status).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('snapshot paths come from documents: checked before use', () => {
  let n = 0;
  function snapshotFile(name: string, c: ReturnType<typeof catalog>): string {
    const dir = join(work, `in-${n++}`);
    mkdirSync(dir, { recursive: true });
    // written as a user could hand-edit it: any prefix string
    const text = catalogToYaml(c).replace(/"prefix":"[^"]*"/, `"prefix":${JSON.stringify(name)}`);
    const file = join(dir, 'x.yaml');
    writeFileSync(file, text);
    return file;
  }

  it('a prefix of ../.. (or any that is not an IAM prefix) is refused and nothing is written anywhere', () => {
    const out = join(work, 'out-traversal');
    mkdirSync(out);
    for (const prefix of ['../..', '..', 'a/../../b', '/etc', 'ECR', '.hidden', 'ecr\u202e']) {
      const file = snapshotFile(prefix, catalog('ecr', [action('Get')]));
      const r = runCli(['snapshot', file, '--out', out]);
      expect(r.code, prefix).toBe(2);
      expect(oneLineError(r.stderr)).toBe(true);
      expect(r.stderr).toMatch(/not match the catalog schema at service\.prefix/);
    }
    expect(readdirSync(work).filter((f) => !f.startsWith('in-') && !['out-traversal', 'short.txt', 'all.bin', 'locked'].includes(f))).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a label or date from a document becomes a plain file name under --out', () => {
    const out = join(work, 'out-label');
    const c = catalog('ecr', [action('Get')], { source: { format: 'hand-written', file: 'x', label: '../../../../tmp/evil' } });
    const file = join(work, 'label.yaml');
    writeFileSync(file, catalogToYaml({ ...c, source: { ...c.source, format: 'box-table' } }));
    const r = runCli(['snapshot', file, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(allFiles(out)).toEqual(['ecr/tmp-evil.box-table.yaml']);
  });

  it('a symbolic link planted in --out does not lead the write outside it', () => {
    const out = join(work, 'out-link');
    const elsewhere = join(work, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, 'ecr'));
    const r = runCli(['snapshot', fixturePath('policy-sentry-ecr.md'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/outside .*out-link: not written\n$/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('a killed run', () => {
  it('SIGTERM during snapshot: exit 143, no temporary file, every snapshot written is whole', async () => {
    const input = join(work, 'many');
    const out = join(work, 'out-killed');
    mkdirSync(input);
    const c = catalog('svc', Array.from({ length: 300 }, (_, i) => action(`Action${i}`, { description: 'd'.repeat(200) })));
    for (let i = 0; i < 150; i++) writeFileSync(join(input, `s${i}.yaml`), catalogToYaml({ ...c, service: { prefix: `svc${i}` } }));
    const child = spawn(process.execPath, [CLI, 'snapshot', input, '--out', out], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + 15 : null))));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('wrote ')) resolve();
      }),
    );
    child.kill('SIGTERM');
    const code = await exited;
    const files = allFiles(out);
    expect(files.filter((f) => f.includes('.tmp-'))).toEqual([]);
    for (const f of files) expect(catalogFromYaml(readFileSync(join(out, f), 'utf8'), f).actions).toHaveLength(300);
    // Either it was stopped (143) with fewer than all written, or it had already finished (0).
    expect([0, 143]).toContain(code);
    if (code === 143) expect(files.length).toBeLessThan(150);
  });

  it('the signal handler removes pending temporary files and exits with 128 + the signal number', () => {
    const proc = Object.assign(new EventEmitter(), { exit: (n: number) => void (exitCode = n) }) as unknown as NodeJS.Process;
    let exitCode: number | undefined;
    const tmp = join(work, '.pending.tmp-1');
    writeFileSync(tmp, 'half');
    trackTemp(tmp);
    installSignalCleanup(proc);
    (proc as unknown as EventEmitter).emit('SIGINT');
    expect(exitCode).toBe(130);
    expect(existsSync(tmp)).toBe(false);
    expect(pendingTemps()).toEqual([]);
  });
});
