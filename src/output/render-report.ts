import type { Severity } from '../diff/change.js';
import type { DiffResult } from '../diff/diff-result.js';
import { renderGithub } from './github-report.js';
import { renderJunit } from './junit-report.js';
import { renderHtml } from './html-report.js';
import { renderMarkdown } from './markdown-report.js';
import { renderJson, renderYaml } from './structured-report.js';
import { renderText } from './text-report.js';

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

export function renderReport(result: DiffResult, format: ReportFormat, options: ReportOptions): string {
  switch (format) {
    case 'text':
      return renderText(result, options);
    case 'markdown':
      return renderMarkdown(result, { maxBytes: options.maxBytes });
    case 'html':
      return renderHtml(result);
    case 'json':
      return renderJson(result);
    case 'yaml':
      return renderYaml(result);
    case 'github':
      return renderGithub(result, { failOn: options.failOn });
    case 'junit':
      return renderJunit(result, { failAt: options.failOn ?? (options.exitCode ? 'low' : 'high'), disabled: options.disabled });
  }
}
