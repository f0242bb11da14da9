import { describe, expect, it } from 'vitest';
import { loadCatalogFile } from '../../src/io/read-input.js';
import { compileActionPattern } from '../../src/policy/action-pattern.js';
import { cutNameMatch, expandPattern, expansionDelta, uncertainGrants } from '../../src/policy/expand-patterns.js';
import { action, catalog } from '../helpers/catalog-builder.js';
import { runCli } from '../helpers/run-cli.js';

const PS = 'snapshots/ecr/policy-sentry-ecr.policy-sentry-md.yaml';
const BOX = 'snapshots/ecr/2022-11-10.box-table.yaml';
const TYPEDOC = 'snapshots/ecr/2024-02-12.typedoc-enum.yaml';
const CUT = 'BatchGetRepositoryScanningConfigur'; // the box table's cut name
const load = (file: string) => [loadCatalogFile(file)];

describe('a pattern against a name the source cut', () => {
  const match = (pattern: string, cut = CUT) => cutNameMatch(compileActionPattern(pattern), 'ecr', cut);

  it('matches every name it could be when a trailing * absorbs the rest', () => {
    expect(match('ecr:BatchGet*')).toBe('every');
    expect(match('ECR:batch?et*')).toBe('every');
    expect(match('*')).toBe('every');
    expect(match('ecr:*')).toBe('every');
  });

  it('matches some when the rest of the pattern could follow the cut', () => {
    expect(match('ecr:*Configuration')).toBe('some');
    expect(match('ecr:BatchGetRepositoryScanningConfiguration')).toBe('some');
    expect(match('ecr:BatchGetRepositoryScanningConfigur?tion')).toBe('some');
  });

  it('matches none when the cut already rules the pattern out', () => {
    expect(match('ecr:Describe*')).toBe('none');
    expect(match(`ecr:${CUT}`)).toBe('none'); // the real name is longer than the cut
    expect(match('s3:*')).toBe('none');
    expect(match('ecr:BatchGetImage')).toBe('none');
  });
});

describe('expandPattern and expansionDelta on the seed snapshots', () => {
  it('a one-version expansion includes a cut name the pattern surely grants, marked', () => {
    expect(expandPattern('ecr:BatchGet*', load(BOX))).toEqual([
      { action: 'ecr:BatchGetImage', accessLevel: 'Read' },
      { action: `ecr:${CUT}…`, accessLevel: 'Read', truncated: true },
    ]);
    expect(uncertainGrants('ecr:*Configuration', load(BOX)).map((g) => g.action)).toEqual([`ecr:${CUT}…`]);
  });

  it('ecr:Describe* newly grants, from Policy Sentry to the box table, exactly the Describe actions only the box table lists', () => {
    const names = (file: string) => new Set(loadCatalogFile(file).actions.map((a) => a.name));
    const [before, after] = [names(PS), names(BOX)];
    const expected = [...after].filter((n) => n.startsWith('Describe') && !before.has(n)).map((n) => `ecr:${n}`).sort();
    expect(expected).toEqual(['ecr:DescribeImageReplicationStatus', 'ecr:DescribePullThroughCacheRules', 'ecr:DescribeRegistry']);
    const delta = expansionDelta('ecr:Describe*', load(PS), load(BOX));
    expect(delta.added.map((g) => g.action)).toEqual(expected);
    expect(delta.removed).toEqual([]);
    expect(delta.kept).toBe([...before].filter((n) => n.startsWith('Describe')).length);
  });

  it('pairs a cut name with the full name of the other version, as diff does: no false grant or loss', () => {
    const delta = expansionDelta('ecr:BatchGet*', load(BOX), load(TYPEDOC));
    expect(delta).toEqual({ added: [], removed: [], kept: 2, uncertain: [] });
    const exact = expansionDelta('ecr:BatchGetRepositoryScanningConfiguration', load(BOX), load(TYPEDOC));
    expect(exact).toEqual({ added: [], removed: [], kept: 1, uncertain: [] });
  });

  it('says which cut names it cannot decide when the other version lacks the action', () => {
    const delta = expansionDelta('ecr:*Configuration', load(PS), load(BOX));
    expect(delta.uncertain.map((g) => g.action)).toEqual([`ecr:${CUT}…`]);
    expect(delta.added.map((g) => g.action)).not.toContain(`ecr:${CUT}…`);
  });

  it('a removed action is no longer granted', () => {
    const older = [catalog('svc', [action('GetA'), action('GetB')])];
    const newer = [catalog('svc', [action('GetA'), action('GetC', { accessLevel: 'Write' })])];
    expect(expansionDelta('svc:get*', older, newer)).toEqual({
      added: [{ action: 'svc:GetC', accessLevel: 'Write' }],
      removed: [{ action: 'svc:GetB', accessLevel: 'Read' }],
      kept: 1,
      uncertain: [],
    });
  });
});

describe('iamdiff expand through the built CLI', () => {
  it('prints new grants and undecidable cut names', () => {
    const r = runCli(['expand', 'ecr:*Configuration', '--catalog', PS, '--catalog', BOX]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'ecr:*Configuration: 3 newly granted, 0 no longer granted, 1 unchanged',
        ' newly granted:',
        '  ecr:GetRegistryScanningConfiguration  (Read)',
        '  ecr:PutRegistryScanningConfiguration  (Write)',
        '  ecr:PutReplicationConfiguration  (Write)',
        ' may grant (a name the source cut; the pattern matches some names it could be):',
        `  ecr:${CUT}…  (Read)`,
        '',
      ].join('\n'),
    );
  });

  it('bad input is one line and exit code 2', () => {
    const cases: [string[], RegExp][] = [
      [['expand', 'ecr:*', '--catalog', 'snapshots/ecr'], /^iamdiff: snapshots\/ecr: holds two catalogs of service ecr \(.*\): name one version\n$/],
      [['expand', 'ecr:*', '--catalog', 'no/such.yaml'], /^iamdiff: no\/such\.yaml: cannot read: no such file\n$/],
      [['expand', 'ecr:*', '--catalog', PS, '--catalog', BOX, '--catalog', PS], /give --catalog once .* or twice/],
      [['expand', 'ecr:*', '--catalog', PS, '--format', 'markdown'], /--format must be one of text, json \(got "markdown"\)/],
      [['expand', '--catalog', PS], /expand: give at least one PATTERN/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
