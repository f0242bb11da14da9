import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const SNAP = (name: string) => join('snapshots', 'ecr', name);
const PS = SNAP('policy-sentry-ecr.policy-sentry-md.yaml');
const BOX = SNAP('2022-11-10.box-table.yaml');
const TYPEDOC = SNAP('2024-02-12.typedoc-enum.yaml');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('iamdiff log', () => {
  it('orders versions by stated date whatever the order given, undated first', () => {
    const r = runCli(['log', TYPEDOC, BOX, PS]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '3 versions, oldest first (undated versions first, in the order given):',
      '  policy-sentry-ecr (policy-sentry-md)',
      '  2022-11-10 (box-table)',
      '  2024-02-12 (typedoc-enum)',
    ]);
    const pairs = lines.filter((l) => l.startsWith('=== '));
    expect(pairs).toEqual(['=== policy-sentry-ecr (policy-sentry-md) → 2022-11-10 (box-table) ===', '=== 2022-11-10 (box-table) → 2024-02-12 (typedoc-enum) ===']);
    // The first pair is the same diff `iamdiff diff` reports.
    expect(r.stdout).toContain('ecr:DescribeImages  Read → List');
  });

  it('--action gives one action\'s history: appeared, access-level change, and "unknown" where a source cannot tell', () => {
    const r = runCli(['log', PS, BOX, TYPEDOC, '--action', 'ecr:describeimages']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'ecr:DescribeImages: history across 3 versions',
      '  policy-sentry-ecr (policy-sentry-md) appeared (Read)',
      '  2022-11-10 (box-table)               access level Read → List',
      '  2024-02-12 (typedoc-enum)            present; access level not carried by this source',
    ]);
  });

  it('--action on two dated iam-data versions says when an action appeared', () => {
    const r = runCli(['log', 'node_modules/iam-data-2026-08-25/data', 'node_modules/iam-data-2025-02-13/data', '--action', 'ecr:getimagecopystatus']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'ecr:GetImageCopyStatus: history across 2 versions',
      '  node_modules/iam-data-2025-02-13/data (2025-02-13) not present',
      '  node_modules/iam-data-2026-08-25/data (2026-08-25) appeared (Read)',
    ]);
  });

  it('a directory of one service\'s snapshots is one version per file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamdiff-log-'));
    dirs.push(dir);
    for (const f of [BOX, TYPEDOC]) copyFileSync(f, join(dir, f.split('/').at(-1)!));
    const r = runCli(['log', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const pairs = JSON.parse(r.stdout) as { from: string; to: string; notCompared: { field: string }[] }[];
    expect(pairs.map((p) => [p.from, p.to])).toEqual([['2022-11-10 (box-table)', '2024-02-12 (typedoc-enum)']]);
    expect(pairs[0]!.notCompared.map((n) => n.field)).toContain('accessLevel');
  });

  it('diff refuses a directory of one service\'s versions and points to log', () => {
    const r = runCli(['diff', 'snapshots/ecr', 'snapshots/ecr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^iamdiff: snapshots\/ecr: holds two catalogs of service ecr \(.*\): cannot tell which to compare; for versions of one service use iamdiff log\n$/);
  });

  it('needs at least one version, and a known action format', () => {
    expect(runCli(['log']).code).toBe(2);
    const r = runCli(['log', PS, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format must be one of text, markdown, json, yaml/);
  });
});
