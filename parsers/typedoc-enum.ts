import type { Action, Catalog } from '../src/model/catalog.js';
import { InputError } from '../src/model/errors.js';
import { normalizeCatalog } from '../src/model/normalize.js';
import { splitLines } from './common/text-lines.js';
import type { CatalogParser, ParseOptions } from './parser.js';
import { unwrapDescription, wholeWords } from './typedoc-unwrap.js';

const MEMBER = /^• \*\*([^*]+)\*\* = `+"([a-z0-9-]+):([A-Za-z0-9_-]+)"`+\s*$/;

/** A TypeDoc enum page of IAM actions: names, descriptions and documentation links only. */
export const typedocEnum: CatalogParser = {
  id: 'typedoc-enum',
  title: 'TypeDoc enum page of action names and descriptions (hard-wrapped at 79 columns)',
  carries: ['actions', 'description', 'documentationUrl'],
  detect(text) {
    return /^# Enumeration: /m.test(text) && /^• \*\*/m.test(text);
  },
  parse(text, options) {
    return parseTypedoc(text, options);
  },
};

interface Member {
  name: string;
  prefix: string;
  line: number;
  description: string[];
  url?: string;
}

function parseTypedoc(text: string, { file }: ParseOptions): Catalog {
  const lines = splitLines(text);
  const members: Member[] = [];
  let current: Member | undefined;
  let inDescription = false;
  let date: string | undefined;
  let serviceName: string | undefined;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    let m: RegExpExecArray | null;
    if (!date && (m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z?)\s*$/.exec(line))) date = m[1];
    else if (!serviceName && (m = /^All IAM policy actions for (.+?)(?: \([A-Za-z0-9 -]+\))?\s*$/.exec(line))) serviceName = m[1];
    else if (line.startsWith('• ')) {
      m = MEMBER.exec(line);
      if (!m) throw new InputError(file, `member line is not "• **Name** = \`"prefix:Name"\`"`, lineNo);
      if (m[1] !== m[3]) throw new InputError(file, `member ${m[1]} names a different action (${m[2]}:${m[3]})`, lineNo);
      current = { name: m[3]!, prefix: m[2]!, line: lineNo, description: [] };
      members.push(current);
      inDescription = false;
    } else if (current && !current.url && (m = /^See (https?:\/\/\S+)\s*$/.exec(line))) {
      current.url = m[1];
      inDescription = false;
    } else if (current && /^(#|___)/.test(line)) {
      if (line.startsWith('#### Defined in') || line.startsWith('___') || line.startsWith('### ')) inDescription = false;
      if (line.startsWith('### ')) current = undefined;
    } else if (current && !current.url && line.trim() !== '') {
      if (current.description.length > 0 && !inDescription) throw new InputError(file, `second description paragraph in ${current.name}`, lineNo);
      inDescription = true;
      current.description.push(line);
    } else if (line.trim() === '') inDescription = false;
  }
  if (members.length === 0) throw new InputError(file, 'no enum members (• **Name** = "prefix:Name") found', lines.length);
  const last = members.at(-1)!;
  if (!text.slice(text.lastIndexOf(`• **${last.name}**`)).includes('#### Defined in')) {
    throw new InputError(file, `member ${last.name} is cut short (truncated file?)`, last.line);
  }
  const prefixes = [...new Set(members.map((mb) => mb.prefix))];
  if (prefixes.length > 1) throw new InputError(file, `members name several services (${prefixes.join(', ')})`, members.find((mb) => mb.prefix !== prefixes[0])!.line);

  const vocabulary = wholeWords(members.map((mb) => mb.description));
  const actions: Action[] = members.map((mb) => ({
    name: mb.name,
    description: mb.description.length > 0 ? unwrapDescription(mb.description, vocabulary) : undefined,
    documentationUrl: mb.url,
    line: mb.line,
  }));
  return normalizeCatalog({
    service: { prefix: prefixes[0]!, name: serviceName },
    source: { format: typedocEnum.id, file, date },
    carries: [...typedocEnum.carries],
    actions,
  });
}
