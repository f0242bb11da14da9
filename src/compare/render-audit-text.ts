import { painter } from '../output/color.js';
import { oneLine } from '../text/sanitize.js';
import type { ListingGroup, SourceAudit } from './audit-sources.js';
import { COMPARED_FIELDS } from './compare-sources.js';

const tags = (ns: number[]) => ns.map((n) => `[${n}]`).join('');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Examples shown per group in text; JSON has them all. */
const EXAMPLES = 8;
/** Services shown in the table of disagreements. */
const TOP_SERVICES = 25;

function groupLines(groups: ListingGroup[], what: string): string[] {
  const out: string[] = [];
  for (const g of groups) {
    const shown = g.items.slice(0, EXAMPLES).map(oneLine).join(', ');
    const more = g.items.length > EXAMPLES ? `, +${g.items.length - EXAMPLES} more` : '';
    out.push(`  listed by ${tags(g.listedBy)}, not by ${tags(g.missingFrom)}: ${plural(g.items.length, what)}: ${shown}${more}`);
  }
  return out.length ? out : ['  none'];
}

/**
 * Whole catalogs lined up: the sources, then counts per field, the services and actions only
 * some sources list, and the services with most disagreements. Detail on demand:
 * --service PREFIX (every action of a service), --action service:Action (one action).
 */
export function renderAuditText(a: SourceAudit, options: { color: boolean }): string {
  const p = painter(options.color);
  const out = [p.paint('bold', `iamdiff compare: ${a.sources.length} sources, ${plural(a.services.length, 'service')} held by two or more`)];
  a.sources.forEach((s, i) => out.push(`  [${i + 1}] ${oneLine(s.name)}  ${oneLine(s.file)}  (${plural(s.services, 'service')}, ${plural(s.actions, 'action')})`));
  out.push('', p.paint('bold', `Fields: ${a.actions} actions in shared services, ${a.withDisagreements} where known values differ`));
  const width = Math.max(...COMPARED_FIELDS.map((f) => f.label.length));
  for (const f of COMPARED_FIELDS) out.push(`  ${f.label.padEnd(width)}  ${a.perField[f.id]}`);
  out.push('  (a source whose format does not carry a field is not counted: ? in the detail)');
  out.push('', p.paint('bold', 'Services only some sources list'), ...groupLines(a.servicesOnlyIn, 'service'));
  out.push('', p.paint('bold', 'Actions only some sources list (of services each of them lists)'), ...groupLines(a.actionsOnlyIn, 'action'));
  const ranked = a.services.filter((s) => s.withDisagreements > 0).sort((x, y) => y.withDisagreements - x.withDisagreements || (x.service < y.service ? -1 : 1));
  out.push('', p.paint('bold', `Services by actions with disagreements (${ranked.length} of ${a.services.length}${ranked.length > TOP_SERVICES ? `; the first ${TOP_SERVICES}` : ''})`));
  const cols = COMPARED_FIELDS.map((f) => f.label);
  const sw = Math.max(7, ...ranked.slice(0, TOP_SERVICES).map((s) => s.service.length));
  out.push(`  ${'service'.padEnd(sw)}  ${'actions'.padStart(7)}  ${'differ'.padStart(6)}  ${cols.join(' · ')}`);
  for (const s of ranked.slice(0, TOP_SERVICES)) {
    out.push(`  ${oneLine(s.service).padEnd(sw)}  ${String(s.actions).padStart(7)}  ${String(s.withDisagreements).padStart(6)}  ${COMPARED_FIELDS.map((f) => s.perField[f.id]).join(' · ')}`);
  }
  out.push('', 'Detail: --service PREFIX (every action of one service), --action service:Action (one action); --format json has every list in full.');
  return out.join('\n') + '\n';
}
