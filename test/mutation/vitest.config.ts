import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The tests Stryker runs per mutant: the suite without the long property-based fuzz runs
// (test/fuzz, test/hostile: seconds per mutant, and npm run fuzz covers them) and without
// what drives the built CLI or a browser in other processes (they see no mutant).
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['**/node_modules/**', '.stryker-tmp/**', 'test/fuzz/**', 'test/hostile/**', 'test/review/tmux.test.ts', 'test/output/html-report-browser.test.ts', 'test/readme.test.ts'],
    testTimeout: 30000,
    hookTimeout: 30000,
  },
});
