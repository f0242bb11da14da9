/** Lines of a document without their terminators (CRLF and LF both accepted). */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
