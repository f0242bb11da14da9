import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { changeFingerprint } from '../../src/diff/change-identity.js';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { loadCatalogFile } from '../../src/io/read-input.js';
import { catalogLookup } from '../../src/review/action-lookup.js';
import { defaultStateFile, openReviewStore, reportSave } from '../../src/review/review-state.js';
import { storeFor } from '../../src/review/review-session.js';
import { KEY, renderApp, until } from './render-helpers.js';
import { handResult, modifiedEcrCopy, removeTempDirs, tempDir } from './review-fixtures.js';

afterEach(() => cleanup());
afterAll(() => removeTempDirs());

const tmp = () => tempDir('iamdiff-state-');

/** The diff of the two files as the review shows it. */
function review(oldPath: string, newPath: string) {
  const o = loadCatalogFile(oldPath, { service: 'ecr' });
  const n = loadCatalogFile(newPath, { service: 'ecr' });
  return { result: diffCatalogs(oldPath, [o], newPath, [n]), lookup: catalogLookup([o], [n]) };
}

describe('review marks', () => {
  it('are saved by change identity and come back on the next run, with the cursor', async () => {
    const { result } = handResult();
    const n = result.changes.length;
    const file = join(tmp(), 'state.json');
    const first = await renderApp({ result, store: openReviewStore(file), size: { columns: 110, rows: 30 } });
    // the first service is open (there is only one): mark both changes of DescribeImages, the cursor goes on
    await first.press('/', 'Read → List', KEY.enter, ' ', ' ');
    expect(first.lines()[1]).toContain(`✓ 2/${n} reviewed`);
    const at = first.selected();
    first.unmount(); // saves and flushes
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.version).toBe(2);
    expect(saved.reviewed).toHaveLength(2);
    expect(saved.seen).toHaveLength(n);
    const access = result.changes.find((c) => c.kind === 'access-level-changed')!;
    expect(saved.reviewed).toContain(changeFingerprint(access));

    const second = await renderApp({ result, store: openReviewStore(file), size: { columns: 110, rows: 30 } });
    expect(second.lines()[1]).toContain(`✓ 2/${n} reviewed`);
    expect(second.status()).toBe(`marks: 2 carried · 0 gone (changes no longer in this diff) · 0 new changes since the last run`);
    expect(second.selected()).toBe(at);
  });

  it('survive a re-run on a changed input: carried, gone and new are counted', async () => {
    const { oldPath, newPath } = modifiedEcrCopy();
    const file = join(tmp(), 'marks.json');
    const run1 = review(oldPath, newPath);
    expect(run1.result.changes.map((c) => `${c.kind} ${c.action}`).sort()).toEqual(['access-level-changed DescribeImages', 'action-removed UploadLayerPart', 'description-changed DescribeImages']);
    const first = await renderApp({ ...run1, store: openReviewStore(file), size: { columns: 110, rows: 30 } });
    await first.press('A');
    expect(first.lines()[1]).toContain('✓ 3/3 reviewed');
    first.unmount();

    // NEW changes again: UploadLayerPart comes back, DescribeImages is Read again, PutImage is now List
    let text = readFileSync(join(oldPath), 'utf8');
    text = text.replace('- description: Grants permission to get metadata about the images in a repository, including image size, image tags, and creation date', '- description: Grants permission to describe the images in a repository, including image size and tags');
    text = text.replace(/(### PutImage\n[\s\S]*?- access level: )Write/, '$1List');
    writeFileSync(newPath, text);
    const run2 = review(oldPath, newPath);
    expect(run2.result.changes.map((c) => `${c.kind} ${c.action}`).sort()).toEqual(['access-level-changed PutImage', 'description-changed DescribeImages']);

    const second = await renderApp({ ...run2, store: openReviewStore(file), size: { columns: 110, rows: 30 } });
    // the description change is the same change (same before and after): its mark is carried
    expect(second.status()).toBe('marks: 1 carried · 2 gone (changes no longer in this diff) · 1 new change since the last run');
    expect(second.lines()[1]).toContain('✓ 1/2 reviewed');
    expect(second.lines().find((l) => l.includes('description-changed'))).toMatch(/^[ ›]✓/);
    expect(second.lines().find((l) => l.includes('PutImage'))).toMatch(/^[ ›] /);
    await second.press('A');
    second.unmount();
    // marks of changes gone from this diff stay in the file: a later run may show them again
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.reviewed).toHaveLength(4);
    const third = await renderApp({ ...run1, store: openReviewStore(file), size: { columns: 110, rows: 30 } });
    expect(third.lines()[1]).toContain('✓ 3/3 reviewed');
    expect(third.status()).toBe('marks: 3 carried · 1 gone (changes no longer in this diff) · 0 new changes since the last run');
  });

  it('are written soon after a mark, without waiting for the exit', async () => {
    const { result } = handResult();
    const file = join(tmp(), 'state.json');
    const app = await renderApp({ result, store: openReviewStore(file, {}, { debounceMs: 5 }) });
    await app.press('/', 'Read → List', KEY.enter, ' ');
    const access = changeFingerprint(result.changes.find((c) => c.kind === 'access-level-changed')!);
    const read = () => {
      try {
        return JSON.parse(readFileSync(file, 'utf8')).reviewed as string[];
      } catch {
        return [];
      }
    };
    await until(() => read().includes(access), 'the state file holding the mark');
    expect(read()).toEqual([access]);
  });

  it('start empty, with a warning, when the state file is not ours or is of an older version, and never write over it', async () => {
    const { result } = handResult();
    const file = join(tmp(), 'state.json');
    writeFileSync(file, '{not json');
    const store = openReviewStore(file);
    const app = await renderApp({ result, store, size: { columns: 110, rows: 30 } });
    expect(app.status()).toMatch(/^ignored .*state\.json(:\d+)?: .*; marks are not saved over it$/);
    expect(app.lines()[1]).toContain('✓ 0/');
    await app.press('A', 'q');
    expect(readFileSync(file, 'utf8')).toBe('{not json');
    let err = '';
    expect(reportSave(store, { write: (s: string) => (err += s) })).toBe(2);
    expect(err).toMatch(/^iamdiff: review marks not saved: ignored .*state\.json/);
    writeFileSync(file, JSON.stringify({ version: 1, reviews: {} }));
    const old = await renderApp({ result, store: openReviewStore(file), size: { columns: 110, rows: 30 } });
    expect(old.status()).toMatch(/^ignored .*state\.json:1: unexpec.*review state \(version 2\); marks are not saved over it$/); // the middle is cut to fit
    await old.press(KEY.esc);
  });

  it('are said to be saved only once written; a failed write is said and exits 2', async () => {
    const { result } = handResult();
    const dir = tmp();
    const good = openReviewStore(join(dir, 'marks.json'));
    let out = '';
    expect(reportSave(good, { write: (s: string) => (out += s) })).toBe(0);
    expect(out).toBe(''); // nothing written yet, nothing said
    const app = await renderApp({ result, store: good });
    await app.press('q');
    expect(reportSave(good, { write: (s: string) => (out += s) })).toBe(0);
    expect(out).toBe(''); // nothing marked: the cursor and the changes seen are kept, but no marks to speak of
    const marked = openReviewStore(join(dir, 'marks.json'));
    const app1 = await renderApp({ result, store: marked });
    await app1.press(' ', 'q');
    expect(reportSave(marked, { write: (s: string) => (out += s) })).toBe(0);
    expect(out).toBe(`review marks saved in ${join(dir, 'marks.json')}\n`);
    // the state file's directory cannot be made (a file took its name after the start): the write fails
    const bad = openReviewStore(join(dir, 'gone', 'marks.json'));
    writeFileSync(join(dir, 'gone'), '');
    const app2 = await renderApp({ result, store: bad, size: { columns: 200, rows: 30 } });
    await app2.press(' ');
    bad.flush();
    await until(() => app2.status().startsWith('cannot save marks to'), 'the failure on screen');
    let err = '';
    expect(reportSave(bad, { write: (s: string) => (err += s) })).toBe(2);
    expect(err).toMatch(/^iamdiff: review marks not saved: cannot save marks to /);
  });

  it('live in .iamdiff-review/marks.json in the working directory unless --state names a file', () => {
    expect(defaultStateFile('/some/dir')).toBe(join('/some/dir', '.iamdiff-review', 'marks.json'));
    const dir = tmp();
    expect(storeFor(join(dir, 'mine.json'), { old: 'a', new: 'b' }).file).toBe(join(dir, 'mine.json'));
    expect(storeFor(undefined, { old: 'a', new: 'b' }).file).toBe(defaultStateFile());
    expect(storeFor(null, { old: 'a', new: 'b' }).file).toBeUndefined();
  });
});
