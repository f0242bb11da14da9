/**
 * `npm run build`, after tsc: the review's terminal UI as one module (dist/src/review/run-app.bundle.js).
 *
 * Imported as they are published, ink and React cost the review 210 ms before its first tree
 * frame: 634 files (es-toolkit alone is 416), React's CommonJS read and lexed by Node's ESM
 * loader in both its development and production builds. Bundled with esbuild (production
 * React, only what is used) the same UI loads in about 50 ms.
 *
 * Only the UI is bundled: every module outside src/review, and the review modules the command
 * side also loads (state file, loading screen, action lookup), stay external, so there is one
 * instance of each (error classes, the temporary-file registry that signal cleanup empties).
 * importReviewUi loads the bundle when it is there (the built CLI), else run-app.js (tests run
 * from sources).
 */
import { build, type Plugin } from 'esbuild';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const reviewDir = fileURLToPath(new URL('../review/', import.meta.url));
/** Review modules the command side loads too. */
const shared = new Set(['review-state.js', 'loading-screen.js', 'action-lookup.js'].map((f) => resolve(reviewDir, f)));

/** Our modules outside the UI stay imports of the built files (the bundle sits beside run-app.js, so their relative paths hold). */
const keepOursExternal: Plugin = {
  name: 'keep-ours-external',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.importer.includes(`${sep}node_modules${sep}`)) return undefined; // a package's own files: bundled
      const file = resolve(args.resolveDir, args.path);
      if (file.startsWith(reviewDir) && !shared.has(file)) return undefined; // the UI itself: bundled
      const path = relative(reviewDir, file).split(sep).join('/');
      return { path: path.startsWith('.') ? path : `./${path}`, external: true };
    });
  },
};

await build({
  entryPoints: [`${reviewDir}run-app.js`],
  outdir: reviewDir,
  entryNames: '[name].bundle',
  chunkNames: 'run-app.bundle-[name]-[hash]',
  bundle: true,
  splitting: true, // ink's devtools (DEV=true only) stay a chunk of their own, loaded on demand
  format: 'esm',
  platform: 'node',
  target: 'node20',
  define: { 'process.env.NODE_ENV': '"production"' },
  external: ['react-devtools-core'],
  plugins: [keepOursExternal],
  // Bundled CommonJS (React) may require Node's own modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
});
