import type { DiffResult } from '../diff/diff-result.js';
import { renderHtml } from './html-report.js';
import { renderMarkdown } from './markdown-report.js';
import { renderJson, renderYaml } from './structured-report.js';
import { renderText } from './text-report.js';

export const REPORT_FORMATS = ['text', 'markdown', 'html', 'json', 'yaml'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function renderReport(result: DiffResult, format: ReportFormat, options: { color: boolean; maxBytes?: number }): string {
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
  }
}
