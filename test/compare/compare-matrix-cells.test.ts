import { describe, expect, it } from 'vitest';
import { compareSources, EMPTY_LIST } from '../../src/compare/compare-sources.js';
import { action, catalog } from '../helpers/catalog-builder.js';

const cut = (name: string) => action(name, { truncated: true });
const names = (m: ReturnType<typeof compareSources>) => m.rows.map((r) => r.action);

describe('compare: which rows', () => {
  it('matches names case-insensitively, spelled as the first full name', () => {
    const m = compareSources([catalog('svc', [action('DescribeImages')]), catalog('svc', [action('describeimages')])]);
    expect(names(m)).toEqual(['svc:DescribeImages']);
  });

  it("resolves a cut name to the one full name it begins among the other sources, not its own source's", () => {
    // The cut source lists DescribeImages itself, so `DescribeImage…` can only be DescribeImageScanFindings.
    const m = compareSources([
      catalog('svc', [action('DescribeImages'), cut('DescribeImage')]),
      catalog('svc', [action('DescribeImages'), action('DescribeImageScanFindings')]),
    ]);
    expect(names(m)).toEqual(['svc:DescribeImages', 'svc:DescribeImageScanFindings']);
    expect(m.rows[1]!.cells.listed).toEqual([{ value: 'yes' }, { value: 'yes' }]);
  });

  it('keeps a cut name that begins several full names as its own row, marked …', () => {
    const m = compareSources([catalog('svc', [cut('Get')]), catalog('svc', [action('GetA'), action('GetB')])]);
    expect(names(m)).toEqual(['svc:GetA', 'svc:GetB', 'svc:Get…']);
  });
});

describe('compare: cells and disagreements', () => {
  it('says absent where a source lacks the action, and that is a disagreement on listed only', () => {
    const m = compareSources([catalog('svc', [action('A'), action('B')]), catalog('svc', [action('A')], { carries: ['actions', 'description'] })]);
    const b = m.rows.find((r) => r.action === 'svc:B')!;
    expect(b.cells.accessLevel).toEqual([{ value: 'Read' }, { absent: true }]);
    expect(b.disagreements).toEqual(['listed']);
    const a = m.rows.find((r) => r.action === 'svc:A')!;
    expect(a.cells.accessLevel).toEqual([{ value: 'Read' }, { unknown: true }]);
    expect(a.disagreements).toEqual([]);
  });

  it('says unknown for every field of a source that does not list actions (a managed-policy page)', () => {
    const m = compareSources([catalog('svc', [action('A')]), catalog('svc', [], { carries: ['managedPolicies'] })]);
    expect(m.rows[0]!.cells.listed).toEqual([{ value: 'yes' }, { unknown: true }]);
    expect(m.rows[0]!.disagreements).toEqual([]);
  });

  it('compares descriptions with whitespace folded; an empty list is a value, not unknown', () => {
    const m = compareSources([
      catalog('svc', [action('A', { description: 'Grants  permission\n to A ' })]),
      catalog('svc', [action('A', { description: 'Grants permission to A', conditionKeys: ['aws:TagKeys'] })]),
    ]);
    expect(m.rows[0]!.cells.conditionKeys).toEqual([{ value: EMPTY_LIST }, { value: 'aws:TagKeys' }]);
    expect(m.rows[0]!.disagreements).toEqual(['conditionKeys']);
  });

  it('shows resource types with * for required, and merges keys given on the action and on its resource types', () => {
    const resourceTypes = [
      { name: 'repository', required: true, conditionKeys: ['aws:ResourceTag/${TagKey}'] },
      { name: 'image', required: false },
    ];
    const m = compareSources([catalog('svc', [action('A', { resourceTypes, conditionKeys: ['aws:TagKeys'] })]), catalog('svc', [action('A', { resourceTypes: [{ name: 'repository', required: false }] })])]);
    const row = m.rows[0]!;
    expect(row.cells.resourceTypes).toEqual([{ value: 'image, repository*' }, { value: 'repository' }]);
    expect(row.cells.conditionKeys[0]).toEqual({ value: 'aws:ResourceTag/${TagKey}, aws:TagKeys' });
    expect(row.disagreements).toEqual(['resourceTypes', 'conditionKeys']);
  });
});
