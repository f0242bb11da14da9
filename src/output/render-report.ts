import type { Severity } from '../diff/change.js';
import type { DiffResult } from '../diff/diff-result.js';

export const REPORT_FORMATS = ['text', 'markdown', 'html', 'json', 'yaml', 'github', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  color: boolean;
  maxBytes?: number;
  /** --fail-on: where github annotations turn to errors and junit test cases fail. */
  failOn?: Severity;
  /** --exit-code: any change fails a junit test case (when --fail-on is not given). */
  exitCode?: boolean;
  /** Rules the config turns off (junit: skipped). */
  disabled?: ReadonlySet<string>;
}

/** The report in one format; only that format's renderer is loaded (a run needs one of seven). */
export async function renderReport(result: DiffResult, format: ReportFormat, options: ReportOptions): Promise<string> {
  switch (format) {
    case 'text':
      return (await import('./text-report.js')).renderText(result, options);
    case 'markdown':
      return (await import('./markdown-report.js')).renderMarkdown(result, { maxBytes: options.maxBytes });
    case 'html':
      return (await import('./html-report.js')).renderHtml(result);
    case 'json':
      return (await import('./structured-report.js')).renderJson(result);
    case 'yaml':
      return (await import('./structured-report.js')).renderYaml(result);
    case 'github':
      return (await import('./github-report.js')).renderGithub(result, { failOn: options.failOn });
    case 'junit':
      return (await import('./junit-report.js')).renderJunit(result, { failAt: options.failOn ?? (options.exitCode ? 'low' : 'high'), disabled: options.disabled });
  }
}
