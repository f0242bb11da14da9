import { describe, expect, it } from 'vitest';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { mergeVersion, versionSupersessions } from '../../src/io/read-input.js';
import type { Action, Catalog } from '../../src/model/catalog.js';
import { action, catalog } from '../helpers/catalog-builder.js';

/** One HTML page of a version directory. */
function page(dir: string, file: string, actions: Action[], olderLayout: boolean, prefix = 'svc'): Catalog {
  return catalog(prefix, actions, { source: { format: 'aws-docs-html', file: `${dir}/${file}`, label: dir, olderLayout: olderLayout || undefined } });
}

/** Versions read together, as diff and log read them. */
function together(...versions: Catalog[][]): Catalog[][] {
  const shown = versions.map(versionSupersessions);
  return versions.map((v, i) => mergeVersion(v, shown.filter((_, j) => j !== i).flat()));
}

const frozen = [action('Describe', { accessLevel: 'List', conditionKeys: ['svc:Old'] })];

describe('retired pages', () => {
  it('within a version, an older-layout page beside a current-layout page of its prefix is left out and named', () => {
    const [merged] = mergeVersion([page('v2', 'list_old.html', frozen, true), page('v2', 'list_new.html', [action('Describe')], false)]);
    expect(merged!.actions).toMatchObject([{ name: 'Describe', accessLevel: 'Read', conditionKeys: [] }]);
    expect(merged!.source.retired).toEqual(['v2/list_old.html']);
    expect(merged!.source.pages).toEqual(['v2/list_new.html', 'v2/list_old.html']);
  });

  it('a version whose pages all share the older layout keeps them all when read alone', () => {
    const [merged] = mergeVersion([page('v1', 'list_old.html', frozen, true), page('v1', 'list_new.html', [action('Describe')], true)]);
    expect(merged!.source.retired).toBeUndefined();
    expect(merged!.actions[0]!.pages?.map((p) => p.page)).toEqual(['list_new.html', 'list_old.html']);
  });

  it('read with a version that shows the page superseded, the identical copy is retired there too: no change is invented', () => {
    const v1 = [page('v1', 'list_old.html', frozen, true), page('v1', 'list_new.html', [action('Describe')], true)];
    const v2 = [page('v2', 'list_old.html', frozen, true), page('v2', 'list_new.html', [action('Describe')], false)];
    const [a, b] = together(v1, v2);
    expect(a![0]!.source.retired).toEqual(['v1/list_old.html']);
    expect(diffCatalogs('v1', a!, 'v2', b!).changes).toEqual([]);
  });

  it('a copy whose content differs from the superseded one was live then: kept', () => {
    const v1 = [page('v1', 'list_old.html', [action('Describe', { accessLevel: 'Write' })], true), page('v1', 'list_new.html', [action('Other')], true)];
    const v2 = [page('v2', 'list_old.html', frozen, true), page('v2', 'list_new.html', [action('Describe')], false)];
    const [a] = together(v1, v2);
    expect(a![0]!.source.retired).toBeUndefined();
  });

  it('without its successor in that version the page is the service (a renamed page before the rename): kept', () => {
    const v1 = [page('v1', 'list_old.html', frozen, true)];
    const v2 = [page('v2', 'list_old.html', frozen, true), page('v2', 'list_new.html', [action('Describe')], false)];
    const [a, b] = together(v1, v2);
    expect(a).toHaveLength(1);
    expect(a![0]!.actions.map((x) => x.name)).toEqual(['Describe']);
    expect(diffCatalogs('v1', a!, 'v2', b!).changes.map((c) => c.kind).sort()).toEqual(['access-level-changed', 'condition-key-removed']);
  });

  it('the page with the shortest file name leads (not the first alphabetically): service name and ARN patterns', () => {
    const withArn = (file: string, arn: string, name: string) =>
      catalog('svc', [action('A')], { service: { prefix: 'svc', name }, resourceTypes: [{ name: 'thing', arnPattern: arn }], source: { format: 'aws-docs-html', file: `v/${file}`, label: 'v' } });
    const [merged] = mergeVersion([withArn('list_aaaaaa.html', 'arn:long', 'Long'), withArn('list_zz.html', 'arn:short', 'Short')]);
    expect(merged!.service.name).toBe('Short');
    expect(merged!.resourceTypes).toMatchObject([{ name: 'thing', arnPattern: 'arn:short' }]);
  });

  it('the merge does not depend on the order pages are listed in', () => {
    const pages = [
      page('v', 'list_b.html', [action('Shared', { accessLevel: 'List', description: 'b' }), action('OnlyB')], false),
      page('v', 'list_a.html', [action('Shared', { accessLevel: 'Read', description: 'a' })], false),
      page('v', 'list_c_old.html', frozen, true),
    ];
    const one = mergeVersion(pages);
    for (const order of [[2, 1, 0], [1, 2, 0], [0, 2, 1]]) expect(mergeVersion(order.map((i) => pages[i]!))).toEqual(one);
  });
});

