/**
 * The nine input formats as fuzz targets. Each `run` takes a document's text and goes
 * the way a real input goes (bytes → decodeText → detection by every parser → the
 * format's parser → schema check), then holds the catalog to what the rest of iamdiff
 * promises: `iamdiff snapshot` can write it and read it back, and diffing it against the
 * seed renders text and JSON reports with no control, escape, bidi or zero-width character.
 * Allowed outcomes: a catalog, or the project's InputError. Anything else is thrown.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARSERS } from '../../../parsers/index.js';
import { iamDataJson } from '../../../parsers/iam-data-json.js';
import { diffCatalogs } from '../../../src/diff/diff-catalogs.js';
import { decodeText } from '../../../src/io/decode-text.js';
import { notACatalog, parseCheckedDirectory, parseText } from '../../../src/io/read-input.js';
import type { Catalog } from '../../../src/model/catalog.js';
import { InputError } from '../../../src/model/errors.js';
import { renderJson } from '../../../src/output/structured-report.js';
import { renderMarkdown } from '../../../src/output/markdown-report.js';
import { renderText } from '../../../src/output/text-report.js';
import { checkPolicies } from '../../../src/policy/check-policies.js';
import { expandPattern } from '../../../src/policy/expand-patterns.js';
import { withPolicyImpact } from '../../../src/policy/policy-impact.js';
import { policyDocumentGrants } from '../../../src/policy/policy-source.js';
import { catalogFromYaml, catalogToYaml } from '../../../src/snapshot/snapshot-yaml.js';

/** The repository root, from the sources (test/fuzz/lib) or the build (dist/test/fuzz/lib). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++, dir = resolve(dir, '..')) {
    try {
      if (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === 'iamdiff') return dir;
    } catch {
      /* keep going up */
    }
  }
  throw new Error('cannot find the iamdiff repository root');
}

