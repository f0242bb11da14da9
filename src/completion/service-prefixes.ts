import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename } from 'node:path';

const PREFIX = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The service prefixes of the snapshot directories among `words` (the command line being
 * completed): a directory of services (`snapshots/` with `ecr/`, `s3/`…) gives its subdirectories
 * that hold snapshots, a directory of one service's snapshots (`snapshots/ecr`) its own name.
 */
export function servicePrefixes(words: readonly string[]): string[] {
  const found = new Set<string>();
  for (const w of words) {
    if (!w || w.startsWith('-') || !existsSync(w)) continue;
    let entries: string[];
    try {
      if (!statSync(w).isDirectory()) continue;
      entries = readdirSync(w);
    } catch {
      continue;
    }
    if (entries.some((e) => e.endsWith('.yaml')) && PREFIX.test(basename(w))) found.add(basename(w));
    for (const e of entries) {
      if (!PREFIX.test(e)) continue;
      try {
        const sub = `${w}/${e}`;
        if (statSync(sub).isDirectory() && readdirSync(sub).some((f) => f.endsWith('.yaml'))) found.add(e);
      } catch {
        /* unreadable: not proposed */
      }
    }
  }
  return [...found].sort();
}
