import type { ParseError } from 'jsonc-parser';
import { jsoncLib } from '../../src/lazy/lazy-modules.js';
import type { z } from 'zod';
import { resolveSchema, type Lazy } from '../../src/lazy/zod.js';
import { InputError } from '../../src/model/errors.js';

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** A JSON document, or an InputError with the line of the first syntax error (JSON.parse on Node 20 names none; jsonc-parser does). */
export function parseJsonDocument(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    jsoncLib().parse(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const detail = first ? jsoncLib().printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'syntax error';
    throw new InputError(file, `not valid JSON: ${detail}`, first ? lineAt(text, first.offset) : 1);
  }
}

/** `$.Actions[3].Name`: a JSON path as the error names it. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`)).join('');
}

/**
 * `data` checked against a zod shape; a mismatch is an InputError naming the JSON path
 * and, when the text is at hand, the line of the value at fault.
 */
export function checkShape<S extends z.ZodType>(schema: Lazy<S>, data: unknown, file: string, what: string, text?: string, basePath: readonly PropertyKey[] = []): z.infer<S> {
  const result = resolveSchema(schema).safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = [...basePath, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
  let line: number | undefined;
  if (text !== undefined) {
    const root = jsoncLib().parseTree(text);
    for (let n = path.length; root && line === undefined && n >= 0; n--) {
      const node = jsoncLib().findNodeAtLocation(root, path.slice(0, n) as (string | number)[]);
      if (node) line = lineAt(text, node.offset);
    }
  }
  throw new InputError(file, `not ${what}: at ${jsonPath(path)}: ${issue.message}`, line);
}
