import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { iamDatasetJson } from '../../parsers/iam-dataset-json.js';
import { loadCatalogs } from '../../src/io/read-input.js';
import { fixture, fixturePath } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

// ecr and ses (published as two services, "Amazon SES" and "Amazon Pinpoint Email Service") cut from the parliament files of the corpus.
const OLD = fixturePath('iam-dataset/iam_definition-2020-01-07.json');
const NEW = fixturePath('iam-dataset/iam_definition-2020-11-19.json');
// Read inside each test that uses them (not once at load): mutation testing sees which test reads what.
const catalogsOf = () => loadCatalogs(OLD);
const ecrOf = () => catalogsOf().find((c) => c.service.prefix === 'ecr')!;
const act = (name: string) => ecrOf().actions.find((a) => a.name === name)!;

const tmp = mkdtempSync(join(tmpdir(), 'iamdiff-dataset-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('iam-dataset-json (parliament)', () => {
  it('is detected from the first bytes and gives one catalog per prefix from one file', () => {
    expect(iamDatasetJson.detectHead(fixture('iam-dataset/iam_definition-2020-01-07.json').slice(0, 8192))).toBe(true);
    expect(iamDatasetJson.detectHead(fixture('service-reference/2025-09-10/index.json'))).toBe(false);
    expect(catalogsOf().map((c) => c.service.prefix)).toEqual(['ecr', 'ses']);
    expect(ecrOf().source).toEqual({ format: 'iam-dataset-json', file: OLD, label: 'iam_definition-2020-01-07' });
  });

  it('a resource_type ending in * is required; the empty resource_type holds the action own keys', () => {
    expect(act('CreateRepository')).toMatchObject({
      accessLevel: 'Write',
      description: 'Grants permission to create an image repository',
      resourceTypes: [{ name: 'repository', required: true, conditionKeys: [], dependentActions: [] }],
      conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'],
      dependentActions: [],
    });
    expect(act('GetAuthorizationToken').resourceTypes).toEqual([]);
    expect(act('TagResource').accessLevel).toBe('Tagging');
    expect(ecrOf().resourceTypes?.map((r) => r.name)).toEqual(['repository']);
    expect(ecrOf().conditionKeys?.find((k) => k.name === 'aws:TagKeys')).toMatchObject({ type: 'String' });
  });

  it('merges the services that share a prefix, and lists them', () => {
    const ses = catalogsOf().find((c) => c.service.prefix === 'ses')!;
    expect(ses.source.pages).toEqual([`${OLD} (Amazon Pinpoint Email Service)`, `${OLD} (Amazon SES)`]);
    expect(ses.actions.length).toBeGreaterThanOrEqual(70);
    expect(ses.actions.some((a) => a.name === 'SendEmail')).toBe(true);
  });

  it('--service keeps one service; the diff of the two versions finds the real access-level change', () => {
    expect(loadCatalogs(OLD, { service: 'ecr' }).map((c) => c.service.prefix)).toEqual(['ecr']);
    const r = runCli(['diff', OLD, NEW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('iamdiff 2 services: iam-dataset-json iam_definition-2020-01-07 → iam-dataset-json iam_definition-2020-11-19');
    expect(r.stdout).toContain('not compared: documentation URL — iam-dataset-json does not carry it');
    expect(r.stdout).toContain('ecr:ListTagsForResource  Read → List');
  });

  it('is read from standard input too, detected from its content', () => {
    const r = runCli(['diff', '-', NEW], { input: fixture('iam-dataset/iam_definition-2020-01-07.json') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('iamdiff 2 services: iam-dataset-json stdin → iam-dataset-json iam_definition-2020-11-19');
    expect(r.stdout).toContain('ecr:ListTagsForResource  Read → List');
  });

  it('lists itself under iamdiff formats', () => {
    expect(runCli(['formats']).stdout).toMatch(/iam-dataset-json[^\n]*\n\s+carries: the complete list of actions, description, access level, resource types of actions/);
  });

  it('bad input: the JSON path of a wrong value, the line of a syntax error, exit code 2', () => {
    const text = fixture('iam-dataset/iam_definition-2020-01-07.json');
    const shape = write('shape.json', text.replace('"access_level": "Read"', '"access_level": "Reading"'));
    const r1 = runCli(['diff', shape, NEW]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/^iamdiff: .*shape\.json: not an iam-dataset service: at \$\[0\]\.privileges\[\d+\]\.access_level: an access level/);
    expect(r1.stderr.trim().split('\n')).toHaveLength(1);
    const cut = text.slice(0, 2000);
    const r2 = runCli(['parse', write('cut.json', cut), '--format', 'iam-dataset-json']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/cut\.json:\d+: not valid JSON/);
    const r3 = runCli(['parse', write('object.json', '{"prefix": "x"}'), '--format', 'iam-dataset-json']);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/object\.json:1: not a JSON array at the top level/);
  });
});
