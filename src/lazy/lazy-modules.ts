import { createRequire } from 'node:module';

/**
 * Libraries most runs never touch, loaded on first use: `yaml` (16 ms to import) is
 * needed only for YAML output, Policy Sentry front matter and hand-edited snapshots;
 * `diff` only when a description changed; `jsonc-parser` only for JSON input. A snapshot diff starts that much sooner.
 */
const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
let diffModule: typeof import('diff/lib/diff/word.js') | undefined;
let jsoncModule: typeof import('jsonc-parser') | undefined;
let streamParserModule: typeof import('@streamparser/json') | undefined;

export function yamlLib(): typeof import('yaml') {
  return (yamlModule ??= require('yaml') as typeof import('yaml'));
}

/** The word diff of the `diff` package, alone (its index loads 19 modules). */
export function diffLib(): typeof import('diff/lib/diff/word.js') {
  return (diffModule ??= require('diff/lib/diff/word.js') as typeof import('diff/lib/diff/word.js'));
}

/** jsonc-parser: only JSON inputs (policies, JSON catalogs) need it, and only to locate what is wrong in them. */
export function jsoncLib(): typeof import('jsonc-parser') {
  return (jsoncModule ??= require('jsonc-parser') as typeof import('jsonc-parser'));
}

/** @streamparser/json (its CommonJS build, so it loads when first needed): only whole-catalog JSON files stream through it. */
export function streamParserLib(): typeof import('@streamparser/json') {
  return (streamParserModule ??= require('@streamparser/json') as typeof import('@streamparser/json'));
}
