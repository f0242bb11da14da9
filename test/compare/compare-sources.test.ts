import { describe, expect, it } from 'vitest';
import { compareSources } from '../../src/compare/compare-sources.js';
import { renderCompareMarkdown } from '../../src/compare/render-compare-markdown.js';
import { loadCatalogFile } from '../../src/io/read-input.js';
import { action, catalog } from '../helpers/catalog-builder.js';
import { fixturePath } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const SEEDS = ['policy-sentry-ecr.md', 'box-table-ecr.txt', 'typedoc-AwsEcrActions.md', 'aws-docs-ecr.md'].map((f) => `test/fixtures/${f}`);
// Built inside each test (not once at load): mutation testing sees which test reads what.
const matrixOf = () => compareSources(SEEDS.map((f) => loadCatalogFile(fixturePath(f.replace('test/fixtures/', '')), { service: 'ecr' })));
const row = (name: string) => matrixOf().rows.find((r) => r.action === `ecr:${name}`)!;

describe('compare on the four catalog seeds', () => {
  it('has one row per action across the sources, the truncated box-table name resolved', () => {
    expect(matrixOf().sources.map((s) => s.name)).toEqual(['policy-sentry-md (policy-sentry-ecr)', 'box-table 2022-11-10', 'typedoc-enum 2024-02-12', 'aws-docs-md (aws-docs-ecr)']);
    expect(matrixOf().rows.some((r) => r.action.endsWith('…'))).toBe(false);
    expect(row('BatchGetRepositoryScanningConfiguration').cells.listed.map((c) => ('value' in c ? c.value : 'absent' in c ? 'absent' : '?'))).toEqual(['absent', 'yes', 'yes', 'absent']);
  });

  it('flags DescribeImages: Read in the Policy Sentry page and AWS docs, List in the box table; TypeDoc unknown, not a disagreement', () => {
    const r = row('DescribeImages');
    expect(r.disagreements).toContain('accessLevel');
    expect(r.cells.accessLevel).toEqual([{ value: 'Read' }, { value: 'List' }, { unknown: true }, { value: 'Read' }]);
  });

  it('does not flag a field only because one source cannot tell', () => {
    const r = row('GetAuthorizationToken');
    expect(r.cells.accessLevel[2]).toEqual({ unknown: true });
    expect(r.disagreements).not.toContain('accessLevel');
  });

  it('escapes document text in markdown tables', () => {
    const hostile = compareSources([
      catalog('svc', [action('Thing', { description: 'a | pipe <script>x</script>' })]),
      catalog('svc', [action('Thing', { description: 'plain' })]),
    ]);
    const md = renderCompareMarkdown(hostile, { onlyDisagreements: true });
    expect(md).toContain('a \\| pipe &lt;script&gt;x&lt;/script&gt;');
    expect(md).not.toContain('<script>');
  });
});

describe('iamdiff compare', () => {
  it('prints the DescribeImages disagreement, grouped by value, with a summary', () => {
    const r = runCli(['compare', ...SEEDS, '--service', 'ecr', '--only-disagreements']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(['ecr:DescribeImages  ✗ disagree on access level, description', '  ✗ access level       [1][4] Read', '                       [2] List', '                       [3] ? (does not carry it)'].join('\n'));
    const summary = r.stdout.slice(r.stdout.lastIndexOf('\nSummary: ') + 1).replace(/\s+/g, ' ').trim();
    expect(summary).toMatch(/^Summary: 48 actions, 48 with disagreements \(listed 31, access level 4, .*\)$/);
  });

  it('json is stable and says unknown apart from absent', () => {
    const a = runCli(['compare', ...SEEDS, '--service', 'ecr', '--format', 'json']);
    const b = runCli(['compare', ...SEEDS, '--service', 'ecr', '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
    const data = JSON.parse(a.stdout);
    const di = data.rows.find((r: { action: string }) => r.action === 'ecr:DescribeImages');
    expect(di.cells.accessLevel).toEqual([{ value: 'Read' }, { value: 'List' }, { unknown: true }, { value: 'Read' }]);
  });

  it('needs two sources of one service', () => {
    expect(runCli(['compare', SEEDS[0]!]).code).toBe(2);
    const r = runCli(['compare', SEEDS[0]!, 'test/fixtures/html/ec2instanceconnect-2026-06-14.html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no service is held by two of the sources \(ecr, ec2-instance-connect\)/);
  });
});
