import Ajv2020 from 'ajv/dist/2020.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDiff } from '../../src/commands/diff-command.js';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { RULE_IDS, SEVERITY_RULES } from '../../src/diff/severity-rules.js';
import { escapeData, escapeProperty, renderGithub } from '../../src/output/github-report.js';
import { renderJunit } from '../../src/output/junit-report.js';
import { action, catalog } from '../helpers/catalog-builder.js';
import { fixturePath, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const OLD = fixturePath('policy-sentry-ecr.md');
const NEW = fixturePath('box-table-ecr.txt');

// Text a document could hold to break out of a workflow command or an XML attribute.
const hostile = 'Deletes %0A::error::pwned% 50%, a:b\r\n::warning title=x::injected </failure><x a="1"> & \u001b[31mred\u001b[0m';
const hostileResultOf = () => diffCatalogs('old.yaml', [catalog('ecr', [action('DeleteThing', { description: 'Deletes a thing' })])], 'new.yaml', [catalog('ecr', [action('DeleteThing', { description: hostile }), action('New::Thing%0A', { accessLevel: 'Write' })])]);

describe('--format github', () => {
  it('escapes data and properties as the toolkit does', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('one annotation per change, error at or above --fail-on, one summary last; the seeds', () => {
    const r = runCli(['diff', OLD, NEW, '--service', 'ecr', '--format', 'github', '--fail-on', 'medium']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(22);
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(17); // 2 high + 15 medium
    expect(lines.filter((l) => l.startsWith('::notice ')).length).toBe(5); // 4 low + the summary
    expect(lines).toContainEqual(expect.stringMatching(/^::error title=iamdiff HIGH access-level-lowered%3A ecr%3ADescribeImages::ecr:DescribeImages {2}Read → List%0Apolicies generated for the lower level \(as Policy Sentry writes them\) silently gain the action%0Arule access-level-lowered · fingerprint [0-9a-f]{12} · access-level-changed$/));
    expect(lines.at(-1)).toBe('::notice title=iamdiff summary::policy-sentry-md policy-sentry-ecr → box-table 2022-11-10T16:11:37+00:00: 21 changes (2 high, 15 medium, 4 low); failing at medium and above');
    // without --fail-on: high error, medium warning, low notice
    const plain = runCli(['diff', OLD, NEW, '--service', 'ecr', '--format', 'github']).stdout.split('\n');
    expect(plain.filter((l) => l.startsWith('::error ')).length).toBe(2);
    expect(plain.filter((l) => l.startsWith('::warning ')).length).toBe(15);
  });

  it('hostile document text cannot end a command or start another', () => {
    const out = renderGithub(hostileResultOf(), { failOn: 'low' });
    const lines = out.trimEnd().split('\n');
    // every line is one of our commands: nothing a document wrote starts a line
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) title=[^:]*::/);
    expect(lines).toHaveLength(hostileResultOf().changes.length + 1);
    expect(out).not.toContain('\r');
    expect(out).not.toMatch(/\u001b/);
    expect(out).toContain('%250A::error::pwned%25 50%25');
    // the subject in the title is a property: colons and commas escaped
    expect(out).toContain('title=iamdiff MEDIUM action-added%3A ecr%3ANew%3A%3AThing%250A::');
  });
});

describe('--format junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testcase', 'failure', 'property'].includes(name) });
  type Case = { name: string; classname: string; failure?: Array<{ message: string; type: string; '#text': string }>; skipped?: unknown; 'system-out'?: string };

  it('is well-formed XML with one test case per rule and a failure per change at or above --fail-on', async () => {
    const r = runCli(['diff', OLD, NEW, '--service', 'ecr', '--format', 'junit', '--fail-on', 'medium']);
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = parser.parse(r.stdout);
    const suite = doc.testsuites.testsuite;
    const cases = suite.testcase as Case[];
    expect(cases.map((c) => c.name.split(' ')[0])).toEqual(RULE_IDS);
    const failures = cases.flatMap((c) => c.failure ?? []);
    const result = await computeDiff(OLD, NEW, { service: 'ecr' });
    expect(failures).toHaveLength(result.changes.filter((c) => c.severity !== 'low').length);
    const failing = cases.filter((c) => c.failure);
    expect(failing.map((c) => c.name.split(' ')[0]).sort()).toEqual(['access-level-lowered', 'access-level-raised', 'action-added', 'action-unresolved', 'resource-removed']);
    expect(Number(suite.failures)).toBe(failing.length);
    expect(Number(doc.testsuites.tests)).toBe(SEVERITY_RULES.length);
    // low changes pass, listed in system-out
    const keys = cases.find((c) => c.name.startsWith('condition-key-added '))!;
    expect(keys.failure).toBeUndefined();
    expect(keys['system-out']!.split('\n')).toHaveLength(4);
    expect(failures.find((f) => f.message.startsWith('ecr:DescribeImages'))!.message).toBe('ecr:DescribeImages  Read → List');
  });

  it('escapes hostile text; --exit-code without --fail-on fails every change; default high', () => {
    const xml = renderJunit(hostileResultOf(), { failAt: 'low' });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    const texts = (doc.testsuites.testsuite.testcase as Case[]).flatMap((c) => (c.failure ?? []).map((f) => f['#text']));
    expect(texts.some((t) => t.includes('</failure><x a="1"> &'))).toBe(true); // read back as the text it was
    expect(runCli(['diff', OLD, NEW, '--service', 'ecr', '--format', 'junit', '--exit-code']).stdout.match(/<failure /g)).toHaveLength(21);
    expect(runCli(['diff', OLD, NEW, '--service', 'ecr', '--format', 'junit']).stdout.match(/<failure /g)).toHaveLength(2);
  });
});

