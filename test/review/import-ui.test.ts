import { describe, expect, it } from 'vitest';
import { importReviewUi } from '../../src/review/import-ui.js';

describe('importing the terminal UI', () => {
  it('gives the UI and leaves fetch as it was', async () => {
    const before = globalThis.fetch;
    const ui = await importReviewUi();
    expect(typeof ui.mountReview).toBe('function');
    expect(globalThis.fetch).toBe(before);
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')?.enumerable).toBe(true);
  });
});
