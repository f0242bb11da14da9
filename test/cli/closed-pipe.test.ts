import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/paths.js';

describe('a reader that goes away (iamdiff … | head)', () => {
  it('ends quietly: no stack trace, exit code 0', async () => {
    const child = spawn(process.execPath, [CLI, 'expand', '*', '--catalog', 'node_modules/iam-data-2026-08-25/data'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy()); // read the first chunk, then hang up
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
