import { InputError } from '../model/errors.js';

/** The text of a document; empty and binary input are errors. */
export function decodeText(bytes: Buffer, file: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = bytes.subarray(0, nul).toString('latin1').split('\n').length;
    throw new InputError(file, 'binary file (NUL byte): not a catalog', line);
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw new InputError(file, 'file is empty', 1);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0 && !bytes.toString('latin1').includes('\uFFFD')) {
    const replacements = text.match(/\uFFFD/g)!.length;
    if (replacements > 8 || replacements * 50 > text.length) {
      throw new InputError(file, 'binary file (not UTF-8 text): not a catalog', text.slice(0, bad).split('\n').length);
    }
  }
  return text.replace(/^\uFEFF/, '');
}
