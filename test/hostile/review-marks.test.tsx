import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openReviewStore, reportSave } from '../../src/review/review-state.js';
import { renderApp } from '../review/render-helpers.js';
import { handResult, removeTempDirs, tempDir } from '../review/review-fixtures.js';

afterEach(() => cleanup());
afterAll(() => removeTempDirs());

/** What the review says on stderr when it ends, and its exit code. */
function ending(store: Parameters<typeof reportSave>[0]) {
  let said = '';
  const code = reportSave(store, { write: (s: string) => (said += s) });
  return { said, code };
}

describe('the review says "saved" only when the marks are on disk', () => {
  it('nothing marked: nothing said, nothing written', async () => {
    const file = join(tempDir(), 'state.json');
    const store = openReviewStore(file, { old: 'o', new: 'n' });
    const app = await renderApp({ result: handResult().result, store });
    app.unmount();
    expect(ending(store)).toEqual({ said: '', code: 0 });
  });

  it('marked and written: saved, after the write', async () => {
    const file = join(tempDir(), 'state.json');
    const store = openReviewStore(file, { old: 'o', new: 'n' });
    const app = await renderApp({ result: handResult().result, store });
    await app.press(' ');
    app.unmount();
    expect(ending(store)).toEqual({ said: `review marks saved in ${file}\n`, code: 0 });
    expect(JSON.parse(readFileSync(file, 'utf8')).reviewed.length).toBeGreaterThan(0);
  });

  it('a save that fails: one line, exit code 2, never "saved"', async () => {
    // The state's directory is a link to nowhere: nothing to read (a fresh review), and no place to write.
    const gone = join(tempDir(), 'gone');
    symlinkSync(join(gone, 'nowhere'), gone + '-link');
    const store = openReviewStore(join(gone + '-link', 'state.json'), { old: 'o', new: 'n' });
    const app = await renderApp({ result: handResult().result, store });
    await app.press(' ');
    app.unmount();
    const { said, code } = ending(store);
    expect(code).toBe(2);
    expect(said).toMatch(/^iamdiff: review marks not saved: cannot save marks to .*state\.json: .*cannot write: .*\(ENOENT\)\n$/);
    expect(said).not.toMatch(/saved in/);
  });

  it('a state file whose marks are not a list ("reviewed": {}) is left alone and the marks are said not to be saved (saving over it would lose them)', async () => {
    const file = join(tempDir(), 'state.json');
    const original = '{ "version": 2, "reviewed": {} }\n';
    writeFileSync(file, original);
    const store = openReviewStore(file, { old: 'o', new: 'n' });
    expect(store.warning).toMatch(/state\.json:1: unexpected JSON shape at \$\.reviewed: .*not an iamdiff review state \(version 2\); marks are not saved over it/);
    const app = await renderApp({ result: handResult().result, store });
    expect(app.frame()).toContain('ignored');
    await app.press(' ');
    app.unmount();
    const { said, code } = ending(store);
    expect(code).toBe(2);
    expect(said).toMatch(/^iamdiff: review marks not saved: ignored .*state\.json/);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });
});