describe('--format json and iamdiff schema', () => {
  const schema = JSON.parse(runCli(['schema']).stdout);
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);
  const check = (text: string) => {
    const ok = validate(JSON.parse(text));
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
  };

  it('real output validates: seeds, policies, a whole directory pair, the Service Reference kinds, accepted changes', () => {
    check(runCli(['diff', OLD, NEW, '--service', 'ecr', '--format', 'json']).stdout);
    check(runCli(['diff', OLD, NEW, '--service', 'ecr', '--format', 'json', '--policies', fixturePath('managed-policies-ecr.md')]).stdout);
    check(runCli(['diff', fixturePath('service-reference/2025-07-08'), fixturePath('service-reference/2025-09-10'), '--format', 'json']).stdout);
    check(runCli(['diff', fixturePath('aws-docs-ecr.md'), fixturePath('policy-sentry-ecr.md'), '--format', 'json']).stdout); // word diffs
    // a config that overrides, accepts and has expired
    const dir = mkdtempSync(join(tmpdir(), 'iamdiff-schema-'));
    writeFileSync(join(dir, '.iamdiff.yaml'), 'rules:\n  action-added: low\naccept:\n  - rule: access-level-lowered\n    reason: r\n    expires: 2999-01-01\n  - service: ecr\n    kind: condition-key-added\n    reason: old\n    expires: 2001-01-01\n');
    const accepted = runCli(['diff', OLD, NEW, '--service', 'ecr', '--format', 'json'], { cwd: dir }).stdout;
    expect(JSON.parse(accepted).accepted).toHaveLength(1);
    expect(JSON.parse(accepted).expiredAcceptances).toHaveLength(1);
    expect(JSON.parse(accepted).changes.find((c: { rule: string }) => c.rule === 'action-added').defaultSeverity).toBe('medium');
    check(accepted);
  });

  it('is published by iamdiff schema, and a copy in test/fixtures/iamdiff-diff.schema.json is kept current', () => {
    expect(readFileSync(join(ROOT, 'test/fixtures/iamdiff-diff.schema.json'), 'utf8')).toBe(runCli(['schema']).stdout);
  });

  it('rejects what is not the report', () => {
    const good = JSON.parse(runCli(['diff', OLD, NEW, '--service', 'ecr', '--format', 'json']).stdout);
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, changes: [{ ...good.changes[0], rule: 'no-such-rule' }] })).toBe(false);
    expect(validate({ ...good, changes: [{ ...good.changes[0], fingerprint: 'abc' }] })).toBe(false);
    expect(validate({ ...good, extra: 1 })).toBe(false);
  });
});
