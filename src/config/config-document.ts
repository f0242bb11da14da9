import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { InputError } from '../model/errors.js';

/** A config file's text as a YAML document that keeps comments and positions (to locate errors, and to edit it). */
export interface ConfigDocument {
  file: string;
  doc: Document;
  /** The line (1-based) of a path in the document, or of the nearest part of it that exists. */
  lineOf(path: readonly (string | number)[]): number;
}

export function parseConfigDocument(file: string, text: string): ConfigDocument {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) throw new InputError(file, `not valid YAML: ${error.message.split('\n')[0]}`, lines.linePos(error.pos[0]).line);
  // the line of the deepest part of the path that exists: a map entry's key, a list item
  const lineOf = (path: readonly (string | number)[]) => {
    let node: unknown = doc.contents;
    let line = 1;
    const at = (n: unknown) => (n as { range?: [number, number, number] } | null)?.range;
    if (at(node)) line = lines.linePos(at(node)![0]).line;
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(part));
        if (!pair) break;
        const r = at(pair.key) ?? at(pair.value);
        if (r) line = lines.linePos(r[0]).line;
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number' && node.items[part] !== undefined) {
        node = node.items[part];
        const r = at(node);
        if (r) line = lines.linePos(r[0]).line;
      } else break;
    }
    return line;
  };
  return { file, doc, lineOf };
}
