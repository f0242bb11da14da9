import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { applyConfig } from '../../src/config/apply-config.js';
import { loadConfig, parseConfig } from '../../src/config/load-config.js';
import { computeDiff } from '../../src/commands/diff-command.js';
import { fixturePath } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const OLD = fixturePath('policy-sentry-ecr.md');
const NEW = fixturePath('box-table-ecr.txt');
const work = mkdtempSync(join(tmpdir(), 'iamdiff-config-'));
let n = 0;

/** A fresh directory holding `.iamdiff.yaml` with `text`. */
function project(text: string): string {
  const dir = join(work, `p${n++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, '.iamdiff.yaml'), text);
  return dir;
}

const diff = (cwd: string, ...args: string[]) => runCli(['diff', OLD, NEW, '--service', 'ecr', ...args], { cwd });

describe('finding the config', () => {
  it('is .iamdiff.yaml in the working directory or the nearest above; --config names another', () => {
    const dir = project('rules:\n  description-changed: none\n  condition-key-added: none\n');
    const deep = join(dir, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    expect(loadConfig(undefined, deep)?.file).toBe(join(dir, '.iamdiff.yaml'));
    expect(loadConfig(undefined, tmpdir())).toBeUndefined();
    // from a subdirectory, the project's rules apply: condition-key-added dropped
    const r = diff(deep);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Summary: 17 changes');
    expect(r.stdout).not.toContain('condition-key-added');
    // --config elsewhere
    const other = project('rules:\n  action-added: low\n');
    const c = runCli(['diff', OLD, NEW, '--service', 'ecr', '--config', join(other, '.iamdiff.yaml')], { cwd: deep });
    expect(c.stdout).toContain('condition-key-added');
    expect(c.stdout).toMatch(/LOW \(17\)\n {2}action-added \(13\)\n {4}ecr:BatchImportUpstreamImage {2}\(Write\) {2}\[action-added [0-9a-f]{12} \(default medium\)\]/);
    expect(runCli(['diff', OLD, NEW, '--config', join(work, 'nope.yaml')]).stderr).toBe(`iamdiff: --config ${join(work, 'nope.yaml')}: no such file (see iamdiff diff --help)\n`);
  });
});

describe('validation: one line with file and line, exit code 2', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['unknown rule', 'rules:\n  action-added: high\n  descripton-changed: none\n', /\.iamdiff\.yaml:3: rules: unknown rule ID "descripton-changed" \(close: description-changed\)/],
    ['bad severity', 'rules:\n  action-added: critical\n', /\.iamdiff\.yaml:2: rules\.action-added: Invalid option: expected one of "high"\|"medium"\|"low"\|"none"/],
    ['unknown top-level key', '# comment\nrule:\n  action-added: high\n', /\.iamdiff\.yaml:2: unknown key "rule" \(close: rules\)/],
    ['a fingerprint that is not one', 'accept:\n  - fingerprint: xyz\n    reason: ok\n', /\.iamdiff\.yaml:2: accept\.0\.fingerprint: a fingerprint: 12 hex digits/],
    ['no reason', 'accept:\n  - service: ec2\n', /\.iamdiff\.yaml:2: accept\.0: reason is required/],
    ['nothing named', 'accept:\n  - reason: because\n', /\.iamdiff\.yaml:2: accept\.0: name what is accepted/],
    ['a kind that does not exist', 'accept:\n  - kind: action-addded\n    reason: x\n', /\.iamdiff\.yaml:2: accept\[0\]\.kind: unknown change kind "action-addded" \(close: action-added/],
    ['a bad date', 'accept:\n  - service: ecr\n    reason: x\n    expires: next year\n', /\.iamdiff\.yaml:4: accept\.0\.expires: a date YYYY-MM-DD/],
    ['an option no command has', 'defaults:\n  fail-onn: high\n', /\.iamdiff\.yaml:2: defaults: "fail-onn" is neither an option nor a command \(close: fail-on/],
    ['a value the option does not take', 'defaults:\n  diff:\n    format: pdf\n', /\.iamdiff\.yaml:3: defaults: --format of diff must be one of text, markdown, html, json, yaml, github, junit \(got "pdf"\)/],
    ['not YAML', 'rules: [\n', /\.iamdiff\.yaml:2: not valid YAML/],
    ['a default of an option that names a file', 'defaults:\n  fail-on: high\n  output: report.md\n', /\.iamdiff\.yaml:3: defaults: --output cannot have a default/],
  ];
  for (const [what, text, message] of cases) {
    it(what, () => {
      const r = diff(project(text));
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    });
  }
});

describe('defaults', () => {
  it('apply to the commands that take them; the command line wins', () => {
    const dir = project('defaults:\n  format: json\n  fail-on: high\n  log:\n    format: yaml\n');
    const r = diff(dir);
    expect(r.code).toBe(1); // fail-on high: 2 high changes
    expect(JSON.parse(r.stdout).changes).toHaveLength(21);
    expect(diff(dir, '--format', 'text', '--fail-on', 'low').stdout).toMatch(/^iamdiff ecr:/);
    // check takes --format text|json: json from the shared default
    expect(runCli(['check', fixturePath('managed-policies-ecr.md'), '--catalog', NEW, '--service', 'ecr'], { cwd: dir }).stdout).toMatch(/^\[/);
  });
});

describe('accepted changes', () => {
  it('are left out of --fail-on and --exit-code, listed apart, in every output', async () => {
    const result = await computeDiff(OLD, NEW, { service: 'ecr' });
    const lowered = result.changes.find((c) => c.rule === 'access-level-lowered')!;
    const dir = project(
      [
        '# our accepted changes',
        'accept:',
        `  - fingerprint: ${lowered.fingerprint}   # DescribeImages`,
        '    reason: read-only for us',
        '    expires: 2999-12-31',
        '  - rule: resource-removed',
        '    service: ecr',
        '    reason: repositories are not scoped by ARN here',
        '  - action: "PutRegistry*"',
        '    reason: registry settings',
        '  - rule: condition-key-added',
        '    reason: expired long ago',
        '    expires: 2000-01-01',
        '',
      ].join('\n'),
    );
    // both HIGH changes accepted: the gate passes
    const text = diff(dir, '--fail-on', 'high');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Summary: 17 changes (0 high, 13 medium, 4 low)');
    expect(text.stdout).toContain('; accepted: 4');
    expect(text.stdout).toContain('ACCEPTED (4): not counted by --fail-on or --exit-code');
    expect(text.stdout).toContain(`↳ accepted: read-only for us (until 2999-12-31; .iamdiff.yaml:3, fingerprint ${lowered.fingerprint})`);
    expect(text.stdout).toContain('↳ accepted: registry settings (.iamdiff.yaml:9, action: PutRegistry*)');
    // the expired one no longer applies, and says so
    expect(text.stderr).toBe('iamdiff: note: .iamdiff.yaml:11: acceptance expired on 2000-01-01 (expired long ago): no longer applies (rule: condition-key-added; 4 changes it matched counted again)\n');
    expect(text.stdout).toContain('condition-key-added (4)');
    // --exit-code: medium changes remain
    expect(diff(dir, '--exit-code').code).toBe(1);
    expect(diff(dir, '--exit-code', '--only', 'access-level-lowered,resource-removed').code).toBe(0);

    const json = JSON.parse(diff(dir, '--format', 'json').stdout);
    expect(json.changes).toHaveLength(17);
    expect(json.accepted.map((c: { rule: string }) => c.rule).sort()).toEqual(['access-level-lowered', 'action-added', 'action-added', 'resource-removed']);
    expect(json.accepted[0].acceptance).toMatchObject({ source: expect.stringMatching(/^\.iamdiff\.yaml:\d+$/), match: expect.any(String), reason: expect.any(String) });
    expect(json.expiredAcceptances).toEqual([{ reason: 'expired long ago', expires: '2000-01-01', source: '.iamdiff.yaml:11', match: 'rule: condition-key-added', changes: 4 }]);
    expect(parseYaml(diff(dir, '--format', 'yaml').stdout)).toEqual(json);
    const md = diff(dir, '--format', 'markdown').stdout;
    expect(md).toContain('\naccepted: 4\n');
    expect(md).toContain('<summary>accepted: 4 (not counted by --fail-on or --exit-code)</summary>');
    const html = diff(dir, '--format', 'html').stdout;
    expect(html).toContain('<details id="accepted"><summary>accepted: 4 (not counted by --fail-on or --exit-code)</summary>');
    const github = diff(dir, '--format', 'github', '--fail-on', 'high');
    expect(github.code).toBe(0);
    expect(github.stdout).toContain('::group::iamdiff accepted: 4\n');
    expect(github.stdout).not.toContain('::error');
    expect(diff(dir, '--format', 'junit').stdout).toContain('<property name="accepted" value="4"/>');
  });

  it('are applied in-process exactly as the command does: overrides first, then acceptance', async () => {
    const result = await computeDiff(OLD, NEW, { service: 'ecr' });
    const config = parseConfig('/x/.iamdiff.yaml', 'rules:\n  action-added: none\n  access-level-raised: high\naccept:\n  - kind: access-level-changed\n    reason: r\n');
    const judged = applyConfig(result, config, '2026-01-01');
    expect(judged.changes.some((c) => c.kind === 'action-added')).toBe(false);
    expect(judged.accepted!.map((c) => `${c.rule} ${c.severity} ${c.defaultSeverity ?? ''}`).sort()).toEqual(['access-level-lowered high ', 'access-level-raised high medium']);
    expect(judged.summary['action-added']).toBeUndefined();
    expect(judged.changes.length + judged.accepted!.length).toBe(21 - 13);
  });
});

