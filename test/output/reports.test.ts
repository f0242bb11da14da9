import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { renderMarkdown } from '../../src/output/markdown-report.js';
import { renderJson, renderYaml } from '../../src/output/structured-report.js';
import { renderText } from '../../src/output/text-report.js';
import { action, catalog } from '../helpers/catalog-builder.js';

const hostile = 'Deletes a | pipe <script>alert(1)</script> \u001b[31mred\u001b[0m \u001b]0;pwned\u0007[link](http://x) *bold*';
const before = catalog('ecr', [
  action('DescribeImages', { accessLevel: 'Read', description: 'Returns metadata about the images' }),
  action('DeleteThing', { accessLevel: 'Write', description: 'Deletes a thing' }),
  action('Gone'),
]);
const after = catalog('ecr', [
  action('DescribeImages', { accessLevel: 'List', description: 'Grants permission to get metadata about the images' }),
  action('DeleteThing', { accessLevel: 'Write', description: hostile }),
  action('Fresh', { accessLevel: 'Write' }),
]);
// Diffed inside each test (not once at load): mutation testing sees which test checks what.
const diffOf = () => diffCatalogs('old.yaml', [before], 'new.yaml', [after]);

describe('text report', () => {
  const text = () => renderText(diffOf(), { color: false });

  it('groups by severity then kind, one line per change, with a summary', () => {
    const lines = text().split('\n');
    const high = lines.indexOf('HIGH (1)');
    const medium = lines.indexOf('MEDIUM (2)');
    const low = lines.indexOf('LOW (2)');
    expect(high).toBeGreaterThan(0);
    expect(medium).toBeGreaterThan(high);
    expect(low).toBeGreaterThan(medium);
    expect(lines[high + 1]).toBe('  access-level-changed (1)');
    // each change ends with its rule ID and fingerprint (issue #14)
    expect(lines[high + 2]).toBe(`    ecr:DescribeImages  Read → List  [access-level-lowered ${diffOf().changes[1]!.fingerprint}]`);
    expect(lines[high + 2]).toMatch(/ \[access-level-lowered [0-9a-f]{12}\]$/);
    expect(text()).toMatch(/\n    ecr:Fresh  \(Write\)  \[action-added [0-9a-f]{12}\]\n/);
    expect(text()).toContain('Summary: 5 changes (1 high, 2 medium, 2 low): 1 action-added, 1 action-removed, 1 access-level-changed, 2 description-changed');
  });

  it('marks word diffs without colour and strips control sequences', () => {
    expect(text()).toContain('ecr:DescribeImages  [-Returns-]{+Grants permission to get+} metadata about the images');
    expect(text()).not.toMatch(/\u001b|\u0007/);
    expect(text()).toContain('red');
  });

  it('colours only when asked', () => {
    const colored = renderText(diffOf(), { color: true });
    expect(colored).toMatch(/\u001b\[31m/);
    expect(colored.replace(/\u001b\[[0-9;]*m/g, '')).toBe(text());
  });
});

describe('markdown release notes', () => {
  const md = () => renderMarkdown(diffOf());

  it('has a title with the service and both versions, the counts, a legend and the service in a details block', () => {
    expect(md().split('\n')[0]).toBe('# ecr: IAM catalog changes, hand-written test → hand-written test');
    expect(md()).toContain('**5 changes (1 high, 2 medium, 2 low)**');
    expect(md()).toContain('| access-level-changed | access-level-lowered | high | 1 | policies generated for the lower level \\(as Policy Sentry writes them\\) silently gain the action |');
    expect(md()).toContain('<details open>\n<summary><b>ecr</b>: 5 changes (1 high, 2 medium, 2 low)</summary>');
  });

  it('escapes what would break a table or inject HTML', () => {
    const row = md().split('\n').find((l) => l.startsWith('| low | ecr:DeleteThing'))!;
    expect(row).toBeDefined();
    // exactly the 7 column separators of a 6-column row (severity, subject, change, detail, rule, fingerprint): no cell leaks a pipe
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(8);
    expect(row).not.toContain('<script>');
    expect(row).toContain('&lt;script&gt;');
    expect(row).toContain('\\[link\\]\\(http://x\\)');
    expect(md()).not.toMatch(/\u001b|\u0007/);
  });
});

describe('json and yaml', () => {
  it('are byte-identical between runs and sorted', () => {
    const again = diffCatalogs('old.yaml', [before], 'new.yaml', [after]);
    expect(renderJson(again)).toBe(renderJson(diffOf()));
    expect(renderYaml(again)).toBe(renderYaml(diffOf()));
  });

  it('have the documented shape, and yaml says what json says', () => {
    const json = JSON.parse(renderJson(diffOf()));
    expect(Object.keys(json)).toEqual(['old', 'new', 'notCompared', 'summary', 'changes']);
    expect(json.old).toMatchObject({ path: 'old.yaml', format: 'hand-written', label: 'test', services: ['ecr'] });
    expect(json.changes.map((c: { action: string }) => c.action)).toEqual(['DeleteThing', 'DescribeImages', 'DescribeImages', 'Fresh', 'Gone']);
    expect(json.changes[1]).toMatchObject({ kind: 'access-level-changed', severity: 'high', service: 'ecr', before: 'Read', after: 'List' });
    expect(parseYaml(renderYaml(diffOf()))).toEqual(json);
    expect(renderJson(diffOf())).not.toContain('\u001b');
  });
});
