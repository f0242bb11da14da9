import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogToYaml } from '../../src/snapshot/snapshot-yaml.js';
import { action, catalog } from '../helpers/catalog-builder.js';
import { HAS_CORPUS, NO_CORPUS, corpusDir } from '../helpers/corpus.js';
import { fixturePath } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const root = mkdtempSync(join(tmpdir(), 'iamdiff-history-'));
dirs.push(root);

/** A directory of snapshots (one per service) standing for one whole-catalog version. */
function version(name: string, services: Record<string, Parameters<typeof action>[]>): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const [prefix, actions] of Object.entries(services)) {
    const c = catalog(prefix, actions.map((a) => action(...a)), { source: { format: 'hand-written', file: `${prefix}.yaml`, date: name } });
    writeFileSync(join(dir, `${prefix}.yaml`), catalogToYaml(c));
  }
  return dir;
}

const V1 = version('2024-01-01', { ecr: [['DescribeImages', { accessLevel: 'Read' }]], s3: [['GetObject']] });
const V2 = version('2024-06-01', { ecr: [['DescribeImages', { accessLevel: 'List' }]], s3: [['GetObject'], ['PutObject', { accessLevel: 'Write' }]] });

describe('log --service', () => {
  it('limits the history to that service', () => {
    const r = runCli(['log', V1, V2, '--service', 'ecr', '--format', 'json']);
    expect(r.code).toBe(0);
    const [step] = JSON.parse(r.stdout) as { changes: { service: string; kind: string }[] }[];
    expect(step!.changes.map((c) => [c.service, c.kind])).toEqual([['ecr', 'access-level-changed']]);
    const all = JSON.parse(runCli(['log', V1, V2, '--format', 'json']).stdout) as { changes: { service: string }[] }[];
    expect(all[0]!.changes.map((c) => c.service)).toEqual(['ecr', 's3']);
  });

  it('a prefix in no version is an error naming close ones, in log and in diff (a CI gate must not pass on a typo)', () => {
    const log = runCli(['log', V1, V2, '--service', 'ecs']);
    expect(log.code).toBe(2);
    expect(log.stderr).toMatch(/^iamdiff: --service ecs: no such service in .* \(close: ecr\)/);
    const diff = runCli(['diff', V1, V2, '--service', 's33', '--fail-on', 'low']);
    expect(diff.code).toBe(2);
    expect(diff.stdout).toBe('');
    expect(diff.stderr).toMatch(/--service s33: no such service in .* \(close: s3\)/);
  });
});

describe('log --action', () => {
  it('an action no version has is an error naming close actions; an unknown service names close services', () => {
    const r = runCli(['log', V1, V2, '--action', 'ecr:DescribeImage']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--action ecr:DescribeImage: no version has this action \(close: ecr:DescribeImages\)/);
    const s = runCli(['log', V1, V2, '--action', 'ec:DescribeImages']);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/no version has service ec \(close: ecr\)/);
  });

  it('--only with a kind that does not exist is an error, never an empty pass', () => {
    const r = runCli(['diff', V1, V2, '--only', 'access-level-chnged', '--exit-code']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--only: unknown change kind or rule "access-level-chnged" \(did you mean access-level-changed/);
  });
});

describe('a managed-policy page is not a catalog version', () => {
  it('log snapshots/ecr/ leaves it out with a note: no actions "removed" and "reappeared"', () => {
    const r = runCli(['log', 'snapshots/ecr/', '--action', 'ecr:DescribeImages']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: skipped managed-policies-ecr (managed-policies-md): a managed-policy page is not a catalog version');
    expect(r.stdout).not.toMatch(/removed|reappeared|unknown/);
    expect(r.stdout.split('\n')[0]).toBe('ecr:DescribeImages: history across 4 versions');
  });
});

describe('directories of pages named by a date', () => {
  it('are dated by the name, so log orders them whatever order they are given in', () => {
    const older = join(root, 'pages', '2025-06-01');
    const newer = join(root, 'pages', '2026-06-14');
    mkdirSync(older, { recursive: true });
    mkdirSync(newer, { recursive: true });
    writeFileSync(join(older, 'list_amazonelasticcontainerregistry.html'), readFileSync(fixturePath('html/ecr-2025-06-01.html')));
    writeFileSync(join(newer, 'list_amazonelasticcontainerregistry.html'), readFileSync(fixturePath('html/ecr-2026-06-14.html')));
    const r = runCli(['log', newer, older, '--action', 'ecr:GetSigningConfiguration']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'ecr:GetSigningConfiguration: history across 2 versions',
      '  2025-06-01 (aws-docs-html)           not present',
      '  2026-06-14 (aws-docs-html)           appeared (Read)',
    ]);
  });
});

describe.skipIf(!HAS_CORPUS)(`log across publishers (${HAS_CORPUS ? 'corpus present' : NO_CORPUS})`, () => {
  it('HTML 2025, HTML 2026 and iam-data 2025, 2026 in date order: appstream:DescribeFleets goes Read → List once, not back and forth', () => {
    const r = runCli(['log', corpusDir('sar-html', '2025-06-01'), corpusDir('sar-html', '2026-06-14'), 'node_modules/iam-data-2025-02-13/data', 'node_modules/iam-data-2026-08-25/data', '--action', 'appstream:DescribeFleets']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').map((l) => l.replace(/ +/g, ' ').replace(/\S*sar-html\//, 'sar-html/'))).toEqual([
      'appstream:DescribeFleets: history across 4 versions',
      ' node_modules/iam-data-2025-02-13/data (2025-02-13) appeared (Read)',
      ' sar-html/2025-06-01 (2025-06-01) present (Read)',
      ' sar-html/2026-06-14 (2026-06-14) access level Read → List',
      ' node_modules/iam-data-2026-08-25/data (2026-08-25) present (List)',
    ]);
  }, 60_000);
});
if (!HAS_CORPUS) console.warn(NO_CORPUS);
