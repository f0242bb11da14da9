import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const PS = 'test/fixtures/policy-sentry-ecr.md';
const BOX = 'test/fixtures/box-table-ecr.txt';

/** Exit code 2 and exactly one line on stderr, matching `message`. */
function expectBadInput(args: string[], message: RegExp) {
  const r = runCli(args);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^iamdiff: [^\n]*\n$/);
  expect(r.stderr).toMatch(message);
}

describe('iamdiff compare through the built CLI', () => {
  it('gives markdown tables for the seeds, the truncated box-table name resolved by the TypeDoc page', () => {
    const r = runCli(['compare', PS, BOX, 'test/fixtures/typedoc-AwsEcrActions.md', '--service', 'ecr', '--format', 'markdown', '--only-disagreements']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| ecr:DescribeImages | Read | List | ? | ✗ |');
    expect(r.stdout).toContain('| ecr:BatchGetRepositoryScanningConfiguration | — | yes | yes | ✗ |');
    expect(r.stdout).not.toContain('Configur…');
  });

  it('bad input is one line and exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamdiff-compare-'));
    writeFileSync(join(dir, 'empty.md'), '');
    expectBadInput(['compare', PS, join(dir, 'missing.md')], /missing\.md: cannot read: no such file/);
    expectBadInput(['compare', PS, join(dir, 'empty.md')], /empty\.md:1: file is empty/);
    expectBadInput(['compare', PS, BOX], /box-table-ecr\.txt:1: the box table does not name its service: give --service PREFIX/);
    expectBadInput(['compare', PS, BOX, '--service', 'ecr', '--format', 'yaml'], /--format must be one of text, markdown, json \(got "yaml"\)/);
    expectBadInput(['compare', PS, PS, '--service', 's3'], /fewer than two sources hold service s3/);
    expectBadInput(['compare', PS, PS, '--bogus'], /compare: unknown option '--bogus'/);
  });
});
