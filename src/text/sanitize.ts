/**
 * The one sanitizer for text from documents, applied where text leaves the program
 * (reports, the review app, compare, log, errors, snapshots):
 * - terminal escape sequences (CSI, OSC, other ESC sequences) and C0/C1 control
 *   characters are removed (tab and newline kept);
 * - characters that change how text reads without being seen (bidi controls such as
 *   U+202E, zero-width characters, other format characters, line and paragraph
 *   separators) are shown visibly as `\u202e`, so `ecr:Get\u202e…` cannot pass for another name.
 * Every pattern here is linear: a character class, or a sequence ending at the next ESC.
 */

// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-_]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Invisible characters that reorder or hide text: Unicode format characters (Cf) and the line/paragraph separators. */
const INVISIBLE = /[\p{Cf}\u2028\u2029]/gu;
// eslint-disable-next-line no-control-regex
const UNSAFE_TEST = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]/u;

/** `\u202e` (or `\u{e0041}` beyond the BMP) for one code point. */
export function codePointEscape(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** True when the text holds anything the sanitizer would change. */
export function hasUnsafeText(text: string): boolean {
  return UNSAFE_TEST.test(text);
}

/** Text from a document, safe to print on a terminal: control sequences removed, invisible characters shown visibly. */
export function stripControl(text: string): string {
  if (!UNSAFE_TEST.test(text)) return text;
  return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '').replace(INVISIBLE, codePointEscape);
}

/** Single-line form of untrusted text: sanitized, whitespace folded. */
export function oneLine(text: string): string {
  return stripControl(text).replace(/\s+/g, ' ').trim();
}

/** Every string in `data` sanitized (a deep copy; data must be JSON-like). */
export function sanitizeDeep<T>(data: T): T {
  return JSON.parse(JSON.stringify(data, (_k, v: unknown) => (typeof v === 'string' ? stripControl(v) : v))) as T;
}

/** One-line text cut to `max` characters (an error message quoting a 1 MB line stays one short line). */
export function clip(text: string, max = 400): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/**
 * JSON text with every character the sanitizer would touch written as a `\uXXXX` escape:
 * still the same data to any JSON or YAML reader (lossless), but no raw control, bidi or
 * zero-width character in the bytes. Used for snapshots, which are data, not display.
 */
export function escapeUnsafeJson(json: string): string {
  if (!UNSAFE_TEST.test(json)) return json;
  // Raw tab, newline and CR never occur inside JSON strings: those left are layout.
  // eslint-disable-next-line no-control-regex
  return json.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]/gu, (ch) =>
    ch
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
  );
}