describe("the README's example config", () => {
  it('is a valid config that does what the README says', async () => {
    const { readFileSync } = await import('node:fs');
    const { ROOT } = await import('../helpers/paths.js');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /## Config file[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const config = parseConfig('/r/.iamdiff.yaml', example);
    expect(config.rules['description-changed']!.value).toBe('none');
    expect(config.defaults['fail-on']!.value).toBe('high');
    expect(config.commandDefaults.diff!.format!.value).toBe('markdown');
    const result = await computeDiff(OLD, NEW, { service: 'ecr' });
    const judged = applyConfig(result, config, '2026-01-01');
    // DescribeImages by fingerprint (a81470be20db is its fingerprint), Describe* access-level changes by pattern
    expect(result.changes.find((c) => c.rule === 'access-level-lowered')!.fingerprint).toBe('a81470be20db');
    expect(judged.accepted!.map((c) => `${c.action} ${c.acceptance.match}`).sort()).toEqual(['DescribeImages fingerprint a81470be20db', 'DescribeRepositories kind: access-level-changed, action: Describe*']);
    expect(judged.changes.filter((c) => c.rule === 'action-added').every((c) => c.severity === 'high' && c.defaultSeverity === 'medium')).toBe(true);
    // a comment in the example names the change as iamdiff accept writes it
    expect(example).toContain('# ecr:DescribeImages access-level-lowered Read → List');
  });
});

describe('many accepted changes in release notes', () => {
  it('are counted, and listed up to 100 rows so the notes keep their size budget', async () => {
    const { renderMarkdown } = await import('../../src/output/markdown-report.js');
    const { diffCatalogs } = await import('../../src/diff/diff-catalogs.js');
    const { action, catalog } = await import('../helpers/catalog-builder.js');
    const after = catalog('svc', Array.from({ length: 250 }, (_, i) => action(`Action${String(i).padStart(3, '0')}`)));
    const result = applyConfig(diffCatalogs('a', [catalog('svc', [])], 'b', [after]), parseConfig('/c/.iamdiff.yaml', 'accept:\n  - rule: action-added\n    reason: new actions are fine\n'));
    expect(result.accepted).toHaveLength(250);
    const md = renderMarkdown(result);
    expect(md).toContain('\naccepted: 250\n');
    expect(md.match(/\| new actions are fine/g)).toHaveLength(100);
    expect(md).toContain('_150 more accepted changes are not listed here (`--format json` lists them all)._');
  });
});
