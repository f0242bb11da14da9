import { describe, expect, it, beforeEach } from 'vitest';
import { boxTable } from '../../parsers/box-table.js';
import { detectParser } from '../../parsers/index.js';
import { fixture } from '../helpers/paths.js';

const file = 'box-table-ecr.txt';
const text = fixture(file);
const lines = text.split('\n');
const parse = (t = text, service: string | undefined = 'ecr') => boxTable.parse(t, { file, service });

const TITLES = ['Actions', 'Description', 'Access level', 'Resource types (*required)', 'Condition keys', 'Dependent actions'];

/** Titles word-wrapped to the column widths, as header lines of cells. */
function wrapTitles(widths: number[]): string[][] {
  const wrapped = TITLES.map((t, k) =>
    t.split(' ').reduce<string[]>((ls, w) => (ls.length && `${ls.at(-1)} ${w}`.length <= widths[k]! ? [...ls.slice(0, -1), `${ls.at(-1)} ${w}`] : [...ls, w]), []),
  );
  return Array.from({ length: Math.max(...wrapped.map((w) => w.length)) }, (_, i) => wrapped.map((w) => w[i] ?? ''));
}

/** A table drawn the way rich draws one: `groups` are row groups of physical lines of cells. */
function drawTable(widths: number[], groups: string[][][], titles = wrapTitles(widths)): string {
  const border = (l: string, fill: string, mid: string, r: string) => l + widths.map((w) => fill.repeat(w + 2)).join(mid) + r;
  const row = (bar: string, cells: string[]) => bar + widths.map((w, k) => ` ${(cells[k] ?? '').padEnd(w)} `).join(bar) + bar;
  const body = groups.map((g) => g.map((cells) => row('│', cells)));
  return [
    'Last updated: 2030-01-02',
    border('┏', '━', '┳', '┓'),
    ...titles.map((t) => row('┃', t)),
    border('┡', '━', '╇', '┩'),
    ...body.flatMap((g, i) => (i === 0 ? g : [border('├', '─', '┼', '┤'), ...g])),
    border('└', '─', '┴', '┘'),
  ].join('\n');
}
const WIDE = [30, 30, 22, 26, 30, 30];