export const ROOT = findRoot();
export const FIXTURES = join(ROOT, 'test', 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

export type Outcome = 'catalog' | 'input-error';

/**
 * Time of the last run's reading alone (decode, detection, parse, schema check; for policies
 * also check and expand), apart from the snapshot round trip, diff and reports that follow.
 */
export const timing = { readMs: 0 };

export interface FuzzTarget {
  id: string;
  /** Documents to mutate. */
  seeds: string[];
  /** Syntax of the format, spliced in by the mutations. */
  tokens: string[];
  /** `seedIndex`: which seed the text was made from (iam-data: which file of the layout it replaces). */
  run(text: string, seedIndex?: number): Outcome;
}

/** Why an output is not safe to print: a raw control, escape, bidi or zero-width character (the colour codes of the project aside). */
export function unsafeOutput(out: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const m = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]/u.exec(out);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${m.index}` : undefined;
}

/** The InputError was thrown for this document and says where (file and line). */
function locatedInputError(e: unknown, file: string): boolean {
  return e instanceof InputError && e.file.startsWith(file) && typeof e.line === 'number' && e.line >= 1;
}

export class FuzzFailure extends Error {
  override name = 'FuzzFailure';
}

/** What every catalog must allow: a snapshot round trip, a diff against the seed, safe reports. */
function holdCatalog(c: Catalog, seed: Catalog | undefined): void {
  const yaml = catalogToYaml(c);
  const bad = unsafeOutput(yaml.replace(/\n/g, ''));
  if (bad) throw new FuzzFailure(`snapshot text holds an unsafe character: ${bad}`);
  try {
    catalogFromYaml(yaml, 'round-trip.yaml');
  } catch (e) {
    throw new FuzzFailure(`iamdiff would write a snapshot it then rejects: ${(e as Error).message}`);
  }
  if (!seed) return;
  const result = diffCatalogs('seed', [seed], 'fuzzed', [c]);
  for (const out of [renderText(result, { color: false }), renderJson(result), renderMarkdown(result)]) {
    const unsafe = unsafeOutput(out.replace(/\n/g, ''));
    if (unsafe) throw new FuzzFailure(`report holds an unsafe character: ${unsafe}`);
  }
}

/** A text format: the given parser forced (so mutants reach deep), every detector run first. */
function textTarget(id: string, seedFiles: string[], tokens: string[], service?: string): FuzzTarget {
  const file = `fuzz-${id}.txt`;
  const seeds = seedFiles.map(fixture);
  let seedCatalog: Catalog | undefined;
  const target: FuzzTarget = {
    id,
    seeds,
    tokens,
    run(text) {
      seedCatalog ??= parseText(seeds[0]!, 'seed', { format: id, service });
      let catalog: Catalog;
      const t0 = performance.now();
      try {
        const decoded = decodeText(Buffer.from(text, 'utf8'), file);
        for (const p of PARSERS) p.detect(decoded);
        notACatalog(decoded);
        catalog = parseText(decoded, file, { format: id, service });
        timing.readMs = performance.now() - t0;
      } catch (e) {
        timing.readMs = performance.now() - t0;
        if (locatedInputError(e, file)) return 'input-error';
        if (e instanceof InputError) throw new FuzzFailure(`InputError without a line: ${e.message.slice(0, 300)}`);
        throw e;
      }
      holdCatalog(catalog, seedCatalog);
      return 'catalog';
    },
  };
  return target;
}

/** iam-data: the mutant replaces one file of the package's layout in a scratch directory. */
function iamDataTarget(): FuzzTarget {
  const base = join(FIXTURES, 'fuzz-seeds', 'iam-data');
  const files = ['actions/ecr.json', 'resourceTypes/ecr.json', 'conditionKeys/ecr.json', 'serviceNames.json'];
  const originals = files.map((f) => readFileSync(join(base, f), 'utf8'));
  let scratch: string | undefined;
  let n = 0;
  let seedCatalog: Catalog | undefined;
  return {
    id: 'iam-data-json',
    // The seed index says which file a mutant replaces: actions (twice as often), resource types, condition keys, names.
    seeds: [originals[0]!, originals[0]!, originals[1]!, originals[2]!, originals[3]!],
    tokens: ['{', '}', '[', ']', '"', ':', ',', 'null', 'true', '0', '-1e999', '"name"', '"accessLevel"', '"resourceTypes"', '"conditionKeys"', '"key"', '"\\u0000"', '"\\u202e"', '[[[[[[[[', '{"a":{"a":'],
    run(text, seedIndex = 0) {
      if (!scratch) {
        scratch = mkdtempSync(join(tmpdir(), 'iamdiff-fuzz-iam-data-'));
        process.once('exit', () => rmSync(scratch!, { recursive: true, force: true }));
      }
      const which = [0, 0, 1, 2, 3][seedIndex] ?? 0; // the file this seed is
      const dir = join(scratch, String(n++ % 4));
      for (const [i, f] of files.entries()) {
        mkdirSync(dirname(join(dir, f)), { recursive: true });
        writeFileSync(join(dir, f), i === which ? text : originals[i]!);
      }
      seedCatalog ??= parseCheckedDirectory(iamDataJson, base).find((c) => c.service.prefix === 'ecr');
      let catalogs: Catalog[];
      const t0 = performance.now();
      try {
        catalogs = parseCheckedDirectory(iamDataJson, dir);
        timing.readMs = performance.now() - t0;
      } catch (e) {
        timing.readMs = performance.now() - t0;
        if (e instanceof InputError && e.file.startsWith(dir)) return 'input-error';
        throw e;
      }
      for (const c of catalogs) holdCatalog(c, seedCatalog);
      return 'catalog';
    },
  };
}

/** IAM policy documents: loaded, checked against the seed catalog, expanded, joined with a diff. */
function policyTarget(): FuzzTarget {
  const file = 'fuzz-policy.json';
  let catalog: Catalog | undefined;
  let other: Catalog | undefined;
  return {
    id: 'policy-json',
    seeds: [fixture('fuzz-seeds/policy.json')],
    tokens: ['{', '}', '[', ']', '"', ',', ':', '"Statement"', '"Effect"', '"Allow"', '"Deny"', '"Action"', '"NotAction"', '"ecr:*"', '"*"', '"ecr:***********Z"', '"?"', '"Sid"', 'null', '[[[[[[[[', '"\\u001b[2J"'],
    run(text) {
      catalog ??= parseText(fixture('policy-sentry-ecr.md'), 'seed', { format: 'policy-sentry-md' });
      other ??= parseText(fixture('aws-docs-ecr.md'), 'seed2', { format: 'aws-docs-md' });
      let grants;
      const t0 = performance.now();
      try {
        grants = policyDocumentGrants(decodeText(Buffer.from(text, 'utf8'), file), file);
      } catch (e) {
        timing.readMs = performance.now() - t0;
        if (locatedInputError(e, file)) return 'input-error';
        if (e instanceof InputError) throw new FuzzFailure(`InputError without a line: ${e.message.slice(0, 300)}`);
        throw e;
      }
      checkPolicies(grants, [catalog]);
      for (const p of grants.flatMap((g) => g.patterns).slice(0, 50)) expandPattern(p, [catalog]);
      timing.readMs = performance.now() - t0;
      const result = withPolicyImpact(diffCatalogs('a', [catalog], 'b', [other]), grants);
      const unsafe = unsafeOutput(renderText(result, { color: false }).replace(/\n/g, ''));
      if (unsafe) throw new FuzzFailure(`report holds an unsafe character: ${unsafe}`);
      return 'catalog';
    },
  };
}

const COMMON = ['\n', '\r', '\r\n', '\t', ' ', '\\', '`', '*', '…', '\u202e', '\u200b', '\u001b[2J', '\u001b]0;x\u0007', '\u009b', '\ufeff', '&amp;', '&#0;', '\u{e0041}', 'é', '\ud800'];

/** Every format of the issue, by id. */
export function fuzzTargets(): FuzzTarget[] {
  return [
    textTarget('policy-sentry-md', ['policy-sentry-ecr.md'], [...COMMON, '---\n', '- prefix: ', '- access level: ', '- description: ', '### ', '## Privileges\n', '```json\n', '```\n', '{', '}', '"required": ', '"condition_keys": [', 'title: &a [*a, *a]\n']),
    textTarget('aws-docs-md', ['aws-docs-ecr.md'], [...COMMON, '|', '\\|', '| --- |', '[', '](', ')', '[ X ](http://x)', '## Actions', '## Resource types', '## Condition keys', 'service prefix: `', '`', '#', '<a name=', '[permission only]']),
    textTarget('aws-docs-html', ['html/ec2instanceconnect-2026-06-14.html'], [...COMMON, '<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<th>', '</th>', '<td rowspan="3">', '<p>', '</p>', '<a href="x">', '<h1>', '</h1>', '<div>', '<code class="code">', 'service prefix: ', '<!--', '-->', '<![CDATA[', '</html>']),
    textTarget('box-table', ['box-table-ecr.txt'], [...COMMON, '┃', '│', '┏', '┡', '├', '└', '━', '─', '┼', '┳', 'Last updated: ', '…'], 'ecr'),
    textTarget('typedoc-enum', ['typedoc-AwsEcrActions.md'], [...COMMON, '• **', '** = ``"', '"``', '### ', '## Enumeration members', '## Table of contents', '#### Defined in', 'See https://x', '# Enumeration: ', 'All IAM policy actions for ', 'Extracted by ', '(', ')']),
    textTarget('managed-policies-md', ['managed-policies-ecr.md'], [...COMMON, '|', '| --- |', '## Allowed Actions', '## Attached', '# Service: ', 'arn:aws:iam::aws:policy/X', '`', '[', '](', ')', 'ecr:*', '*', '?']),
    textTarget('snapshot', ['fuzz-seeds/ecr.aws-docs-md.yaml', 'fuzz-seeds/ecr-block.snapshot.yaml'], [...COMMON, 'iamdiff: snapshot/1\n', '&a ', '*a', '[', ']', '{', '}', '- ', ': ', '"', "'", '!!binary ', '<<: *a\n', '? ', '|\n', '>\n', '%YAML 1.2\n---\n']),
    iamDataTarget(),
    policyTarget(),
  ];
}
