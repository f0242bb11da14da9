import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { makeDirs, WriteError } from '../io/atomic-write.js';
import type { Catalog } from '../model/catalog.js';
import { InputError } from '../model/errors.js';
import { isServicePrefix } from '../model/service-prefix.js';

/** Format ids are the parsers' own (`aws-docs-html`); a snapshot's recorded one is checked before it names a file. */
const FORMAT_ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A version label or date as a file-name part: no separators, no leading dot (hidden files are not read back), short. */
export function safeVersionName(version: string): string {
  return version.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 100) || 'undated';
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * `<prefix>/<date-or-label>.<format>.yaml` under `outDir`, the date cut to its day. The
 * prefix and format come from documents: both are checked (`^[a-z0-9][a-z0-9-]*$`) before
 * they name a directory or file, and the path is checked to stay under `outDir`.
 */
export function snapshotPath(outDir: string, catalog: Catalog): string {
  const { prefix } = catalog.service;
  if (!isServicePrefix(prefix)) throw new InputError(catalog.source.file, `service prefix "${prefix.slice(0, 80)}" is not an IAM service prefix (lower-case letters, digits and -): not written`);
  const format = catalog.source.format;
  if (!FORMAT_ID_RE.test(format)) throw new InputError(catalog.source.file, `format "${format.slice(0, 80)}" is not a format id: not written`);
  const version = catalog.source.date?.slice(0, 10) ?? catalog.source.label ?? 'undated';
  const path = join(outDir, prefix, `${safeVersionName(version)}.${format}.yaml`);
  if (!isInside(resolve(outDir), resolve(path))) throw new InputError(catalog.source.file, `would be written outside ${outDir}: not written`);
  return path;
}

/**
 * Create the snapshot's directory and check, with symbolic links resolved, that it is
 * still under `outDir` (a link planted in the output directory does not lead writes elsewhere).
 */
export function prepareSnapshotDir(outDir: string, path: string): void {
  const dir = resolve(path, '..');
  makeDirs(dir);
  const realOut = realpathSync(outDir);
  const realDir = realpathSync(dir);
  if (realDir !== realOut && !isInside(realOut, realDir)) throw new WriteError(path, `its directory resolves to ${realDir}, outside ${outDir}: not written`);
}
