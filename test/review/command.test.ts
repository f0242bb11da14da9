import { describe, expect, it } from 'vitest';
import { computeDiff } from '../../src/commands/diff-command.js';
import { loadReview, reviewPaths, run as reviewCommand } from '../../src/commands/review-command.js';
import { renderText } from '../../src/output/text-report.js';
import { fixturePath } from '../helpers/paths.js';

function fakeIo(stdoutTTY: boolean, env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const io = { stdout: { write: (s: string) => (out += s), isTTY: stdoutTTY }, stderr: { write: (s: string) => (err += s) }, env };
  return { io, out: () => out, err: () => err };
}

const OLD = fixturePath('policy-sentry-ecr.md');
const NEW = fixturePath('box-table-ecr.txt');

describe('review without a terminal', () => {
  it('prints the text report of the same diff and says why on stderr', async () => {
    const f = fakeIo(false);
    const code = await reviewCommand([OLD, NEW], { service: 'ecr' }, f.io);
    expect(code).toBe(0);
    expect(f.out()).toBe(renderText(await computeDiff(OLD, NEW, { service: 'ecr' }), { color: false }));
    expect(f.err()).toBe('review needs a terminal; printed the text report instead (standard output is not a terminal)\n');
  });

  it('falls back when stdin is not a terminal, or CI is set; NO_COLOR and --no-color turn colour off', async () => {
    const values = { service: 'ecr' };
    const { result } = await loadReview(OLD, NEW, values);
    const noStdin = fakeIo(true);
    expect(await reviewPaths(OLD, NEW, values, { stdin: { isTTY: false } as NodeJS.ReadStream }, noStdin.io)).toEqual({ result, code: 0 });
    expect(noStdin.err()).toContain('review needs a terminal; printed the text report instead (standard input is not a terminal)');
    const ci = fakeIo(true, { CI: 'true' });
    await reviewPaths(OLD, NEW, values, { stdin: { isTTY: true } as NodeJS.ReadStream }, ci.io);
    expect(ci.err()).toContain('(CI is set)');
    // colour as the diff command would choose it: a terminal, so colour
    expect(ci.out()).toBe(renderText(result, { color: true }));
    const noColor = fakeIo(true, { CI: 'true', NO_COLOR: '1' });
    await reviewPaths(OLD, NEW, values, { stdin: { isTTY: true } as NodeJS.ReadStream }, noColor.io);
    expect(noColor.out()).toBe(renderText(result, { color: false }));
    const flag = fakeIo(true, { CI: 'true' });
    await reviewPaths(OLD, NEW, values, { stdin: { isTTY: true } as NodeJS.ReadStream, color: false }, flag.io);
    expect(flag.out()).toBe(renderText(result, { color: false }));
  });

  it('reviews the very DiffResult diff computes, with its filters', async () => {
    for (const values of [{ service: 'ecr' }, { service: 'ecr', only: 'action-added,access-level-changed' }, { service: 'ecr', 'min-severity': 'high' }]) {
      expect((await loadReview(OLD, NEW, values)).result).toEqual(await computeDiff(OLD, NEW, values));
    }
    await expect(loadReview(OLD, NEW, { only: 'nonsense' })).rejects.toThrow(/unknown change kind or rule/);
    await expect(reviewCommand([OLD], {}, fakeIo(false).io)).rejects.toThrow(/exactly two sources/);
  });

  it('looks up both sides of an action for the detail pane', async () => {
    const { lookup } = await loadReview(OLD, NEW, { service: 'ecr' });
    const { before, after } = lookup('ecr', 'DescribeImages');
    expect(before?.accessLevel).toBe('Read');
    expect(after?.accessLevel).toBe('List');
  });
});
