// Mutation testing of the parsers and the diff engine: `npm run mutate` (not in CI: it runs
// the unit tests once per mutant and takes long). Corpus tests are skipped (IAMDIFF_CORPUS
// points nowhere in the script) so each mutant runs the fast unit tests that cover it.
// dist/ is copied as built: tests that run the CLI as a process see unmutated code.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  mutate: ['parsers/**/*.ts', 'src/diff/**/*.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 30000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['reports', 'bench', '.stryker-tmp'],
  vitest: { configFile: 'test/mutation/vitest.config.ts', related: true },
};
