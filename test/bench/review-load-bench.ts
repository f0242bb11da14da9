import { EventEmitter } from 'node:events';
import { reviewPaths } from '../../src/commands/review-command.js';

/** A terminal's stdin for ink: raw mode accepted, keys written by the bench. */
class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string) {
    this.data = data;
    this.emit('readable');
  }
  read() {
    const d = this.data;
    this.data = null;
    return d;
  }
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

/**
 * The real review command on a terminal of 120×40 (fake streams), OLD → NEW: when the first
 * frame (the loading screen), the diff being done, and the first frame of the
 * tree ("usable") are written, in ms from process start (and the first from the command's
 * start); then `q`.
 */
export async function benchReviewLoad(oldPath: string, newPath: string): Promise<{ firstFrameMs: number; firstFrameFromCommandMs: number; loadedMs: number; usableMs: number; usableAfterLoadMs: number }> {
  const stdin = new FakeStdin();
  const marks: { first?: number; loaded?: number; usable?: number } = {};
  const stdout = Object.assign(new EventEmitter(), {
    isTTY: true,
    columns: 120,
    rows: 40,
    write(s: string) {
      const t = performance.now();
      if (marks.first === undefined && s.includes('pages parsed')) marks.first = t;
      if (marks.usable === undefined && / reviewed/.test(s)) {
        marks.usable = t;
        setImmediate(() => stdin.write('q'));
      }
      return true;
    },
  });
  const start = performance.now();
  await reviewPaths(oldPath, newPath, {}, { stdin: stdin as unknown as NodeJS.ReadStream, stateFile: null, onLoaded: () => (marks.loaded = performance.now()) }, { stdout, stderr: { write: () => true }, env: { TERM: 'xterm-256color' } });
  if (marks.first === undefined || marks.loaded === undefined || marks.usable === undefined) throw new Error('the review never drew its loading screen and tree');
  return { firstFrameMs: marks.first, firstFrameFromCommandMs: marks.first - start, loadedMs: marks.loaded, usableMs: marks.usable, usableAfterLoadMs: marks.usable - marks.loaded };
}
