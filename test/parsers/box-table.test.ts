import { describe, expect, it } from 'vitest';
import { boxTable } from '../../parsers/box-table.js';
import { detectParser } from '../../parsers/index.js';
import { fixture } from '../helpers/paths.js';

const file = 'box-table-ecr.txt';
const text = fixture(file);
const parse = (t = text, service?: string) => boxTable.parse(t, { file, service: service ?? 'ecr' });

describe('box-table parser on the seed', () => {
  const catalog = parse();
  const action = (name: string) => catalog.actions.find((a) => a.name === name)!;

  it('is detected from content, and only there', () => {
    expect(detectParser(text)?.id).toBe('box-table');
    for (const other of ['aws-docs-ecr.md', 'policy-sentry-ecr.md', 'typedoc-AwsEcrActions.md', 'managed-policies-ecr.md']) expect(boxTable.detect(fixture(other))).toBe(false);
  });

  it('has 43 distinct actions, the repeated row groups merged', () => {
    expect(catalog.actions).toHaveLength(43);
    expect(new Set(catalog.actions.map((a) => a.name.toLowerCase())).size).toBe(43);
  });

  it('merges TagResource: resource row then condition-key row', () => {
    expect(action('TagResource')).toMatchObject({
      accessLevel: 'Tagging',
      resourceTypes: [{ name: 'repository', required: true, conditionKeys: [], dependentActions: [] }],
      conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'],
      line: 155,
    });
  });

  it('rejoins wrapped descriptions and reads access levels', () => {
    expect(action('DescribeImages')).toMatchObject({
      accessLevel: 'List',
      description: 'Grants permission to get metadata about the images in a repository, including image size, image tags, and creation date',
    });
    expect(action('DeleteRegistryPolicy').accessLevel).toBe('Permissions management');
  });

  it('reads the required flag and keys of rows without a resource', () => {
    expect(action('DescribeRepositories').resourceTypes).toEqual([{ name: 'repository', required: false, conditionKeys: [], dependentActions: [] }]);
    expect(action('CreateRepository')).toMatchObject({ resourceTypes: [], conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'] });
  });

  it('keeps the known prefix of a truncated name and marks it', () => {
    expect(action('BatchGetRepositoryScanningConfigur')).toMatchObject({ truncated: true, accessLevel: 'Read', line: 18 });
  });

  it('takes the date from "Last updated" and the prefix from --service', () => {
    expect(catalog.source.date).toBe('2022-11-10T16:11:37+00:00');
    expect(catalog.service.prefix).toBe('ecr');
    expect(catalog.actions.every((a) => a.documentationUrl === undefined)).toBe(true);
  });

  it('reads a condition key that wraps because it fills its column', () => {
    const wrapped = text
      .replace('│ aws:RequestTag/${TagKey}             │', '│ aws:RequestTag/${TagKey}/LongerThan… │')
      .replace(/(│ CreateRepository[^\n]*\n[^\n]*?)│ aws:TagKeys                          │/, '$1│ tKeyThatWraps                        │');
    const create = parse(wrapped).actions.find((a) => a.name === 'CreateRepository')!;
    expect(create.conditionKeys).toEqual(['aws:RequestTag/${TagKey}/LongerThan…tKeyThatWraps']);
  });
});

describe('box-table parser on bad input', () => {
  it('needs the service prefix', () => {
    expect(() => boxTable.parse(text, { file })).toThrow('box-table-ecr.txt:1: the box table does not name its service: give --service PREFIX');
  });

  it('reports a truncated table with its line', () => {
    const cut = text.split('\n').slice(0, 60).join('\n');
    expect(() => parse(cut)).toThrow(/box-table-ecr\.txt:60: table is not closed with └…┘ \(truncated file\?\)/);
    const halfRow = text.split('\n').slice(0, 59).join('\n') + '\n│ Broken';
    expect(() => parse(halfRow)).toThrow(/box-table-ecr\.txt:60: table row has 1 cells, the header has 6/);
  });

  it('rejects an unknown access level with the row line', () => {
    const bad = text.replace('│ Tagging                │ repository*', '│ Taggin                 │ repository*');
    expect(() => parse(bad)).toThrow(/box-table-ecr\.txt:155: unknown access level "Taggin" for TagResource/);
  });
});
