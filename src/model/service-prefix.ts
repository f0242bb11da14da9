/** A service prefix as IAM has them (`ecr`, `access-analyzer`): also a safe directory name. */
export const SERVICE_PREFIX_RE = /^[a-z0-9][a-z0-9-]*$/;

export function isServicePrefix(text: string): boolean {
  return text.length <= 64 && SERVICE_PREFIX_RE.test(text);
}
