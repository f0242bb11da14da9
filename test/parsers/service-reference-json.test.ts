import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectParser } from '../../parsers/index.js';
import { deriveAccessLevel, parseServiceReference, serviceReferenceJson } from '../../parsers/service-reference-json.js';
import { loadCatalogs } from '../../src/io/read-input.js';
import { catalogFromYaml, catalogToYaml } from '../../src/snapshot/snapshot-yaml.js';
import { fixture, fixturePath } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const OLD = fixturePath('service-reference/2025-07-08');
const NEW = fixturePath('service-reference/2025-09-10');
// Parsed inside each test that reads them (not once at load): mutation testing sees which test reads what.
const ecrNewOf = () => parseServiceReference(fixture('service-reference/2025-09-10/ecr.json'), 'ecr.json');
const ecrOldOf = () => parseServiceReference(fixture('service-reference/2025-07-08/ecr.json'), 'ecr.json');
const act = (name: string) => ecrNewOf().actions.find((a) => a.name === name)!;

const tmp = mkdtempSync(join(tmpdir(), 'iamdiff-sr-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('service-reference-json on real files (ecr, ebs, mpa of 2025-07-08 and 2025-09-10)', () => {
  it('is detected from content, and other JSON is not taken for it', () => {
    expect(detectParser(fixture('service-reference/2025-09-10/ecr.json'))?.id).toBe('service-reference-json');
    expect(detectParser(fixture('service-reference/2025-09-10/index.json'))).toBeUndefined();
    expect(detectParser('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecr:*"}]}')).toBeUndefined();
  });

  it('derives one access level from overlapping flags and keeps the flags: TagResource is Tagging while IsWrite is also true', () => {
    expect(act('TagResource')).toMatchObject({ accessLevel: 'Tagging', accessFlags: ['IsTaggingOnly', 'IsWrite'] });
    expect(act('PutRegistryPolicy')).toMatchObject({ accessLevel: 'Permissions management', accessFlags: ['IsPermissionManagement', 'IsWrite'] });
    expect(act('DescribeImages')).toMatchObject({ accessLevel: 'List', accessFlags: ['IsList'] });
    expect(act('BatchGetImage')).toMatchObject({ accessLevel: 'Read', accessFlags: [] });
    expect(deriveAccessLevel({ IsList: true, IsWrite: true })).toBe('Write');
  });

  it('reads resource types without a required flag, condition keys of actions, ARN formats and key types', () => {
    expect(act('CreateRepository')).toMatchObject({ resourceTypes: [{ name: 'repository', conditionKeys: [] }], conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'] });
    expect(act('CreateRepository').resourceTypes![0]).not.toHaveProperty('required');
    expect(ecrNewOf().resourceTypes).toEqual([
      {
        name: 'repository',
        arnPattern: 'arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}',
        arnFormats: ['arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}'],
        conditionKeys: ['aws:ResourceTag/${TagKey}', 'ecr:ResourceTag/${TagKey}'],
      },
    ]);
    expect(ecrNewOf().conditionKeys?.find((k) => k.name === 'aws:TagKeys')).toEqual({ name: 'aws:TagKeys', type: 'ArrayOfString' });
  });

  it('carries exactly what it has: SupportedBy from schema v1.3 on, never descriptions, required flags or dependent actions', () => {
    expect(ecrNewOf().source).toMatchObject({ format: 'service-reference-json', formatVersion: 'v1.3' });
    expect(ecrNewOf().carries).toContain('supportedBy');
    expect(ecrOldOf().carries).not.toContain('supportedBy');
    for (const field of ['description', 'dependentActions', 'resourceRequired', 'documentationUrl', 'operations'] as const) expect(ecrNewOf().carries).not.toContain(field);
    expect(act('BatchImportUpstreamImage').supportedBy).toEqual(['IAM Access Analyzer Policy Generation']);
    expect(act('DescribeImages').supportedBy).toEqual(['IAM Access Analyzer Policy Generation', 'IAM Action Last Accessed']);
    expect(ecrOldOf().actions.every((a) => a.supportedBy === undefined && a.description === undefined)).toBe(true);
  });

  it('reads Operations where a service publishes them, and several ARN formats and types', () => {
    const doc = JSON.parse(fixture('service-reference/2025-09-10/ecr.json')) as Record<string, unknown>;
    doc.Operations = [{ Name: 'PutImage', AuthorizedActions: [{ Name: 'PutImage', Service: 'ecr' }, { Name: 'Decrypt', Service: 'kms' }], SDK: [{ Name: 'ecr', Method: 'put_image', Package: 'Boto3' }] }];
    (doc.Resources as { ARNFormats: string[] }[])[0]!.ARNFormats.push('arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}/x');
    (doc.ConditionKeys as { Types: string[] }[])[0]!.Types = ['String', 'ArrayOfString'];
    const c = parseServiceReference(JSON.stringify(doc), 'ecr.json');
    expect(c.carries).toContain('operations');
    expect(c.operations).toEqual([{ name: 'PutImage', actions: ['ecr:PutImage', 'kms:Decrypt'] }]);
    expect(c.resourceTypes![0]!.arnFormats).toHaveLength(2);
    expect(c.resourceTypes![0]!.arnPattern).toBe('arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}');
    expect(c.conditionKeys![0]!.type).toBe('ArrayOfString, String');
    // A snapshot keeps every one of these facts, and what the source did not carry.
    const back = catalogFromYaml(catalogToYaml(c), 'ecr.yaml');
    expect(back).toEqual(c);
    expect(back.carries).not.toContain('resourceRequired');
  });

  it('a directory is one version labelled by its date; the index beside the service files is skipped with a note', () => {
    const skipped: string[] = [];
    const catalogs = loadCatalogs(NEW, { skipped });
    expect(catalogs.map((c) => c.service.prefix)).toEqual(['bcm-recommended-actions', 'ebs', 'ecr', 'freetier', 'mpa', 'ssm-sap']);
    expect(new Set(catalogs.map((c) => c.source.date))).toEqual(new Set(['2025-09-10']));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(/index\.json.*Service Reference index \(6 services\), not a catalog/);
  });

  it('the index names the services it lists that have no file beside it', () => {
    const dir = join(tmp, 'partial');
    mkdirSync(dir);
    writeFileSync(join(dir, 'ecr.json'), fixture('service-reference/2025-09-10/ecr.json'));
    writeFileSync(join(dir, 'index.json'), fixture('service-reference/2025-09-10/index.json'));
    const skipped: string[] = [];
    expect(loadCatalogs(dir, { skipped }).map((c) => c.service.prefix)).toEqual(['ecr']);
    expect(skipped[0]).toContain('(6 services; 5 without a file beside it: bcm-recommended-actions, ebs, freetier, mpa, ssm-sap)');
  });

  it('bad input: one line naming the file and the line or the JSON path, exit code 2', () => {
    const given = runCli(['parse', join(NEW, 'index.json')]);
    expect(given.code).toBe(2);
    expect(given.stderr).toMatch(/index\.json:1: AWS's Service Reference index \(6 services\), not a catalog/);
    const text = fixture('service-reference/2025-09-10/ebs.json').replace('"IsWrite": false', '"IsWrite": fals');
    const broken = write('broken.json', text);
    const r1 = runCli(['parse', broken]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain(`broken.json:${text.slice(0, text.indexOf('fals\n')).split('\n').length}: not valid JSON`);
    const shape = write('shape.json', fixture('service-reference/2025-09-10/ebs.json').replace('"Name": "CompleteSnapshot"', '"Name": 42'));
    const r2 = runCli(['parse', shape, '--format', 'service-reference-json']);
    expect(r2.code).toBe(2);
    expect(r2.stderr.trim().split('\n')).toHaveLength(1);
    expect(r2.stderr).toMatch(/shape\.json:\d+: not a Service Reference service document: at \$\.Actions\[0\]\.Name: /);
    expect(r2.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists itself under iamdiff formats with what it carries', () => {
    const r = runCli(['formats']);
    expect(r.stdout).toContain('service-reference-json');
    expect(r.stdout).toMatch(/service-reference-json[^\n]*\n\s+carries: the complete list of actions, access level, access flags/);
    expect(serviceReferenceJson.carries).not.toContain('description');
  });
});

describe('iamdiff diff of the Service Reference fixtures, 2025-07-08 → 2025-09-10', () => {
  const text = runCli(['diff', OLD, NEW]);
  it('says what was not compared and why, in text and markdown', () => {
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('not compared: description — service-reference-json v1.2 and service-reference-json v1.3 do not carry it');
    expect(text.stdout).toContain('not compared: required flag of resource types — service-reference-json v1.2 and service-reference-json v1.3 do not carry it');
    expect(text.stdout).toContain('not compared: SupportedBy (Access Analyzer policy generation, last accessed) — service-reference-json v1.2 does not carry it');
    const md = runCli(['diff', OLD, NEW, '--format', 'markdown']).stdout;
    expect(md).toContain('- dependent actions: service-reference-json v1.2 and service-reference-json v1.3 do not carry it');
  });

  it('reports the real changes: a key type, ARN formats, a service gone, actions added', () => {
    expect(text.stdout).toContain('ebs  ebs:ParentSnapshot String → ARN');
    expect(text.stdout).toContain('mpa resource type session  + arn:${Partition}:mpa:${Region}:${Account}:session/${SessionId}');
    expect(text.stdout).toContain('mpa resource type session  - arn:${Partition}:mpa:${Region}:${Account}:session/${SessionArn}');
    expect(text.stdout).toContain('service supportrecommendations');
    expect(text.stdout).not.toContain('resource-required-changed');
    const json = JSON.parse(runCli(['diff', OLD, NEW, '--format', 'json']).stdout) as { notCompared: { field: string; services: string[] }[]; changes: { kind: string; service: string; action?: string }[] };
    expect(json.notCompared.find((n) => n.field === 'supportedBy')?.services).toEqual(['ebs', 'ecr', 'freetier', 'mpa', 'ssm-sap']);
    expect(json.changes.filter((c) => c.kind === 'action-added' && c.service === 'freetier').map((c) => c.action)).toEqual(['GetAccountActivity', 'GetAccountPlanState', 'ListAccountActivities', 'UpgradeAccountPlan']);
    expect(text.stdout).toContain('ssm-sap:GetResourcePermission  Read → Permissions management');
    expect(text.stdout).toContain('service bcm-recommended-actions');
    const yaml = runCli(['diff', OLD, NEW, '--format', 'yaml', '--only', 'condition-key-type-changed']).stdout;
    expect(yaml).toContain('key: ebs:ParentSnapshot');
    expect(readFileSync(join(OLD, 'ebs.json'), 'utf8')).toContain('"String"');
  });
});
