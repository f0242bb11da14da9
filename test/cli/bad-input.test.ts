import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'iamdiff-bad-'));
function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** One line on stderr, naming the file (and line), exit code 2, no stack trace. */
function expectCleanError(args: string[], pattern: RegExp, input?: string) {
  const r = runCli(args, { input });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).toMatch(pattern);
}

const policySentry = fixture('policy-sentry-ecr.md');

describe('bad input gives one clear line and exit code 2', () => {
  it('empty file', () => {
    const f = write('empty.md', '');
    expectCleanError(['parse', f], new RegExp(`^iamdiff: ${f}:1: file is empty\\n$`));
    const blank = write('blank.md', '\n  \n');
    expectCleanError(['parse', blank], /blank\.md:1: file is empty/);
  });

  it('binary file', () => {
    const f = write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    expectCleanError(['parse', f], /image\.png:3: binary file \(NUL byte\): not a catalog/);
  });

  it('a file no parser recognises', () => {
    const f = write('notes.txt', 'Just some notes\nabout nothing in particular\n');
    expectCleanError(['parse', f], /notes\.txt:1: format not recognised: .*use --format ID to force one/);
  });

  it('a truncated file (JSON block never closed)', () => {
    const f = write('truncated.md', policySentry.slice(0, policySentry.indexOf('"required"', policySentry.indexOf('### UploadLayerPart'))));
    expectCleanError(['parse', f], /truncated\.md:434: code block of UploadLayerPart is never closed \(truncated file\?\)/);
  });

  it('a malformed JSON block', () => {
    const f = write('malformed.md', policySentry.replace('"required": true,', '"required": true,,'));
    expectCleanError(['parse', f], /malformed\.md:28: malformed JSON block of BatchCheckLayerAvailability/);
  });

  it('an unknown access level', () => {
    const f = write('level.md', policySentry.replace('- access level: Permissions management', '- access level: Admin'));
    expectCleanError(['parse', f], /level\.md:129: unknown access level "Admin" for DeleteRepositoryPolicy/);
  });

  it('a file that does not exist', () => {
    expectCleanError(['parse', join(dir, 'missing.md')], /missing\.md: cannot read: no such file/);
  });

  it('an unknown forced format and an unknown flag', () => {
    const f = write('ok.md', policySentry);
    expectCleanError(['parse', f, '--format', 'nope'], /ok\.md: unknown format "nope" \(known: aws-docs-html, snapshot, policy-sentry-md/);
    expectCleanError(['parse', f, '--bogus'], /parse: unknown option '--bogus'.*see iamdiff parse --help/);
    expectCleanError(['frobnicate'], /unknown command 'frobnicate'/);
  });

  it('standard input is read with -', () => {
    const r = runCli(['parse', '-', '--to', 'json'], { input: policySentry });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).actions).toHaveLength(29);
    expectCleanError(['parse', '-'], /<stdin>:1: file is empty/, '');
  });
});
