import { painter, type Painter } from '../output/color.js';
import { oneLine } from '../text/sanitize.js';
import { COMPARED_FIELDS, summarizeMatrix, type ActionRow, type Cell, type SourceMatrix } from './compare-sources.js';
import { appendAll } from '../util/append-all.js';

export interface CompareTextOptions {
  color: boolean;
  onlyDisagreements: boolean;
  /** Lines are wrapped to this many columns (default 80). */
  width?: number;
}

const fieldLabel = new Map(COMPARED_FIELDS.map((f) => [f.id, f.label]));
const LABEL_WIDTH = Math.max(...COMPARED_FIELDS.map((f) => f.label.length));
/** Values get at least this many columns, however many sources precede them. */
const MIN_VALUE_WIDTH = 30;

const UNKNOWN_TEXT = '? (does not carry it)';
const ABSENT_TEXT = '— (not listed)';

function cellText(cell: Cell): string {
  return 'value' in cell ? oneLine(cell.value) : 'unknown' in cell ? UNKNOWN_TEXT : ABSENT_TEXT;
}

/** Greedy word wrap to `width` columns; a word longer than that is cut. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(' ').filter(Boolean)) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** `text` wrapped to the columns left after a prefix `indent` columns wide. */
function wrapAfter(indent: number, text: string, width: number): string[] {
  return wrapWords(text, Math.max(MIN_VALUE_WIDTH, width - indent));
}

/** `lead` then the wrapped text, each piece painted; continuation lines indented to where the text starts. */
function hanging(lead: string, leadWidth: number, text: string, width: number, paint: (s: string) => string = (s) => s): string[] {
  const [head, ...rest] = wrapAfter(leadWidth, text, width);
  return [lead + paint(head!), ...rest.map((l) => ' '.repeat(leadWidth) + paint(l))];
}

/** The summary line: how many actions, how many with disagreements, how many per field. */
export function compareSummary(m: SourceMatrix): string {
  const s = summarizeMatrix(m);
  const perField = COMPARED_FIELDS.filter((f) => s.perField[f.id] > 0).map((f) => `${f.label} ${s.perField[f.id]}`);
  return `${s.actions} action${s.actions === 1 ? '' : 's'}, ${s.withDisagreements} with disagreements${perField.length ? ` (${perField.join(', ')})` : ''}`;
}

/**
 * The lines of one field: its values grouped by value, each with the sources that give it.
 * Outside `listed`, sources that lack the action are left out (the `listed` line says so).
 */
function fieldLines(row: ActionRow, field: (typeof COMPARED_FIELDS)[number], p: Painter, width: number): string[] {
  const disagree = row.disagreements.includes(field.id);
  const groups = new Map<string, number[]>();
  row.cells[field.id].forEach((cell, i) => {
    if ('absent' in cell && field.id !== 'listed') return;
    groups.set(cellText(cell), [...(groups.get(cellText(cell)) ?? []), i + 1]);
  });
  const out: string[] = [];
  for (const [text, sources] of groups) {
    const first = out.length === 0;
    const mark = first && disagree ? '✗' : ' ';
    const label = (first ? field.label : '').padEnd(LABEL_WIDTH);
    const tags = sources.map((n) => `[${n}]`).join('');
    const dim = text === UNKNOWN_TEXT || text === ABSENT_TEXT;
    const lead = `  ${mark === '✗' ? p.paint('red', mark) : mark} ${label}  ${tags} `;
    appendAll(out, hanging(lead, `  ${mark} ${label}  ${tags} `.length, text, width, (s) => (dim ? p.paint('dim', s) : s)));
  }
  return out;
}

function actionBlock(row: ActionRow, p: Painter, options: CompareTextOptions & { width: number }): string[] {
  const flag = row.disagreements.length ? `✗ disagree on ${row.disagreements.map((f) => fieldLabel.get(f)).join(', ')}` : '✓ agree';
  const name = oneLine(row.action);
  const out = hanging(`${p.paint('bold', name)}  `, name.length + 2, flag, options.width, (s) => p.paint(row.disagreements.length ? 'red' : 'green', s));
  for (const f of COMPARED_FIELDS) {
    if (options.onlyDisagreements && !row.disagreements.includes(f.id)) continue;
    appendAll(out, fieldLines(row, f, p, options.width));
  }
  return out;
}

/**
 * One block per action, those where sources disagree first: each field's values grouped by
 * value with the sources that give it, ✗ on a field where known values differ. Wrapped to
 * 80 columns; document text is sanitized; colour only when asked.
 */
export function renderCompareText(m: SourceMatrix, options: CompareTextOptions): string {
  const p = painter(options.color);
  const width = options.width ?? 80;
  const out = [p.paint('bold', `iamdiff compare ${oneLine(m.service)}: ${m.sources.length} sources`)];
  m.sources.forEach((s, i) => out.push(p.paint('dim', `  [${i + 1}] ${oneLine(s.name)}  ${oneLine(s.file)}`)));
  const disagreeing = m.rows.filter((r) => r.disagreements.length > 0);
  const rows = options.onlyDisagreements ? disagreeing : [...disagreeing, ...m.rows.filter((r) => r.disagreements.length === 0)];
  for (const row of rows) out.push('', ...actionBlock(row, p, { ...options, width }));
  out.push('', ...hanging('Summary: ', 'Summary: '.length, compareSummary(m), width));
  return out.join('\n') + '\n';
}
