import type { ParseError } from 'jsonc-parser';
import { jsoncLib } from '../../src/lazy/lazy-modules.js';
import type { z } from 'zod';
import { resolveSchema, type Lazy } from '../../src/lazy/zod.js';
import { InputError } from '../../src/model/errors.js';

/**
 * JSON documents read safely: nesting bounded before any recursive code sees them,
 * syntax errors and shape errors located (file, line, JSON path).
 */

/** Deeper than any IAM data (policies and catalogs nest 5 levels at most). */
export const MAX_JSON_DEPTH = 64;

/** 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Throws a located InputError when `[`/`{` nest deeper than `max` (one linear scan, strings skipped). */
export function checkJsonDepth(text: string, file: string, max = MAX_JSON_DEPTH): void {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) throw new InputError(file, `JSON nested deeper than ${max} levels`, line);
    } else if (c === 93 || c === 125) depth--;
  }
}

/** Where and why a JSON text is invalid (JSON.parse names no position on Node 20; jsonc-parser does). */
export function jsonSyntaxError(text: string): { detail: string; offset: number } {
  const errors: ParseError[] = [];
  jsoncLib().parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  return first ? { detail: jsoncLib().printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), offset: first.offset } : { detail: 'syntax error', offset: 0 };
}

/** JSON text parsed, nesting bounded; a syntax error is an InputError at its line. */
export function parseJsonText(text: string, file: string, what = 'not valid JSON'): unknown {
  checkJsonDepth(text, file);
  try {
    return JSON.parse(text);
  } catch {
    let found: { detail: string; offset: number };
    try {
      found = jsonSyntaxError(text);
    } catch (e) {
      // jsonc-parser recurses, and recovers from errors its own way (a string ends at a line
      // break): invalid text can nest deeper for it than the check above counted.
      if (!(e instanceof RangeError)) throw e;
      found = { detail: `nested deeper than ${MAX_JSON_DEPTH} levels`, offset: deepestOffset(text) };
    }
    throw new InputError(file, `${what}: ${found.detail}`, lineOfOffset(text, found.offset));
  }
}

/** Where `[`/`{` first nest deeper than MAX_JSON_DEPTH, counting brackets inside strings too. */
function deepestOffset(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return 0;
}

/** `$.actions[0].name`, keys that are not identifiers quoted. */
export function jsonPathText(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(p) && p.length <= 80) out += `.${p}`;
    else out += `[${JSON.stringify(String(p).slice(0, 80))}]`;
  }
  return out;
}

/** Line of the value at `path` (or of its nearest ancestor found) in JSON `text` already known to be valid and shallow. */
export function lineOfJsonPath(text: string, path: readonly PropertyKey[]): number {
  const tree = jsoncLib().parseTree(text);
  if (!tree) return 1;
  const segments = path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  for (let n = segments.length; n >= 0; n--) {
    const node = jsoncLib().findNodeAtLocation(tree, segments.slice(0, n));
    if (node) return lineOfOffset(text, node.offset);
  }
  return 1;
}

/** `data` checked against `schema`; the first problem is an InputError naming its JSON path and line. */
export function validateJson<S extends z.ZodType>(data: unknown, schema: Lazy<S>, text: string, file: string): z.output<S> {
  const result = resolveSchema(schema).safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new InputError(file, `unexpected JSON shape at ${jsonPathText(issue.path)}: ${issue.message}`, lineOfJsonPath(text, issue.path));
}

/** Parse and validate in one step. */
export function readJsonShape<S extends z.ZodType>(text: string, file: string, schema: Lazy<S>): z.output<S> {
  return validateJson(parseJsonText(text, file), schema, text, file);
}
