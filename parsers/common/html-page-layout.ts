/**
 * Which generation of the AWS documentation site a saved page was rendered by, read off
 * the page's structure rather than a window of its text:
 * - `older`: the 2021 AngularJS site: `<html ng-app="AWSDocsDocPageApp">`, or scripts of its
 *   asset bundle (`…/assets/…js?version=2021.12.02`);
 * - `current`: the site since 2025 (`awsdocs-doc-page.2.0.0.js`, no ng-app);
 * - undefined: neither marker (a page saved by hand, a test fixture).
 * Only the document head is looked at (the markers sit there, after up to 8 KB of
 * `<link hreflang>` lines on pages with long names), with plain string scanning.
 */
export type PageLayout = 'older' | 'current';

const OLDER_BUNDLE = '?version=2021.12.02';
const CURRENT_BUNDLE = 'awsdocs-doc-page.2.0.0.js';

/** The `<html …>` start tag's attributes, lower-cased, or '' when there is none. */
function htmlTagAttributes(lower: string): string {
  const start = lower.indexOf('<html');
  if (start < 0) return '';
  const end = lower.indexOf('>', start);
  return end < 0 ? '' : lower.slice(start + 5, end);
}

/** The `src` values of the `<script>` tags in `head`. */
function scriptSources(head: string): string[] {
  const out: string[] = [];
  for (let i = head.indexOf('<script'); i >= 0; i = head.indexOf('<script', i + 7)) {
    const end = head.indexOf('>', i);
    if (end < 0) break;
    const tag = head.slice(i, end);
    const at = tag.indexOf(' src=');
    if (at < 0) continue;
    const quote = tag[at + 5];
    if (quote === '"' || quote === "'") {
      const to = tag.indexOf(quote, at + 6);
      out.push(tag.slice(at + 6, to < 0 ? tag.length : to));
    } else out.push(tag.slice(at + 5).split(/\s/, 1)[0]!);
  }
  return out;
}

export function pageLayout(source: string): PageLayout | undefined {
  const bodyAt = source.search(/<body[\s>]/i);
  const head = (bodyAt < 0 ? source : source.slice(0, bodyAt)).toLowerCase();
  if (/\bng-app\s*=/.test(htmlTagAttributes(head))) return 'older';
  const scripts = scriptSources(head);
  if (scripts.some((s) => s.includes('/assets/') && s.endsWith(OLDER_BUNDLE))) return 'older';
  if (scripts.some((s) => s.endsWith(CURRENT_BUNDLE))) return 'current';
  return undefined;
}
