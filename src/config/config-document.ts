import { LineCounter, parseDocument, type Document } from 'yaml';
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
  const lineOf = (path: readonly (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      // the key's own line when the path names a map entry, else the node's
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line;
    }
    return 1;
  };
  return { file, doc, lineOf };
}
