// ESC/CSI/OSC sequences and other C0/C1 control characters, except tab and newline.
// eslint-disable-next-line no-control-regex
const CONTROL_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-_]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text from a document, safe to print on a terminal: control sequences removed. */
export function stripControl(text: string): string {
  return text.replace(CONTROL_SEQUENCES, '');
}

/** Single-line form of untrusted text: control sequences removed, whitespace folded. */
export function oneLine(text: string): string {
  return stripControl(text).replace(/\s+/g, ' ').trim();
}