describe('an action several merged pages define', () => {
  const v1 = [
    page('v1', 'list_elb.html', [action('DescribeLoadBalancers', { accessLevel: 'Read', description: 'v1' })], false, 'elb'),
    page('v1', 'list_elbv2.html', [action('DescribeLoadBalancers', { accessLevel: 'Read', description: 'v2' })], false, 'elb'),
  ];
  const v2 = [
    page('v2', 'list_elb.html', [action('DescribeLoadBalancers', { accessLevel: 'Read', description: 'v1' })], false, 'elb'),
    page('v2', 'list_elbv2.html', [action('DescribeLoadBalancers', { accessLevel: 'List', description: 'v2' })], false, 'elb'),
  ];

  it('keeps each page’s level and description', () => {
    const [merged] = mergeVersion(v2);
    expect(merged!.actions[0]).toMatchObject({
      accessLevel: 'Read',
      pages: [
        { page: 'list_elb.html', accessLevel: 'Read', description: 'v1' },
        { page: 'list_elbv2.html', accessLevel: 'List', description: 'v2' },
      ],
    });
  });

  it('a level change on a page that does not lead is reported, naming the page', () => {
    const [a, b] = together(v1, v2);
    expect(diffCatalogs('v1', a!, 'v2', b!).changes).toMatchObject([
      { kind: 'access-level-changed', action: 'DescribeLoadBalancers', before: 'Read', after: 'List', pages: ['list_elbv2.html'], severity: 'high' },
    ]);
  });

  it('the same change on every page is one change naming them all', () => {
    const up = (dir: string, level: 'Read' | 'List') => [
      page(dir, 'list_elb.html', [action('DescribeLoadBalancers', { accessLevel: level, description: 'v1' })], false, 'elb'),
      page(dir, 'list_elbv2.html', [action('DescribeLoadBalancers', { accessLevel: level, description: 'v2' })], false, 'elb'),
    ];
    const [a, b] = together(up('v1', 'Read'), up('v2', 'List'));
    expect(diffCatalogs('v1', a!, 'v2', b!).changes).toMatchObject([{ kind: 'access-level-changed', pages: ['list_elb.html', 'list_elbv2.html'] }]);
  });
});

describe('a source that lists two levels', () => {
  it("iam-data's `Permissions management, Write` against the reference's `Write` is not a level change", () => {
    const ref = catalog('sqs', [action('SetQueueAttributes', { accessLevel: 'Write' })]);
    const iamData = catalog('sqs', [action('SetQueueAttributes', { accessLevel: 'Permissions management', otherAccessLevels: ['Write'] })]);
    expect(diffCatalogs('ref', [ref], 'iam-data', [iamData]).changes).toEqual([]);
    expect(diffCatalogs('iam-data', [iamData], 'ref', [ref]).changes).toEqual([]);
  });

  it('a level outside both readings still is', () => {
    const ref = catalog('sqs', [action('SetQueueAttributes', { accessLevel: 'Read' })]);
    const iamData = catalog('sqs', [action('SetQueueAttributes', { accessLevel: 'Permissions management', otherAccessLevels: ['Write'] })]);
    expect(diffCatalogs('ref', [ref], 'iam-data', [iamData]).changes).toMatchObject([{ kind: 'access-level-changed', before: 'Read', after: 'Permissions management' }]);
  });
});
