import { InputError } from '../../src/model/errors.js';

/** `• **Name** = ``"prefix:Name"``` (TypeDoc wraps the value in two backticks). */
const MEMBER = /^• \*\*([A-Za-z0-9_-]+)\*\* = `+"([A-Za-z0-9-]+):([A-Za-z0-9_-]+)"`+\s*$/;
const TITLE = 'All IAM policy actions for ';

/**
 * `All IAM policy actions for Amazon ECR (ecr)` → `Amazon ECR`: a last ` (…)` without
 * parentheses inside is dropped. Plain scanning (a regular expression with `(.+?)` and
 * `\s*$` took quadratic time on a line of spaces).
 */
function titleName(t: string): string | undefined {
  const rest = t.slice(TITLE.length);
  if (rest === '' || /[\n\r\u2028\u2029]/.test(rest)) return undefined;
  const open = rest.lastIndexOf('(');
  const tail = rest.slice(open + 1, -1);
  if (rest.endsWith(')') && open > 1 && rest[open - 1] === ' ' && !tail.includes('(') && !tail.includes(')')) return rest.slice(0, open - 1);
  return rest;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export interface TypedocMember {
  key: string;
  prefix: string;
  name: string;
  line: number;
  /** The first paragraph after the member line, as physical lines. */
  description: string[];
  url?: string;
  /** Whether the member's `#### Defined in` section was reached. */
  defined: boolean;
}

export interface TypedocPage {
  serviceName?: string;
  date?: string;
  /** Names listed in the table of contents, with their lines. */
  contents: { name: string; line: number }[];
  members: TypedocMember[];
}

/** Reads the parts of a TypeDoc enum page; throws InputError on a member it cannot read. */
export function readTypedocPage(lines: string[], file: string): TypedocPage {
  const page: TypedocPage = { contents: [], members: [] };
  let heading: { name: string; line: number } | undefined;
  let member: TypedocMember | undefined;
  let paragraph: 'none' | 'open' | 'closed' = 'none';
  let extracted = false;
  let section = '';

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    const t = line.trim();
    let m: RegExpExecArray | null;
    if ((m = /^##\s+(.*)$/.exec(line))) {
      section = m[1]!.trim().toLowerCase();
      heading = member = undefined;
    } else if (page.members.length === 0 && section === '') {
      if (!page.serviceName && t.startsWith(TITLE)) page.serviceName = titleName(t) ?? page.serviceName;
      else if (/^Extracted by\b/.test(t)) extracted = true;
      else if (extracted && !page.date && ISO_TIME.test(t)) page.date = t;
    } else if (section === 'table of contents' && (m = /^- \[([A-Za-z0-9_-]+)\]\(/.exec(t))) {
      page.contents.push({ name: m[1]!, line: lineNo });
    } else if (section !== 'enumeration members') {
      continue;
    } else if ((m = /^###\s+(\S.*)$/.exec(line))) {
      if (heading && !member) throw new InputError(file, `heading ${heading.name} has no member line under it`, heading.line);
      heading = { name: m[1]!.trim(), line: lineNo };
      member = undefined;
    } else if (line.startsWith('•')) {
      if (member) throw new InputError(file, `second member line under the heading ${member.key}`, lineNo);
      if (!(m = MEMBER.exec(line))) throw new InputError(file, 'member line is not "• **Name** = ``"prefix:Name"``"', lineNo);
      if (heading && heading.name !== m[1]) throw new InputError(file, `member ${m[1]} sits under the heading ${heading.name}`, lineNo);
      member = { key: m[1]!, prefix: m[2]!, name: m[3]!, line: lineNo, description: [], defined: false };
      page.members.push(member);
      paragraph = 'none';
    } else if (!member || member.defined) {
      continue;
    } else if (/^####\s+Defined in\b/.test(line)) {
      member.defined = true;
    } else if (!member.url && (m = /^See (https?:\/\/\S+)$/.exec(t))) {
      member.url = m[1];
      paragraph = 'closed';
    } else if (t === '') {
      if (paragraph === 'open') paragraph = 'closed';
    } else if (!member.url && paragraph !== 'closed') {
      paragraph = 'open';
      member.description.push(line);
    } else if (!member.url) {
      throw new InputError(file, `second paragraph in the description of ${member.name}`, lineNo);
    }
  }
  if (heading && !member) throw new InputError(file, `heading ${heading.name} has no member line under it (truncated file?)`, heading.line);
  return page;
}
