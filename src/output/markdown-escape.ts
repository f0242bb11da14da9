import { stripControl } from '../text/sanitize.js';

/** Untrusted text made safe inside Markdown (tables included): no pipes, HTML, links or emphasis leak out. Spaces kept. */
export function escapeMarkdownText(text: string): string {
  return stripControl(text)
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]{}()#+!|~])/g, '\\$1');
}

/** Untrusted text as one trimmed table cell. */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdownText(text).trim();
}

/** Wrap the non-space core of `text` in a Markdown marker (`**`, `~~`), spaces kept outside. */
export function emphasize(text: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text.replace(/\s+/g, ' '))!;
  const core = escapeMarkdownText(m[2]!);
  // Nothing left once sanitized (a lone control character): only the spaces.
  return core ? `${m[1]}${marker}${core}${marker}${m[3]}` : `${m[1]}${m[3]}`;
}
