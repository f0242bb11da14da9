import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importReviewUi } from '../../src/review/import-ui.js';
import { ROOT } from '../helpers/paths.js';

describe('importing the terminal UI', () => {
  it('gives the UI and leaves fetch as it was', async () => {
    const before = globalThis.fetch;
    const ui = await importReviewUi();
    expect(typeof ui.mountReview).toBe('function');
    expect(globalThis.fetch).toBe(before);
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')?.enumerable).toBe(true);
  });
});

describe('the built CLI loads the UI bundled (src/build/bundle-ui.ts)', () => {
  const built = join(ROOT, 'dist', 'src', 'review', 'import-ui.js');
  it.skipIf(!existsSync(built))('as one module: no ink, React or es-toolkit file read from node_modules, production React, our own modules shared', () => {
    // A child process, as the CLI runs: what it read from node_modules, and whether the UI's
    // modules outside the review are the same instances the command side uses.
    const script = `
      const { importReviewUi } = await import(${JSON.stringify(pathToFileURL(built).href)});
      const ui = await importReviewUi();
      const errors = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', 'model', 'errors.js')).href)});
      const { createRequire } = await import('node:module');
      const cached = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ mount: typeof ui.mountReview, react: cached.filter((f) => f.includes('/node_modules/react')).length, inputError: typeof errors.InputError }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_ENV: '' } });
    expect(JSON.parse(out)).toEqual({ mount: 'function', react: 0, inputError: 'function' });
    const bundle = readFileSync(join(ROOT, 'dist', 'src', 'review', 'run-app.bundle.js'), 'utf8');
    expect(bundle).not.toContain('react-reconciler.development');
    expect(bundle).not.toMatch(/from "\.\.\/\.\.\/\.\.\/node_modules\//); // packages bundled, not imported
    expect(bundle).toMatch(/from "\.\.\/model\/errors\.js"/); // ours imported, one instance
  });
});
