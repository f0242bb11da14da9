import { escapeMarkdownCell } from '../output/markdown-escape.js';
import type { ListingGroup, SourceAudit } from './audit-sources.js';
import { COMPARED_FIELDS } from './compare-sources.js';

const tags = (ns: number[]) => ns.map((n) => `[${n}]`).join('');

function groupTable(groups: ListingGroup[], what: string): string[] {
  if (groups.length === 0) return ['None.', ''];
  return [`| Listed by | Not by | ${what} | Names |`, '| --- | --- | ---: | --- |', ...groups.map((g) => `| ${tags(g.listedBy)} | ${tags(g.missingFrom)} | ${g.items.length} | ${escapeMarkdownCell(g.items.join(', '))} |`), ''];
}

/** The audit as Markdown: sources, a table per summary (fields, services only some list, actions only some list, services). */
export function renderAuditMarkdown(a: SourceAudit): string {
  const out = [`# IAM catalogs compared: ${a.sources.length} sources`, ''];
  a.sources.forEach((s, i) => out.push(`${i + 1}. ${escapeMarkdownCell(s.name)}: ${escapeMarkdownCell(s.file)} (${s.services} services, ${s.actions} actions)`));
  out.push('', `## Fields`, '', `${a.actions} actions in services two or more sources hold; ${a.withDisagreements} where known values differ.`, '', '| Field | Actions where sources differ |', '| --- | ---: |');
  for (const f of COMPARED_FIELDS) out.push(`| ${f.label} | ${a.perField[f.id]} |`);
  out.push('', '## Services only some sources list', '', ...groupTable(a.servicesOnlyIn, 'Services'));
  out.push('## Actions only some sources list', '', ...groupTable(a.actionsOnlyIn, 'Actions'));
  out.push('## Services', '', `| Service | Sources | Actions | Differ | ${COMPARED_FIELDS.map((f) => f.label).join(' | ')} |`, `| --- | --- | ---: | ---: | ${COMPARED_FIELDS.map(() => '---:').join(' | ')} |`);
  for (const s of a.services.filter((x) => x.withDisagreements > 0)) {
    out.push(`| ${escapeMarkdownCell(s.service)} | ${tags(s.sources)} | ${s.actions} | ${s.withDisagreements} | ${COMPARED_FIELDS.map((f) => s.perField[f.id]).join(' | ')} |`);
  }
  return out.join('\n') + '\n';
}
