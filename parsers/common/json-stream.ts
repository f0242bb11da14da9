import { closeSync, readSync } from 'node:fs';
import { openGuarded, readGuarded, streamedInputLimit } from '../../src/io/guarded-read.js';
import { streamParserLib } from '../../src/lazy/lazy-modules.js';
import { InputError } from '../../src/model/errors.js';
import { parseJsonDocument } from './json-document.js';

const CHUNK = 1 << 20;

/** The bytes of a file, a megabyte at a time (standard input, `-`, is read whole by the caller: it cannot be reopened). */
function* chunksOf(file: string, bytes?: Uint8Array): Generator<Uint8Array> {
  if (bytes) {
    yield bytes;
    return;
  }
  const { fd } = openGuarded(file, { limit: streamedInputLimit() });
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (let n; (n = readSync(fd, buf, 0, CHUNK, null)) > 0; ) yield buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Where a JSON file is broken: its line, found by reading it once more with jsonc-parser (only when it is broken). */
function syntaxError(file: string, name: string, bytes?: Uint8Array): InputError {
  try {
    parseJsonDocument(bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8') : readGuarded(file, { limit: streamedInputLimit() }).toString('utf8'), name);
  } catch (e) {
    if (e instanceof InputError) return e;
  }
  return new InputError(name, 'not valid JSON: it ends before the document does (truncated?)');
}

/** The document must open with `[` (or `{`): anything else is not the format asked for. */
function checkTop(chunk: Uint8Array, expect: 'array' | 'object', name: string): void {
  const text = Buffer.from(chunk.buffer, chunk.byteOffset, Math.min(chunk.length, 64)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  const want = expect === 'array' ? '[' : '{';
  if (!text.startsWith(want)) throw new InputError(name, `not ${expect === 'array' ? 'a JSON array' : 'a JSON object'} at the top level`, 1);
}

/**
 * Each element of a top-level array (or value of a top-level object), handed to `visit` as
 * soon as it is read, with its index or key. The text is never held whole: a file of all AWS
 * (the iam-dataset JSON, the 77 MB of every managed policy) is read a megabyte at a time
 * by @streamparser/json, and each value is dropped once visited.
 */
export function forEachTopLevelValue(file: string, name: string, expect: 'array' | 'object', visit: (value: unknown, key: string | number) => void, bytes?: Uint8Array): void {
  const parser = new (streamParserLib().JSONParser)({ paths: ['$.*'], keepStack: false });
  parser.onValue = ({ value, key }) => {
    if (key !== undefined) visit(value, key);
  };
  try {
    let first = true;
    for (const chunk of chunksOf(file, bytes)) {
      if (first) checkTop(chunk, expect, name);
      first = false;
      parser.write(chunk);
    }
    if (!parser.isEnded) parser.end();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw syntaxError(file, name, bytes);
  }
}
