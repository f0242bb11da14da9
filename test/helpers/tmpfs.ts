import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small tmpfs (root only, where mounting is allowed), for full-disk and read-only tests. */
export interface Tmpfs {
  dir: string;
  unmount(): void;
}

export const IS_ROOT = process.getuid?.() === 0;

/** Mounts a tmpfs of `size` (e.g. `64k`), read-only with `ro`; undefined where the machine does not allow it. */
export function mountTmpfs(size: string, { ro = false } = {}): Tmpfs | undefined {
  if (!IS_ROOT || process.platform !== 'linux') return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'iamdiff-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${ro ? ',ro' : ''}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    unmount() {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
