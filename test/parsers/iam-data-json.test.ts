import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, beforeEach } from 'vitest';
import { iamDataJson } from '../../parsers/iam-data-json.js';
import { ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

// Two published versions installed as dev dependencies under aliases (package.json).
const OLD = join(ROOT, 'node_modules', 'iam-data-2025-02-13', 'data');
const NEW = join(ROOT, 'node_modules', 'iam-data-2026-08-25', 'data');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('iam-data-json', () => {
  // parsed afresh in each test (not once when the file loads): mutation testing sees each test read it
  let ecrOld!: ReturnType<typeof iamDataJson.parseDirectory>[number];
  let ecrNew!: ReturnType<typeof iamDataJson.parseDirectory>;
  beforeEach(() => {
    ecrOld = iamDataJson.parseDirectory(OLD, { service: 'ecr' })[0]!;
    ecrNew = iamDataJson.parseDirectory(NEW, { service: 'ecr' });
  });

  it('is detected from the directory layout and reads every service', () => {
    const old = iamDataJson.parseDirectory(OLD, {});
    expect(old.find((c) => c.service.prefix === 'ecr')).toEqual(ecrOld);
    expect(iamDataJson.detectDirectory(OLD)).toBe(true);
    expect(iamDataJson.detectDirectory(join(ROOT, 'snapshots'))).toBe(false);
    expect(old.length).toBeGreaterThan(400);
    expect(old.reduce((n, c) => n + c.actions.length, 0)).toBe(18260);
  });

  it('dates the version from the package and names the service', () => {
    expect(ecrOld.source.date?.slice(0, 10)).toBe('2025-02-13');
    expect(ecrNew[0]!.source.date?.slice(0, 10)).toBe('2026-08-25');
    expect(ecrOld.service).toEqual({ prefix: 'ecr', name: 'Amazon Elastic Container Registry' });
  });

  it('reads actions, resource types with ARN patterns, and condition keys', () => {
    expect(ecrOld.actions).toHaveLength(51);
    expect(ecrNew[0]!.actions).toHaveLength(60);
    expect(ecrOld.actions.find((a) => a.name === 'DescribeImages')).toMatchObject({ accessLevel: 'List', resourceTypes: [{ name: 'repository', required: true }] });
    expect(ecrNew[0]!.resourceTypes).toEqual([
      { name: 'repository', arnPattern: 'arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}', conditionKeys: ['aws:ResourceTag/${TagKey}', 'ecr:ResourceTag/${TagKey}'] },
    ]);
  });

  it('carries dependent actions where the version has them (0.9), and not where every list is empty (0.21)', () => {
    expect(ecrOld.carries).toContain('dependentActions');
    expect(ecrOld.actions.find((a) => a.name === 'CreatePullThroughCacheRule')!.dependentActions).toEqual(['iam:CreateServiceLinkedRole']);
    expect(ecrNew[0]!.carries).not.toContain('dependentActions');
    expect(ecrNew[0]!.actions.every((a) => a.dependentActions === undefined)).toBe(true);
    const r = runCli(['diff', OLD, NEW, '--service', 'ecr', '--only', 'dependent-action-removed']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('not compared: dependent actions — iam-data-json does not carry it');
    expect(r.stdout).toContain('Summary: no changes');
  });

  it('an unknown access level names the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamdiff-iamdata-'));
    dirs.push(dir);
    cpSync(join(OLD, 'serviceNames.json'), join(dir, 'serviceNames.json'));
    cpSync(join(OLD, 'actions'), join(dir, 'actions'), { recursive: true });
    writeFileSync(join(dir, 'actions', 'ecr.json'), JSON.stringify({ x: { name: 'X', accessLevel: 'Admin', resourceTypes: [] } }));
    const r = runCli(['parse', dir, '--service', 'ecr']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/actions\/ecr\.json.*Admin/);
  });
});
