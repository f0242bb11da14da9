/**
 * Hand-made hostile documents, one per weakness class the issue names (crashes, super-linear
 * time, nesting), each built at a chosen size. `npm run fuzz` times them at 1 MB; the
 * normal suite runs them small and checks the outcome (a catalog or a located InputError).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './targets.js';

export interface HostileCase {
  format: string;
  name: string;
  /** The document, about `bytes` long. */
  make(bytes: number): string;
  /** iam-data: which file of the layout the document replaces (see targets.ts). */
  seedIndex?: number;
}

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));

const MD_HEAD = '# Actions, resources, and condition keys for X\n\nX \\(service prefix: `x`\\) provides\n\n## Actions defined by X\n\n';
const HTML_HEAD = '<html><body><h1>Actions, resources, and condition keys for X</h1><p>(service prefix: <code class="code">x</code>)</p>\n';

export const HOSTILE_CASES: HostileCase[] = [
  // ------------------------------------------------------------ snapshot (YAML)
  { format: 'snapshot', name: 'YAML alias bomb', make: () => 'iamdiff: snapshot/1\n' + 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]\n`).join('') },
  { format: 'snapshot', name: 'unresolved YAML alias', make: () => 'iamdiff: snapshot/1\nservice: *nowhere\n' },
  { format: 'snapshot', name: 'deeply nested flow YAML', make: (n) => 'iamdiff: snapshot/1\nservice: ' + fill('[', n / 2) + '\n' },
  { format: 'snapshot', name: 'deeply nested block YAML', make: (n) => 'iamdiff: snapshot/1\nservice:\n' + Array.from({ length: Math.min(20000, Math.floor(Math.sqrt(n))) }, (_, i) => `${' '.repeat(i + 1)}- \n`).join('') },
  { format: 'snapshot', name: 'upper-case service prefix', make: () => fixture('fuzz-seeds/ecr.aws-docs-md.yaml').replace('"prefix":"ecr"', '"prefix":"ECR"') },
  { format: 'snapshot', name: 'prefix that climbs out of --out', make: () => fixture('fuzz-seeds/ecr.aws-docs-md.yaml').replace(/"prefix":"ecr"/, '"prefix":"../.."') },
  // ------------------------------------------------------------ aws-docs-md
  { format: 'aws-docs-md', name: 'table header with too few cells', make: () => 'service prefix: `x`\n## Actions\n| Actions |\n| --- |\n| A |\n' },
  { format: 'aws-docs-md', name: 'unclosed markdown links in a cell', make: (n) => MD_HEAD + '| Actions | Description | Access level | Resource types | Condition keys | Dependent actions |\n| --- | --- | --- | --- | --- | --- |\n| A | d | Read | ' + fill('[a', n) + ' |  |  |\n' },
  { format: 'aws-docs-md', name: 'links whose URL never closes', make: (n) => MD_HEAD + '| Actions | Description | Access level | Resource types | Condition keys | Dependent actions |\n| --- | --- | --- | --- | --- | --- |\n| A | d | Read | ' + fill('[a](', n) + ' |  |  |\n' },
  { format: 'aws-docs-md', name: 'a cell of 100,000 condition keys', make: (n) => MD_HEAD + '| Actions | Description | Access level | Resource types | Condition keys | Dependent actions |\n| --- | --- | --- | --- | --- | --- |\n| A | d | Read |  | ' + fill('x:k ', n) + ' |  |\n' },
  { format: 'aws-docs-md', name: 'many unclosed service prefix backticks', make: (n) => fill('service prefix: `', n) },
  { format: 'aws-docs-md', name: 'page cut at a row boundary', make: () => fixture('aws-docs-ecr.md').split('\n').slice(0, 40).join('\n') + '\n' },
  // ------------------------------------------------------------ aws-docs-html
  { format: 'aws-docs-html', name: '12,000 unclosed tags in a cell', make: () => HTML_HEAD + '<table><tr><th>Actions</th></tr><tr><td>A</td><td>' + '<span>'.repeat(12000) + 'x' + '</td><td>Read</td><td></td><td></td><td></td></tr></table></body></html>' },
  { format: 'aws-docs-html', name: '12,000 nested tags in a cell', make: () => HTML_HEAD + '<table><tr><th>Actions</th></tr><tr><td>A</td><td>' + '<span>'.repeat(12000) + 'x' + '</span>'.repeat(12000) + '</td><td>Read</td><td></td><td></td><td></td></tr></table></body></html>' },
  { format: 'aws-docs-html', name: 'a cell of 100,000 items', make: (n) => HTML_HEAD + '<table><tr><th>Actions</th></tr><tr><td>A</td><td>d</td><td>Read</td><td></td><td>' + fill('<p>x:k</p>', n) + '</td><td></td></tr></table></body></html>' },
  { format: 'aws-docs-html', name: 'close tags that match nothing (hid nesting)', make: (n) => HTML_HEAD + '<table><tr><th>Actions</th></tr><tr><td>A</td><td>' + fill('<span></i>', n) + '</td></tr></table></body></html>' },
  { format: 'aws-docs-html', name: 'many open elements, many stray close tags', make: (n) => HTML_HEAD + '<table><tr><th>Actions</th></tr><tr><td>A</td><td>' + '<div>'.repeat(200) + fill('</span>', n) + '</td></tr></table></body></html>' },
  { format: 'aws-docs-html', name: 'unclosed <th> tags', make: (n) => HTML_HEAD + '<table>' + fill('<th>', n) + '</table>' },
  { format: 'aws-docs-html', name: 'unclosed <h1> tags', make: (n) => '<html>' + fill('<h1 x', n) + '(service prefix: <code>x</code>)<table><tr><th>Actions</th></tr></table>' },
  { format: 'aws-docs-html', name: 'service prefix code never closed', make: (n) => '<table>' + fill('service prefix: <code ', n) },
  { format: 'aws-docs-html', name: 'page cut after its last table', make: () => { const t = fixture('html/ec2instanceconnect-2026-06-14.html'); return t.slice(0, t.lastIndexOf('</table>') + 8); } },
  // ------------------------------------------------------------ box-table
  { format: 'box-table', name: '"Last updated:" line of spaces', make: (n) => 'Last updated:' + fill(' ', n) + 'x\n' + fixture('box-table-ecr.txt') },
  { format: 'box-table', name: 'one action over many row groups', make: (n) => { const t = fixture('box-table-ecr.txt'); const rows = t.split('\n'); const head = rows.slice(0, 8).join('\n'); return head + '\n' + fill(rows.slice(8, 12).join('\n') + '\n', n) + rows.at(-2) + '\n'; } },
  // ------------------------------------------------------------ typedoc-enum
  { format: 'typedoc-enum', name: 'title line of spaces', make: (n) => 'All IAM policy actions for a' + fill(' ', n) + 'b\n' + fixture('typedoc-AwsEcrActions.md') },
  { format: 'typedoc-enum', name: 'description line of one long word', make: (n) => fixture('typedoc-AwsEcrActions.md').replace('Grants permission to', fill('a', n) + '!') },
  // ------------------------------------------------------------ policy-sentry-md
  { format: 'policy-sentry-md', name: '"- access level:" line with CRs', make: (n) => fixture('policy-sentry-ecr.md').replace('- access level: Read', '- access level:' + fill(' ', n) + 'x\ry') },
  { format: 'policy-sentry-md', name: 'many code fences', make: (n) => fixture('policy-sentry-ecr.md').replace('### BatchGetImage', '### BatchGetImage\n' + fill('```\n{}\n```\n', n)) },
  { format: 'policy-sentry-md', name: 'front matter of broken lines full of CRs', make: (n) => '---\n' + fill(`a: [${'\r'.repeat(200)}\n`, Math.min(n, 60 * 1024)) + '---\n' + fixture('policy-sentry-ecr.md').replace(/^---[\s\S]*?---\n/, '') },
  { format: 'policy-sentry-md', name: 'front matter of 1 MB', make: (n) => '---\n' + fill('title: x\n', n) + '---\n' + fixture('policy-sentry-ecr.md').replace(/^---[\s\S]*?---\n/, '') },
  // ------------------------------------------------------------ managed-policies-md
  { format: 'managed-policies-md', name: 'one name on every row, spelt two ways', make: (n) => '# Service: ecr\n\n## Allowed Actions\n\n| Action |\n| --- |\n' + fill('| ecr:getThing |\n| ecr:GetThing |\n', n) },
  { format: 'managed-policies-md', name: 'unclosed links and backticks in cells', make: (n) => '# Service: ecr\n\n## Allowed Actions\n\n| Action |\n| --- |\n| ' + fill('[`', n) + ' |\n' },
  { format: 'managed-policies-md', name: 'a cell of backticks', make: (n) => '# Service: ecr\n\n## Allowed Actions\n\n| Action |\n| --- |\n| ' + fill('`', n) + 'x |\n' },
  // ------------------------------------------------------------ iam-data-json
  { format: 'iam-data-json', name: 'a null action', seedIndex: 0, make: () => '{ "x": null }' },
  { format: 'iam-data-json', name: 'a string where a list belongs', seedIndex: 0, make: () => '{ "x": { "name": "X", "accessLevel": "Read", "resourceTypes": "repository" } }' },
  { format: 'iam-data-json', name: 'a number where a string belongs', seedIndex: 0, make: () => '{ "x": { "name": "X", "accessLevel": "Read", "description": 42 } }' },
  { format: 'iam-data-json', name: 'deeply nested JSON', seedIndex: 0, make: (n) => fill('[', n) },
  { format: 'iam-data-json', name: 'a condition key that is an object', seedIndex: 3, make: () => '{ "k": { "key": { "a": 1 } } }' },
  // ------------------------------------------------------------ policy-json
  { format: 'policy-json', name: '10,000 nested [', make: () => '{"Statement": ' + '['.repeat(10000) },
  { format: 'policy-json', name: 'a 1 MB action pattern', make: (n) => JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'ecr:' + fill('*a', n) }] }) },
  { format: 'policy-json', name: 'ecr:***********Z', make: () => JSON.stringify({ Statement: [{ Effect: 'Allow', Action: ['ecr:***********Z', 'ecr:*?*?*?*?*?*?*?*?*?*?*?*?*?Z'] }] }) },
  { format: 'policy-json', name: 'many statements', make: (n) => JSON.stringify({ Statement: Array.from({ length: Math.floor(n / 60) }, (_, i) => ({ Effect: 'Allow', Action: `ecr:Get${i}*` })) }, null, 1) },
];
