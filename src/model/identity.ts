/** Identity of an action within a service: names compare case-insensitively. */
export function actionKey(name: string): string {
  return name.toLowerCase();
}

/** `prefix:Name` as written in policies. */
export function qualifiedName(prefix: string, name: string): string {
  return `${prefix}:${name}`;
}

/** Ordinal, case-insensitive first, so the order does not depend on the locale. */
export function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
