import { describe, expect, it } from 'vitest';
import { loadCatalogFile } from '../../src/io/read-input.js';
import { compareNames } from '../../src/model/identity.js';
import { checkPolicies, type PolicyFinding } from '../../src/policy/check-policies.js';
import { loadPolicySources, type PolicyGrant } from '../../src/policy/policy-source.js';
import { action, catalog } from '../helpers/catalog-builder.js';
import { fixture } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const PAGE = 'test/fixtures/managed-policies-ecr.md';
const PS = 'snapshots/ecr/policy-sentry-ecr.policy-sentry-md.yaml';

const grant = (patterns: string[], policy = 'P'): PolicyGrant => ({ policy, effect: 'Allow', patterns, file: 'p.json' });
const svc = catalog('svc', [action('DescribeImages'), action('GetThing'), action('BatchGetRepositoryScanningConfigur', { truncated: true })]);
const findingsOf = (patterns: string[]) => checkPolicies([grant(patterns)], [svc]).map((f) => [f.finding, f.pattern, f.canonical]);

describe('checkPolicies', () => {
  it('says nothing about names and wildcards the catalog grants as written', () => {
    expect(findingsOf(['svc:DescribeImages', 'svc:Describe*', '*', 'svc:*', 'SVC:get*'])).toEqual([]);
  });

  it('finds unknown actions, unknown services, wildcards that match nothing and what is not a pattern', () => {
    expect(findingsOf(['svc:DescribeImage', 'other:Get', 'oth?r:Get', 'svc:Put*', 'DescribeImages', 'svc:'])).toEqual([
      ['not-a-pattern', 'DescribeImages', undefined],
      ['not-a-pattern', 'svc:', undefined],
      ['unknown-action', 'svc:DescribeImage', undefined],
      ['unknown-service', 'other:Get', undefined],
      ['matches-nothing', 'oth?r:Get', undefined],
      ['matches-nothing', 'svc:Put*', undefined],
    ]);
  });

  it('finds names spelled in another case, the service prefix included, with the catalog spelling', () => {
    expect(findingsOf(['svc:describeImages', 'SVC:DescribeImages', 'svc:GETTHING'])).toEqual([
      ['mis-cased', 'SVC:DescribeImages', 'svc:DescribeImages'],
      ['mis-cased', 'svc:describeImages', 'svc:DescribeImages'],
      ['mis-cased', 'svc:GETTHING', 'svc:GetThing'],
    ]);
  });

  it('does not call a name unknown, or a wildcard empty, when a cut name may be it', () => {
    expect(findingsOf(['svc:BatchGetRepositoryScanningConfiguration', 'svc:*ScanningConfiguration', 'svc:BatchGetRepositoryScanningConfigurX*'])).toEqual([]);
    expect(findingsOf(['svc:BatchGetRepositoryScanningConfigur'])).toEqual([['unknown-action', 'svc:BatchGetRepositoryScanningConfigur', undefined]]);
  });

  it('reports each pattern once, with every policy that uses it, sorted', () => {
    const found = checkPolicies([grant(['svc:Nope'], 'Zed'), grant(['svc:Nope', 'svc:Nope'], 'Alpha')], [svc]);
    expect(found).toEqual<PolicyFinding[]>([{ finding: 'unknown-action', pattern: 'svc:Nope', policies: ['Alpha', 'Zed'] }]);
  });
});

describe('iamdiff check on the managed-policy page against the Policy Sentry snapshot', () => {
  const r = runCli(['check', PAGE, '--catalog', PS, '--format', 'json']);
  const findings = JSON.parse(r.stdout) as PolicyFinding[];
  const of = (kind: string) => findings.filter((f) => f.finding === kind);

  it('reports ecr:GetAccountSetting and ecr:GetImageCopyStatus as unknown', () => {
    expect(r.code).toBe(0);
    expect(of('unknown-action').map((f) => f.pattern)).toEqual(expect.arrayContaining(['ecr:GetAccountSetting', 'ecr:GetImageCopyStatus']));
  });

  it('reports as mis-cased exactly the lower-case spellings on the page of actions the catalog knows', () => {
    // The policy sources keep names as written (the page parser folds them onto one action, the grants do not).
    expect(loadPolicySources([PAGE])[0]!.patterns).toContain('ecr:describeImages');
    const known = new Map(loadCatalogFile(PS).actions.map((a) => [a.name.toLowerCase(), a.name]));
    const written = [...fixture('managed-policies-ecr.md').matchAll(/\[ecr:([a-z]\w*)\]/g)].map((m) => m[1]!);
    const expected = written.filter((n) => known.has(n.toLowerCase())).map((n) => ({ pattern: `ecr:${n}`, canonical: `ecr:${known.get(n.toLowerCase())}` }));
    expect(expected).toContainEqual({ pattern: 'ecr:describeImages', canonical: 'ecr:DescribeImages' });
    expect(of('mis-cased').map(({ pattern, canonical }) => ({ pattern, canonical }))).toEqual(expected.sort((a, b) => compareNames(a.pattern, b.pattern)));
  });

  it('--exit-code exits 1 on a finding; the text ends with counts per kind', () => {
    const text = runCli(['check', PAGE, '--catalog', PS, '--exit-code']);
    expect(text.code).toBe(1);
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe(`Summary: ${findings.length} findings (${of('unknown-action').length} unknown-action, ${of('mis-cased').length} mis-cased)`);
  });
});

describe('iamdiff check: bad input is one line and exit code 2', () => {
  const cases: [string[], RegExp][] = [
    [['check', PAGE], /check: --catalog X is required/],
    [['check', '--catalog', PS], /check: name the policies/],
    [['check', PAGE, '--catalog', PAGE], /managed-policies-ecr\.md: does not list a service's actions \(format managed-policies-md\)/],
    [['check', PAGE, '--catalog', 'snapshots/ecr'], /snapshots\/ecr: holds two catalogs of service ecr/],
    [['check', 'no/such.json', '--catalog', PS], /no\/such\.json: cannot read: no such file/],
    [['check', PAGE, '--catalog', PS, '--format', 'yaml'], /--format must be one of text, json \(got "yaml"\)/],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), () => {
      const r = runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^iamdiff: [^\n]*\n$/);
      expect(r.stderr).toMatch(message);
    });
  }
});