describe('box-table parser on the seed', () => {
  // parsed afresh in each test (not once when the file loads): mutation testing sees each test read it
  let catalog!: ReturnType<typeof parse>;
  beforeEach(() => {
    catalog = parse();
  });
  const action = (name: string) => catalog.actions.find((a) => a.name === name)!;

  it('is detected from content, and only there', () => {
    expect(boxTable.detect(text)).toBe(true);
    expect(detectParser(text)?.id).toBe('box-table');
    for (const other of ['aws-docs-ecr.md', 'policy-sentry-ecr.md', 'typedoc-AwsEcrActions.md', 'managed-policies-ecr.md']) {
      expect(boxTable.detect(fixture(other))).toBe(false);
    }
  });

  it('has 43 distinct actions, repeated row groups merged', () => {
    expect(catalog.actions).toHaveLength(43);
    expect(new Set(catalog.actions.map((a) => a.name.toLowerCase())).size).toBe(43);
    expect(catalog.service).toEqual({ prefix: 'ecr' });
  });

  it('reads access levels', () => {
    expect(action('DescribeImages').accessLevel).toBe('List');
    expect(action('DescribeRepositories').accessLevel).toBe('Read');
    expect(action('DeleteRegistryPolicy').accessLevel).toBe('Permissions management');
    expect(action('TagResource').accessLevel).toBe('Tagging');
  });

  it('rejoins wrapped descriptions with single spaces', () => {
    expect(action('DescribeImages').description).toBe(
      'Grants permission to get metadata about the images in a repository, including image size, image tags, and creation date',
    );
    expect(action('CompleteLayerUpload').description).toBe(
      'Grants permission to inform Amazon ECR that the image layer upload for a specified registry, repository name, and upload ID, has completed',
    );
  });

  it('reads the * flag of resource types', () => {
    expect(action('DescribeRepositories').resourceTypes).toEqual([{ name: 'repository', required: false, conditionKeys: [], dependentActions: [] }]);
    expect(action('BatchGetImage').resourceTypes).toEqual([{ name: 'repository', required: true, conditionKeys: [], dependentActions: [] }]);
  });

  it('merges TagResource into one action: resource row, then a row of action-level keys', () => {
    expect(catalog.actions.filter((a) => a.name === 'TagResource')).toHaveLength(1);
    expect(action('TagResource')).toEqual({
      name: 'TagResource',
      description: 'Grants permission to tag an Amazon ECR resource',
      accessLevel: 'Tagging',
      resourceTypes: [{ name: 'repository', required: true, conditionKeys: [], dependentActions: [] }],
      conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'],
      dependentActions: [],
      line: 155,
    });
    expect(action('UntagResource')).toMatchObject({ conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'], line: 161 });
    expect(action('ListTagsForResource')).toMatchObject({ accessLevel: 'Read', conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'], line: 109 });
  });

  it('puts the keys of a row without a resource type on the action (CreateRepository)', () => {
    expect(action('CreateRepository')).toMatchObject({
      resourceTypes: [],
      conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'],
      dependentActions: [],
      line: 35,
    });
  });

  it('gives known-empty lists as [] and leaves fields the format lacks absent', () => {
    expect(action('BatchImportUpstreamImage')).toEqual({
      name: 'BatchImportUpstreamImage',
      description: 'Grants permission to retrieve the image from the upstream registry and import it to your private registry',
      accessLevel: 'Write',
      resourceTypes: [],
      conditionKeys: [],
      dependentActions: [],
      line: 22,
    });
    expect(catalog.carries).toEqual(['accessLevel', 'actions', 'conditionKeys', 'dependentActions', 'description', 'resourceRequired', 'resourceTypes']);
    expect(catalog.actions.every((a) => a.documentationUrl === undefined)).toBe(true);
    expect(catalog.resourceTypes).toBeUndefined();
  });

  it('keeps the known prefix of a name cut with … and marks it truncated', () => {
    expect(action('BatchGetRepositoryScanningConfigur')).toMatchObject({ truncated: true, accessLevel: 'Read', line: 18 });
    expect(catalog.actions.filter((a) => a.truncated)).toHaveLength(1);
    expect(catalog.actions.some((a) => a.name.includes('…'))).toBe(false);
  });

  it('records the line where each action first appears', () => {
    expect(action('BatchCheckLayerAvailability').line).toBe(5);
    expect(action('UploadLayerPart').line).toBe(167);
    for (const a of catalog.actions) expect(lines[a.line! - 1]!.startsWith(`│ ${a.name}`), a.name).toBe(true);
  });

  it('takes the date from "Last updated" as written and the prefix from --service', () => {
    expect(catalog.source).toEqual({ format: 'box-table', file, date: '2022-11-10T16:11:37+00:00' });
    expect(parse(text, 'ecr-public').service.prefix).toBe('ecr-public');
  });

  it('splits columns at the positions of the header bars, not at every bar character', () => {
    const cell = '│ Grants permission to check the      │';
    const withBar = text.replace(cell, `│ ${'Grants permission to check │ the'.padEnd(cell.length - 4)} │`);
    expect(parse(withBar).actions.find((a) => a.name === 'BatchCheckLayerAvailability')!.description).toBe(
      'Grants permission to check │ the availability of multiple image layers in a specified registry and repository',
    );
  });
});

describe('box-table parser on wrapped list cells', () => {
  const one = (t: string) => boxTable.parse(t, { file: 't.txt', service: 'svc' }).actions[0]!;

  it('rejoins a condition key folded because it filled its column', () => {
    const t = drawTable([12, 20, 12, 12, 12, 20], [[
      ['GetThing', 'Grants permission', 'Read', '', 'svc:Resource', ''],
      ['', 'to get a thing', '', '', 'Tag/${TagKey', ''],
      ['', '', '', '', '}', ''],
      ['', '', '', '', 'aws:TagKeys', ''],
    ]]);
    expect(one(t).conditionKeys).toEqual(['aws:TagKeys', 'svc:ResourceTag/${TagKey}']);
    expect(one(t).description).toBe('Grants permission to get a thing');
  });

  it('starts a new item after a line that fills the column when the next line names its own prefix', () => {
    const t = drawTable([12, 20, 12, 12, 12, 17], [[
      ['GetThing', 'Grants permission', 'Read', 'thing*', '', 'ecr:BatchGetImage'],
      ['', '', '', '', '', 'ecr:PutImage'],
    ]]);
    expect(one(t).resourceTypes).toEqual([{ name: 'thing', required: true, conditionKeys: [], dependentActions: ['ecr:BatchGetImage', 'ecr:PutImage'] }]);
  });

  it('keeps a key cut with … as written and does not glue the next key to it', () => {
    const t = drawTable([12, 20, 12, 12, 12, 12], [[
      ['GetThing', 'Grants permission', 'Read', '', 'svc:LongKey…', ''],
      ['', '', '', '', 'svc:Other', ''],
    ]]);
    expect(one(t).conditionKeys).toEqual(['svc:LongKey…', 'svc:Other']);
  });

  it('rejoins a resource type folded at the column edge, but not one ending in *', () => {
    const t = drawTable([12, 20, 12, 11, 12, 12], [[
      ['GetThing', 'Grants permission', 'Read', 'storagelens', '', ''],
      ['', '', '', 'group*', '', ''],
      ['', '', '', 'connection*', '', ''],
      ['', '', '', 'bucket', '', ''],
    ]]);
    expect(one(t).resourceTypes!.map((r) => [r.name, r.required])).toEqual([
      ['bucket', false],
      ['connection', true],
      ['storagelensgroup', true],
    ]);
  });

  it('a later row group naming a resource type optional does not undo an earlier required flag, nor the reverse', () => {
    const groups = (first: string, second: string) =>
      drawTable(WIDE, [[['PutThing', 'Grants permission to put', 'Write', first, '', '']], [['PutThing', 'Grants permission to put', 'Write', second, '', '']]]);
    expect(one(groups('thing*', 'thing')).resourceTypes).toMatchObject([{ name: 'thing', required: true }]);
    expect(one(groups('thing', 'thing*')).resourceTypes).toMatchObject([{ name: 'thing', required: true }]);
    expect(one(groups('thing', 'thing')).resourceTypes).toMatchObject([{ name: 'thing', required: false }]);
  });

  it('gives the keys of a row with resource types to those types, merging rows of one action', () => {
    const t = drawTable(WIDE, [
      [['PutThing', 'Grants permission to put', 'Write', 'thing*', 'svc:ThingKey', 'svc:Helper']],
      [['PutThing', 'Grants permission to put', 'Write', 'other', 'svc:OtherKey', '']],
      [['PutThing', 'Grants permission to put', 'Write', '', 'aws:TagKeys', 'svc:TagHelper']],
    ]);
    expect(one(t)).toMatchObject({
      resourceTypes: [
        { name: 'other', required: false, conditionKeys: ['svc:OtherKey'], dependentActions: [] },
        { name: 'thing', required: true, conditionKeys: ['svc:ThingKey'], dependentActions: ['svc:Helper'] },
      ],
      conditionKeys: ['aws:TagKeys'],
      dependentActions: ['svc:TagHelper'],
      line: 5,
    });
  });

  it('reads a header whose titles wrap over two lines', () => {
    const t = drawTable(
      [12, 20, 12, 14, 12, 12],
      [[['GetThing', 'Grants permission', 'Permissions', 'thing*', '', ''], ['', '', 'management', '', '', '']]],
      [['Actions', 'Description', 'Access', 'Resource types', 'Condition', 'Dependent'], ['', '', 'level', '(*required)', 'keys', 'actions']],
    );
    expect(boxTable.detect(t)).toBe(true);
    expect(one(t)).toMatchObject({ name: 'GetThing', accessLevel: 'Permissions management', line: 6 });
  });
});

describe('box-table parser on bad input', () => {
  it('needs the service prefix', () => {
    expect(() => boxTable.parse(text, { file })).toThrow('box-table-ecr.txt:1: the box table does not name its service: give --service PREFIX');
  });

  it('reports a file that ends inside the table, naming its last line', () => {
    const cutAt = (n: number) => lines.slice(0, n).join('\n');
    expect(() => parse(cutAt(60))).toThrow('box-table-ecr.txt:60: table is not closed (truncated file?)');
    expect(() => parse(cutAt(59) + '\n')).toThrow('box-table-ecr.txt:59: table is not closed (truncated file?)');
    expect(() => parse(cutAt(168))).toThrow('box-table-ecr.txt:168: table is not closed (truncated file?)');
  });

  it('reports a row group cut short in the middle of a line', () => {
    const half = lines.slice(0, 61).join('\n') + '\n' + lines[61]!.slice(0, 50);
    expect(() => parse(half)).toThrow('box-table-ecr.txt:62: table is not closed (truncated file?)');
  });

  it('rejects a damaged row inside the table with its line', () => {
    const damaged = [...lines];
    damaged[40] = damaged[40]!.replace('│ Write', '  Write');
    expect(() => parse(damaged.join('\n'))).toThrow(/box-table-ecr\.txt:41: line is not a row of the table/);
  });

  it('rejects an unknown access level with its line', () => {
    const bad = text.replace('│ Tagging                │ repository*', '│ Taggin                 │ repository*');
    expect(() => parse(bad)).toThrow('box-table-ecr.txt:155: unknown access level "Taggin" for TagResource');
  });

  it('rejects rows of one action that disagree on the access level', () => {
    const bad = text.replace('│ Tagging                │                            │ aws:RequestTag', '│ Write                  │                            │ aws:RequestTag');
    expect(() => parse(bad)).toThrow('box-table-ecr.txt:158: TagResource has access level Write here but Tagging at line 155');
  });

  it('rejects a file without a box table', () => {
    expect(() => parse('Actions | Access level\n')).toThrow(/box-table-ecr\.txt:1: no box table/);
  });
});
