import { describe, expect, it } from 'vitest';
import type { SourceAudit } from '../../src/compare/audit-sources.js';
import { fixturePath } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const SR = fixturePath('service-reference/2025-09-10');
const DATASET = fixturePath('iam-dataset/iam_definition-2020-11-19.json');
const HTML = fixturePath('html/ecr-2025-06-01.html');

describe('iamdiff compare on whole catalogs', () => {
  const json = JSON.parse(runCli(['compare', SR, DATASET, HTML, '--format', 'json']).stdout) as SourceAudit;

  it('names each source with what it holds, and lines up the services two or more hold', () => {
    expect(json.sources.map((s) => [s.name, s.services])).toEqual([
      ['service-reference-json 2025-09-10', 6],
      ['iam-dataset-json (iam_definition-2020-11-19)', 2],
      ['aws-docs-html (ecr-2025-06-01)', 1],
    ]);
    expect(json.services.map((s) => [s.service, s.sources])).toEqual([['ecr', [1, 2, 3]]]);
  });

  it('reports services and actions only some sources list', () => {
    expect(json.servicesOnlyIn).toContainEqual({ listedBy: [2], missingFrom: [1, 3], items: ['ses'] });
    expect(json.servicesOnlyIn.find((g) => g.listedBy.join() === '1')?.items).toEqual(['bcm-recommended-actions', 'ebs', 'freetier', 'mpa', 'ssm-sap']);
    const newer = json.actionsOnlyIn.find((g) => g.listedBy.join() === '1,3')!;
    expect(newer.missingFrom).toEqual([2]);
    expect(newer.items).toContain('ecr:BatchImportUpstreamImage');
  });

  it('a source without the required flag agrees on resource type names: the Service Reference and the HTML page of ecr', () => {
    const pair = JSON.parse(runCli(['compare', fixturePath('service-reference/2025-07-08'), HTML, '--format', 'json']).stdout) as SourceAudit;
    expect(pair.services.map((s) => s.service)).toEqual(['ecr']);
    expect(pair.perField.resourceTypes).toBe(0);
    expect(pair.perField.description).toBe(0); // the Service Reference does not carry descriptions: never a disagreement
  });

  it('text: the summary first, then the detail on demand with --service and --action', () => {
    const text = runCli(['compare', SR, DATASET, HTML]).stdout;
    expect(text).toMatch(/^iamdiff compare: 3 sources, 1 service held by two or more\n/);
    expect(text).toContain('listed by [2], not by [1][3]: 1 service: ses');
    expect(text).toContain('Detail: --service PREFIX');
    const one = runCli(['compare', SR, DATASET, HTML, '--action', 'ecr:DescribeImages']).stdout;
    expect(one).toContain('iamdiff compare ecr: 3 sources');
    expect(one.match(/^ecr:\w+/gm)).toEqual(['ecr:DescribeImages']);
    expect(one).toMatch(/access level\s+\[1\]\[3\] List\n\s+\[2\] Read/);
    const md = runCli(['compare', SR, DATASET, HTML, '--format', 'markdown']).stdout;
    expect(md).toContain('| [2] | [1][3] | 1 | ses |');
  });

  it('bad input: an --action no source lists, a malformed --action', () => {
    const none = runCli(['compare', SR, HTML, '--action', 'ecr:NoSuchAction']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no source lists ecr:NoSuchAction/);
    expect(runCli(['compare', SR, HTML, '--action', 'DescribeImages']).stderr).toMatch(/--action must be service:Action/);
  });
});
