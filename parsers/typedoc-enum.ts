import type { Action, Catalog } from '../src/model/catalog.js';
import { InputError } from '../src/model/errors.js';
import { actionKey } from '../src/model/identity.js';
import { normalizeCatalog } from '../src/model/normalize.js';
import { readTypedocPage, type TypedocMember } from './common/typedoc-members.js';
import { typedocVocabulary, unwrapTypedoc } from './common/typedoc-wrap.js';
import { splitLines } from './common/text-lines.js';
import type { CatalogParser, ParseOptions } from './parser.js';

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

/** Cut short at the end, or missing members the table of contents lists: the file was truncated. */
function checkComplete(members: TypedocMember[], contents: { name: string; line: number }[], file: string): void {
  const last = members.at(-1)!;
  if (members.some((m) => m.defined) && !last.defined) throw new InputError(file, `member ${last.key} is cut short (truncated file?)`, last.line);
  const present = new Set(members.map((m) => m.key));
  const missing = contents.find((c) => !present.has(c.name));
  if (missing) throw new InputError(file, `the contents list ${missing.name} but the page has no such member (truncated file?)`, missing.line);
}

function parseTypedoc(text: string, { file }: ParseOptions): Catalog {
  const lines = splitLines(text);
  const page = readTypedocPage(lines, file);
  const { members } = page;
  if (members.length === 0) throw new InputError(file, 'no enum members (• **Name** = ``"prefix:Name"``) found', lines.length);
  checkComplete(members, page.contents, file);

  const prefix = members[0]!.prefix;
  const stranger = members.find((m) => m.prefix !== prefix);
  if (stranger) throw new InputError(file, `member ${stranger.key} is in service ${stranger.prefix}, the others in ${prefix}`, stranger.line);
  const seen = new Map<string, number>();
  for (const m of members) {
    if (actionKey(m.key) !== actionKey(m.name)) throw new InputError(file, `member ${m.key} stands for a different action (${m.prefix}:${m.name})`, m.line);
    const first = seen.get(actionKey(m.name));
    if (first !== undefined) throw new InputError(file, `action ${m.name} is listed twice (first at line ${first})`, m.line);
    seen.set(actionKey(m.name), m.line);
  }

  const vocabulary = typedocVocabulary(
    members.map((m) => m.description),
    members.map((m) => m.name),
  );
  const actions: Action[] = members.map((m) => ({
    name: m.name,
    description: m.description.length > 0 ? unwrapTypedoc(m.description, vocabulary) : undefined,
    documentationUrl: m.url,
    spellings: m.key !== m.name ? [m.key] : undefined,
    line: m.line,
  }));
  return normalizeCatalog({
    service: { prefix, name: page.serviceName },
    source: { format: typedocEnum.id, file, date: page.date },
    carries: [...typedocEnum.carries],
    actions,
  });
}
