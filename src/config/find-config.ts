import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { lilconfigSync } from 'lilconfig';
import { UsageError } from '../cli/usage-error.js';

/** Where iamdiff looks for its config, in each directory from the working directory up. */
export const CONFIG_NAMES = ['.iamdiff.yaml', '.iamdiff.yml'];

/** The config file in force: `--config FILE`, else the nearest `.iamdiff.yaml` from `cwd` up (lilconfig); undefined when none. */
export function findConfigFile(explicit: string | undefined, cwd: string): string | undefined {
  if (explicit !== undefined) {
    if (!existsSync(explicit)) throw new UsageError(`--config ${explicit}: no such file`);
    if (!statSync(explicit).isFile()) throw new UsageError(`--config ${explicit}: not a file`);
    return resolve(explicit);
  }
  const found = lilconfigSync('iamdiff', { searchPlaces: CONFIG_NAMES, ignoreEmptySearchPlaces: false, stopDir: '/', loaders: { '.yaml': () => null, '.yml': () => null } }).search(cwd);
  return found?.filepath;
}

