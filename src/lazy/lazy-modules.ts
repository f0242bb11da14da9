import { createRequire } from 'node:module';

/**
 * Libraries most runs never touch, loaded on first use: `yaml` (16 ms to import) is
 * needed only for YAML output, Policy Sentry front matter and hand-edited snapshots;
 * `diff` only when a description changed. A snapshot diff starts that much sooner.
 */
const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
let diffModule: typeof import('diff') | undefined;

export function yamlLib(): typeof import('yaml') {
  return (yamlModule ??= require('yaml') as typeof import('yaml'));
}

export function diffLib(): typeof import('diff') {
  return (diffModule ??= require('diff') as typeof import('diff'));
}
