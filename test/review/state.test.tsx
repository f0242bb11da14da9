import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { changeKey } from '../../src/review/change-key.js';
import { hashInput, hashInputs } from '../../src/review/input-hash.js';
import { defaultStateFile, openReviewStore } from '../../src/review/review-state.js';
import { storeFor } from '../../src/review/run-app.js';
import { KEY, renderApp, tick } from './render-helpers.js';
import { ecrResult, handResult, removeTempDirs, tempDir } from './review-fixtures.js';

afterEach(() => cleanup());
afterAll(() => removeTempDirs());

const tmp = () => tempDir('iamdiff-state-');

describe('review marks', () => {
  it('persist across two renders, keyed by the inputs hash', async () => {
    const { result } = handResult();
    const n = result.changes.length;
    const file = join(tmp(), 'state.json');
    const first = await renderApp({ result, store: openReviewStore(file, 'abc', { old: 'old.yaml', new: 'new.yaml' }) });
    await first.press(' ', KEY.down, ' ');
    expect(first.lines()[1]).toContain(`2/${n} reviewed`);
    first.unmount(); // flushes the pending save
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.version).toBe(1);
    expect(saved.reviews.abc.reviewed).toHaveLength(2);
    expect(saved.reviews.abc.reviewed).toContain('access-level-changed|ecr|DescribeImages|||');

    const second = await renderApp({ result, store: openReviewStore(file, 'abc', { old: 'old.yaml', new: 'new.yaml' }) });
    expect(second.lines()[1]).toContain(`2/${n} reviewed`);
    expect(second.lines().filter((l) => /^[ ›] ✓ ecr:/.test(l))).toHaveLength(2);
    // other inputs, other marks
    const other = await renderApp({ result, store: openReviewStore(file, 'def', { old: 'a', new: 'b' }) });
    expect(other.lines()[1]).toContain(`0/${n} reviewed`);
  });

  it('are written soon after a toggle, without waiting for the exit', async () => {
    const { result } = handResult();
    const file = join(tmp(), 'state.json');
    const app = await renderApp({ result, store: openReviewStore(file, 'h', { old: 'o', new: 'n' }, { debounceMs: 5 }) });
    await app.press(' ');
    await tick(30);
    expect(JSON.parse(readFileSync(file, 'utf8')).reviews.h.reviewed).toEqual([changeKey(result.changes.find((c) => c.kind === 'access-level-changed')!)]);
  });

  it('start empty, with a warning, when the state file is not ours', async () => {
    const { result } = handResult();
    const file = join(tmp(), 'state.json');
    writeFileSync(file, '{not json');
    const app = await renderApp({ result, store: openReviewStore(file, 'h', { old: 'o', new: 'n' }) });
    expect(app.frame()).toContain('ignored');
    expect(app.lines()[1]).toContain('0/');
  });

  it('live in .iamdiff-review/<hash>.json beside NEW, the hash following both inputs\u2019 bytes', () => {
    const { result, paths } = ecrResult();
    const store = storeFor(result, undefined);
    const hash = hashInputs(paths.oldPath, paths.newPath);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(store.file).toBe(join(dirname(paths.newPath), '.iamdiff-review', `${hash}.json`));
    expect(store.file).toBe(defaultStateFile(paths.newPath, hash));
    writeFileSync(paths.newPath, readFileSync(paths.newPath, 'utf8') + '\n');
    expect(hashInputs(paths.oldPath, paths.newPath)).not.toBe(hash);
    expect(storeFor(result, join(paths.dir, 'mine.json')).file).toBe(join(paths.dir, 'mine.json'));
    expect(storeFor(result, null).file).toBeUndefined();
  });

  it('hash a directory by its sorted file names and contents', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.md'), 'one');
    writeFileSync(join(dir, 'sub', 'b.md'), 'two');
    const h = hashInput(dir);
    expect(hashInput(dir)).toBe(h);
    renameSync(join(dir, 'a.md'), join(dir, 'c.md'));
    expect(hashInput(dir)).not.toBe(h);
    renameSync(join(dir, 'c.md'), join(dir, 'a.md'));
    expect(hashInput(dir)).toBe(h);
    // hidden files (such as the review state itself) do not count
    mkdirSync(join(dir, '.iamdiff-review'));
    writeFileSync(join(dir, '.iamdiff-review', 'x.json'), '{}');
    expect(hashInput(dir)).toBe(h);
    expect(existsSync(join(dir, 'sub', 'b.md'))).toBe(true);
  });
});
