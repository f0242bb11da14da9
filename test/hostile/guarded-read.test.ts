import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSize, parseSize, readGuarded } from '../../src/io/guarded-read.js';
import { CLI, fixture, fixturePath, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'iamdiff-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One line on stderr naming the input, exit code 2, nothing on stdout. */
function expectOneLine(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) {
  expect(r.stderr).toMatch(pattern);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('every input goes through the guarded reader', () => {
  it('reads a regular file, and standard input', () => {
    expect(readGuarded(fixturePath('aws-docs-ecr.md')).toString('utf8')).toBe(fixture('aws-docs-ecr.md'));
    const r = runCli(['parse', '-', '--to', 'json'], { input: fixture('aws-docs-ecr.md') });
    expect(r.code).toBe(0);
  });

  it.skipIf(process.platform === 'win32')('a FIFO with no writer is refused at once instead of blocking', () => {
    const fifo = join(dir, 'pipe.md');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(() => readGuarded(fifo)).toThrow(/pipe\.md: cannot read: a FIFO \(named pipe\), not a regular file/);
    expectOneLine(runCli(['parse', fifo]), /^iamdiff: .*pipe\.md: cannot read: a FIFO \(named pipe\), not a regular file\n$/);
  });

  it('a directory or a device where a file is expected is refused', () => {
    expect(() => readGuarded(dir)).toThrow(/cannot read: a directory, not a regular file/);
    expect(() => readGuarded('/dev/zero')).toThrow(/^\/dev\/zero: cannot read: a character device, not a regular file$/);
    expectOneLine(runCli(['parse', '/dev/zero']), /^iamdiff: \/dev\/zero: cannot read: a character device, not a regular file\n$/);
    // review state and policies are inputs too
    expectOneLine(runCli(['diff', fixturePath('aws-docs-ecr.md'), fixturePath('policy-sentry-ecr.md'), '--policies', '/dev/zero']), /\/dev\/zero: cannot read: a character device/);
  });

  it('a file over the size limit is refused before it is read, naming the flag', () => {
    const big = join(dir, 'big.md');
    writeFileSync(big, fixture('aws-docs-ecr.md').repeat(4)); // ~35 KB
    expect(() => readGuarded(big, { limit: 16 * 1024 })).toThrow(/big\.md: file is 34\.2 KB, over the input size limit of 16 KB \(raise it with --max-input-size\)/);
    expectOneLine(runCli(['parse', big, '--max-input-size', '16k']), /big\.md: file is 34\.2 KB, over the input size limit of 16 KB/);
    expect(runCli(['--max-input-size=1MB', 'parse', fixturePath('aws-docs-ecr.md')]).code).toBe(0);
    expectOneLine(runCli(['parse', big, '--max-input-size', 'lots']), /--max-input-size: "lots" is not a size/);
  });

  it('standard input from /dev/zero stops at the limit with an error (bounded memory, no hang)', async () => {
    const child = spawn(process.execPath, [CLI, 'parse', '-', '--max-input-size', '2MB'], { cwd: ROOT, stdio: [openSync('/dev/zero', 'r'), 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('iamdiff: <stdin>: input is over the input size limit of 2 MB (raise it with --max-input-size)\n');
    expect(code).toBe(2);
  });

  it('sizes read as people write them', () => {
    expect(parseSize('64MB')).toBe(64 * 1024 * 1024);
    expect(parseSize('512k')).toBe(512 * 1024);
    expect(parseSize('1GiB')).toBe(1024 ** 3);
    expect(parseSize('1000')).toBe(1000);
    expect(parseSize('1.5m')).toBe(1.5 * 1024 * 1024);
    for (const bad of ['', '0', '-1', 'MB', '12 parsecs', '1e400']) expect(parseSize(bad), bad).toBeUndefined();
    expect(formatSize(300)).toBe('300 bytes');
    expect(formatSize(64 * 1024 * 1024)).toBe('64 MB');
  });
});
