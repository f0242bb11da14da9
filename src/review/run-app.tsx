import { render } from 'ink';
import type { DiffResult } from '../diff/diff-result.js';
import type { ActionLookup } from './action-lookup.js';
import { ReviewApp } from './app.js';
import type { ReviewStore } from './review-state.js';

export interface Streams {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

/** Run the review app on a terminal until the user quits (the caller owns the alternate screen). */
export async function runReviewApp(result: DiffResult, opts: { lookup?: ActionLookup; store: ReviewStore; exportDir?: string; color: boolean }, streams: Streams): Promise<void> {
  const app = render(<ReviewApp result={result} lookup={opts.lookup} store={opts.store} exportDir={opts.exportDir} color={opts.color} />, {
    stdout: streams.stdout,
    stdin: streams.stdin,
    stderr: streams.stderr,
    patchConsole: false,
    exitOnCtrlC: true,
  });
  await app.waitUntilExit();
}
