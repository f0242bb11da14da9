import { Document, isMap, isScalar, isSeq, type Pair } from 'yaml';
import { writeFileAtomic } from '../io/atomic-write.js';
import { InputError } from '../model/errors.js';
import { parseConfigDocument } from './config-document.js';
import { parseConfig, readConfigText } from './load-config.js';

/** One acceptance to add, and a comment saying what change it is. */
export interface NewAcceptance {
  fingerprint: string;
  reason: string;
  expires?: string;
  /** `ecr:DescribeImages access-level-lowered Read → List`: written as a comment above it. */
  comment: string;
}

/** The new list items as YAML text (the Document API quotes what needs quoting), each line indented. */
function itemsText(entries: readonly NewAcceptance[], indent: string): string {
  const doc = new Document(entries.map((e) => ({ fingerprint: e.fingerprint, reason: e.reason, ...(e.expires ? { expires: e.expires } : {}) })));
  if (isSeq(doc.contents)) doc.contents.items.forEach((item, i) => ((item as { commentBefore?: string }).commentBefore = ` ${entries[i]!.comment.replace(/[\r\n]/g, ' ')}`));
  return doc
    .toString({ lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((l) => `${indent}${l}`)
    .join('\n');
}

/**
 * Append acceptances to the config's `accept:` list (created when missing; the file too). The
 * user's text is kept byte for byte: the new items (written with the YAML Document API) are
 * spliced in after the last item of the list, at its indentation, or appended as a new `accept:`
 * section. The result is checked as a config, then written atomically. A flow list
 * (`accept: [...]`) is rewritten through the Document API, which keeps comments.
 */
export function appendAcceptances(file: string, entries: readonly NewAcceptance[]): number {
  const text = readConfigText(file);
  const { doc, lineOf } = parseConfigDocument(file, text);
  const root = doc.contents;
  if (root !== null && !isMap(root)) throw new InputError(file, 'not a map of settings: cannot add an accept list', 1);
  const pair = isMap(root) ? (root.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'accept') : undefined;
  const list = pair?.value;
  let out: string;
  if (!pair || list === null || list === undefined || (isScalar(list) && list.value === null)) {
    // a new section at the end (or after an empty `accept:` key, which is dropped)
    const base = pair ? text.slice(0, (pair.key as { range: [number, number, number] }).range[0]) + text.slice((pair.key as { range: [number, number, number] }).range[2]).replace(/^\s*:[^\n]*\n?/, '') : text;
    const head = base.length === 0 || base.endsWith('\n') ? base : `${base}\n`;
    out = `${head}accept:\n${itemsText(entries, '  ')}\n`;
  } else if (isSeq(list) && !list.flow && list.items.length > 0) {
    const first = list.items[0] as { range?: [number, number, number] };
    const last = list.items.at(-1) as { range?: [number, number, number] };
    const lineStart = text.lastIndexOf('\n', first.range![0] - 1) + 1;
    const indent = ' '.repeat(text.slice(lineStart, first.range![0]).replace(/- ?$/, '').length);
    // after the last item's line (and its trailing comment)
    const end = text.indexOf('\n', last.range![1] - 1);
    const at = end < 0 ? text.length : end + 1;
    const before = text.slice(0, at);
    out = `${before}${before.endsWith('\n') ? '' : '\n'}${itemsText(entries, indent)}\n${text.slice(at)}`;
  } else if (isSeq(list)) {
    for (const e of entries) {
      const node = doc.createNode({ fingerprint: e.fingerprint, reason: e.reason, ...(e.expires ? { expires: e.expires } : {}) });
      list.items.push(node);
    }
    out = doc.toString({ lineWidth: 0 });
  } else throw new InputError(file, 'accept: must be a list to add to', lineOf(['accept']));
  parseConfig(file, out); // never write a config iamdiff would then refuse
  writeFileAtomic(file, out, { overwrite: true });
  return entries.length;
}
