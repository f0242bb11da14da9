/**
 * One measurement in a fresh process (so peak memory is its own), printed as one JSON line.
 *   measure read DIR...          the floor: read and UTF-8-decode every file of the directories, nothing else
 *   measure parse DIR            parse a directory: time, services, actions
 *   measure cli ARG...           run the iamdiff CLI in-process; time from process start, hash of stdout
 *   measure review [N]           time to first frame and per-keypress redraw on N (10 000) generated changes
 *   measure review-load OLD NEW  the review command on OLD → NEW: first frame (loading) and first frame of the tree
 * Every result carries maxRssMB (process.resourceUsage().maxRSS: the peak resident set).
 */
// Modules load in the task that needs them: the `read` floor must load nothing of iamdiff.

const maxRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const [task, ...args] = process.argv.slice(2);

async function run(): Promise<Record<string, unknown>> {
  switch (task) {
    case 'read': {
      const { readdirSync, readFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      let chars = 0;
      for (const dir of args) for (const f of readdirSync(dir)) chars += readFileSync(join(dir, f)).toString('utf8').length;
      return { chars, wallMs: performance.now() };
    }
    case 'parse': {
      const { loadCatalogsParallel } = await import('../../src/io/parallel-load.js');
      const t = performance.now();
      const catalogs = await loadCatalogsParallel(args[0]!, { skipped: [] });
      return { parseMs: performance.now() - t, services: catalogs.length, actions: catalogs.reduce((n, c) => n + c.actions.length, 0) };
    }
    case 'cli': {
      const { createHash } = await import('node:crypto');
      const { main } = await import('../../src/cli/main.js');
      const hash = createHash('sha256');
      let bytes = 0;
      const sink = { write: (s: string) => (hash.update(s), (bytes += Buffer.byteLength(s)), true), isTTY: false };
      const code = await main(args, { stdout: sink, stderr: { write: () => true }, env: { ...process.env, NO_COLOR: '1' } });
      // performance.now() counts from the start of the process: node's own start-up is included.
      return { code, wallMs: performance.now(), outputBytes: bytes, sha256: hash.digest('hex') };
    }
    case 'review': {
      process.env.NODE_ENV = 'production'; // as the review command runs React
      const { benchReview } = await import('./review-bench.js');
      return { ...(await benchReview(args[0] ? Number(args[0]) : undefined)) };
    }
    case 'review-load': {
      const { benchReviewLoad } = await import('./review-load-bench.js');
      return { ...(await benchReviewLoad(args[0]!, args[1]!)) };
    }
    default:
      throw new Error(`unknown task ${task}`);
  }
}

const result = await run();
process.stdout.write(JSON.stringify({ ...result, maxRssMB: maxRssMB() }) + '\n');
