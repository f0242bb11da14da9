import { existsSync } from 'node:fs';
import { isSeq, YAMLMap, YAMLSeq, type Document } from 'yaml';
import { writeFileAtomic } from '../io/atomic-write.js';
import { decodeText } from '../io/decode-text.js';
import { readGuarded } from '../io/guarded-read.js';
import { InputError } from '../model/errors.js';
import { parseConfigDocument } from './config-document.js';
import { parseConfig } from './load-config.js';

/** One acceptance to add, and a comment saying what change it is. */
export interface NewAcceptance {
  fingerprint: string;
  reason: string;
  expires?: string;
  /** `ecr:DescribeImages access-level-lowered Read → List`: written as a comment above it. */
  comment: string;
}

/**
 * Append acceptances to the config's `accept:` list (created when missing; the file too),
 * through the YAML Document API so the user's comments, order and formatting stay, then check
 * the result is a valid config and write it atomically. Returns how many were added.
 */
export function appendAcceptances(file: string, entries: readonly NewAcceptance[]): number {
  const text = existsSync(file) ? decodeText(readGuarded(file), file) : '';
  const { doc } = parseConfigDocument(file, text);
  if (doc.contents === null) doc.contents = new YAMLMap() as unknown as Document['contents'];
  let list = doc.get('accept', true);
  if (list === undefined || list === null || (list as { value?: unknown }).value === null) {
    list = new YAMLSeq();
    doc.set('accept', list);
  }
  if (!isSeq(list)) throw new InputError(file, 'accept: must be a list to add to');
  const seq = list as YAMLSeq;
  for (const e of entries) {
    const node = doc.createNode({ fingerprint: e.fingerprint, reason: e.reason, ...(e.expires ? { expires: e.expires } : {}) }) as YAMLMap;
    node.commentBefore = ` ${e.comment}`;
    seq.items.push(node);
  }
  const out = doc.toString({ lineWidth: 0 });
  parseConfig(file, out); // never write a config iamdiff would then refuse
  writeFileAtomic(file, out, { overwrite: true });
  return entries.length;
}
